//! `newsbrief story`: the brief of one stored story, from the database `newsbrief stories --db` wrote.
//!
//! The brief is built from the story's articles as they are now and cached in the database; it is rebuilt
//! only when the story has taken articles since.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use newsbrief_store::StoreError;

use crate::cmd::stories::open_db;

const EXAMPLES: &str = "Examples:
  newsbrief stories --input articles.jsonl --db stories.db
  newsbrief story s12 --db stories.db
  newsbrief story s12 --db stories.db --format json";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The story's id as `newsbrief stories` lists it (s12, or just 12).
    id: String,
    /// The SQLite file `newsbrief stories --db` wrote.
    #[arg(long, value_name = "PATH")]
    db: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
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
    if !args.db.exists() {
        bail!("no database at {}", args.db.display());
    }
    let mut ingest = open_db(&args.db)?;
    let brief = match ingest.brief(&args.id, args.format.name()) {
        Ok(brief) => brief,
        Err(StoreError::NotFound(_)) => {
            bail!("no story {} in {}", args.id, args.db.display())
        }
        Err(e) => return Err(e.into()),
    };
    let newline = if brief.ends_with('\n') { "" } else { "\n" };
    let mut out = io::stdout().lock();
    write!(out, "{brief}{newline}")
        .and_then(|()| out.flush())
        .context("cannot write the brief")?;
    Ok(ExitCode::SUCCESS)
}
