//! `newsbrief story`: the brief of one stored story, from the database `newsbrief stories --db` wrote.
//!
//! The brief is built from the story's articles as they are now and cached in the database; it is rebuilt
//! only when the story has taken articles since. With `--sections` or `--since` (an update brief: what is new since a time) it is built afresh
//! and not cached.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use newsbrief_core::render::{self, RenderOptions};
use newsbrief_core::{build_brief, guided, BriefOptions, SummaryOptions};
use newsbrief_store::StoreError;

use crate::cmd::brief::{sections, Sections};
use crate::cmd::stories::{open_db, open_store};
use crate::output::{write_all, OutputArg};

const EXAMPLES: &str = "Examples:
  newsbrief stories --input articles.jsonl --db stories.db
  newsbrief story s12 --db stories.db
  newsbrief story s12 --db stories.db --format json -o s12.json
  newsbrief story s12 --db stories.db --sections summary,sources";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The story's id as `newsbrief stories` lists it (s12, or just 12).
    id: String,
    /// The SQLite file `newsbrief stories --db` wrote.
    #[arg(long, value_name = "PATH", required_unless_present = "store")]
    db: Option<PathBuf>,
    /// The store `newsbrief stories --store` wrote, as its URL (postgres://… or sqlite://PATH).
    #[arg(long, value_name = "URL", conflicts_with = "db")]
    store: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// Sections to show in md and text, comma-separated: summary, entities, quotes, timeline, sourcing,
    /// sources [default: all].
    #[arg(long, value_parser = sections)]
    sections: Option<Sections>,
    /// An update brief: "What's new" since TIME (RFC 3339 or YYYY-MM-DD); the story's articles published
    /// before it are the ones seen.
    #[arg(long, value_name = "TIME")]
    since: Option<String>,
    #[command(flatten)]
    output: OutputArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Json,
    Text,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Text => "text",
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (mut ingest, place) = match (&args.db, &args.store) {
        (Some(path), _) => {
            if !path.exists() {
                bail!("no database at {}", path.display());
            }
            (open_db(path)?, path.display().to_string())
        }
        (None, Some(url)) => (open_store(url)?, "the store".to_owned()),
        (None, None) => bail!("say where the stories are: --db PATH or --store URL"),
    };
    let missing = || format!("no story {} in {place}", args.id);
    let brief = match (&args.sections, &args.since) {
        (None, None) => match ingest.brief(&args.id, args.format.name()) {
            Err(StoreError::NotFound(_)) => bail!(missing()),
            other => other?,
        },
        (sections, since) => {
            let articles = match ingest.story_articles(&args.id) {
                Err(StoreError::NotFound(_)) => bail!(missing()),
                other => other?,
            };
            let brief = match since {
                None => build_brief(&articles, &BriefOptions::default())?,
                Some(since) => {
                    let (new, seen) = guided::split_since(articles, since)?;
                    let opts = BriefOptions {
                        summary: SummaryOptions::with_words(newsbrief_core::UPDATE_WORDS),
                        seen,
                        ..BriefOptions::default()
                    };
                    build_brief(&new, &opts)?
                }
            };
            let opts = RenderOptions {
                sections: sections
                    .as_ref()
                    .map_or_else(|| RenderOptions::default().sections, |s| s.0.clone()),
            };
            match args.format {
                Format::Md => render::markdown_with(&brief, &opts),
                Format::Text => render::text_with(&brief, &opts),
                Format::Json => render::json(&brief),
            }
        }
    };
    let newline = if brief.ends_with('\n') { "" } else { "\n" };
    write_all(args.output.output.as_deref(), &format!("{brief}{newline}"))?;
    Ok(ExitCode::SUCCESS)
}
