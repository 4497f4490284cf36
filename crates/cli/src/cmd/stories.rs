//! `newsbrief stories`: ingests a stream of articles in input order, groups them into stories, and lists the
//! stories, biggest and most recent first.
//!
//! The input is read and stored a chunk at a time (memory stays bounded by the detector's open stories, not
//! by the input). With `--db` everything is kept in an SQLite file and a killed run can be run again: the
//! articles already stored come back as they were. A line or file that cannot be an article is reported and
//! skipped; the exit code is then 2.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use indicatif::{ProgressBar, ProgressStyle};
use newsbrief_store::{Ingest, Order, Outcome, StoryQuery, StorySummary};
use serde::Serialize;

use crate::output::{OutputArg, Sink};
use crate::stream_input::ArticleStream;

const EXAMPLES: &str = "Examples:
  newsbrief stories --input articles.jsonl
  newsbrief stories --input articles.jsonl --db stories.db --assignments assigned.jsonl
  cat articles.jsonl | newsbrief stories --input - --format jsonl
  newsbrief stories --input examples/sessions-kislyak --db stories.db
  newsbrief stories --db stories.db --limit 20 -o stories.md
  newsbrief stories --input articles.jsonl --store postgres://news@db.example/newsbrief

Input lines: {\"id\", \"text\" | \"html\", \"title\"?, \"published\"?, \"outlet\"?, \"url\"?}
Exit status: 0 all read, 1 error, 2 some lines or files skipped (each reported on stderr).";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// Articles to ingest, in order: a JSONL file (one article per line), a directory of article files
    /// (text, HTML, WARC; oldest published first, undated last), or - for JSONL on standard input.
    /// Repeat for several inputs. Without it, --db lists the stories already stored.
    #[arg(long, short, value_name = "STREAM", required_unless_present_any = ["db", "store"])]
    input: Vec<PathBuf>,
    /// SQLite file keeping articles, stories and briefs (created when missing). A re-run of the same
    /// input stores nothing twice. Without it the stories are kept in memory for this run only.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// The store as a URL instead of --db: postgres://USER@HOST:PORT/DB (shared by several machines; the
    /// schema is created when missing) or sqlite://PATH (the same as --db PATH).
    #[arg(long, value_name = "URL", conflicts_with = "db")]
    store: Option<String>,
    /// Write each input article's story here, one JSON line per article in input order:
    /// {"id", "story", "duplicate_of"}.
    #[arg(long, value_name = "OUT.jsonl")]
    assignments: Option<PathBuf>,
    /// Output format of the listing.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// List at most this many stories.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    #[command(flatten)]
    output: OutputArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    /// A heading and one line per story.
    Md,
    /// {"stories": [...], "articles": read in this run, "skipped": lines and files left out}.
    Json,
    /// One story per line.
    Jsonl,
}

/// Articles given to the store at once (one transaction each).
const CHUNK: usize = 512;

/// One line of the assignments file.
#[derive(Serialize)]
struct Assignment<'a> {
    id: &'a str,
    story: &'a str,
    duplicate_of: Option<&'a str>,
}

/// What the ingest read.
#[derive(Default)]
struct Counts {
    articles: usize,
    skipped: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut ingest = match (&args.db, &args.store) {
        (Some(path), _) => {
            if args.input.is_empty() && !path.exists() {
                bail!("no database at {}", path.display());
            }
            open_db(path)?
        }
        (None, Some(url)) => open_store(url)?,
        (None, None) => Ingest::in_memory(),
    };
    let counts = if args.input.is_empty() {
        if let Some(path) = &args.assignments {
            // No input: the assignments the store holds (a cluster's workers wrote them, or an earlier run).
            let stored = ingest
                .assignments()
                .context("cannot read the assignments")?;
            let mut out = Sink::open(Some(path))?;
            write_assignments(&mut out, &stored)
                .with_context(|| format!("cannot write {}", path.display()))?;
            out.finish()?;
        }
        Counts::default()
    } else {
        ingest_inputs(&mut ingest, &args)?
    };
    let query = StoryQuery {
        limit: args.limit,
        since: None,
    };
    let stories = ingest
        .stories(&query, Order::Biggest)
        .context("cannot list the stories")?;
    let mut out = Sink::open(args.output.output.as_deref())?;
    match args.format {
        Format::Md => write!(out, "{}", markdown(&stories)),
        Format::Json => {
            let listing = serde_json::json!({
                "stories": stories,
                "articles": counts.articles,
                "skipped": counts.skipped,
            });
            writeln!(out, "{listing:#}")
        }
        Format::Jsonl => stories.iter().try_for_each(|story| {
            writeln!(
                out,
                "{}",
                serde_json::to_string(story).map_err(io::Error::other)?
            )
        }),
    }
    .context("cannot write the listing")?;
    out.finish()?;
    if counts.skipped > 0 {
        eprintln!(
            "newsbrief: {} articles read, {} skipped",
            counts.articles, counts.skipped
        );
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// The store `--store` names.
pub fn open_store(url: &str) -> anyhow::Result<Ingest> {
    Ingest::open(url).context("cannot open the store")
}

pub fn open_db(path: &Path) -> anyhow::Result<Ingest> {
    Ingest::open_sqlite(path)
        .with_context(|| format!("cannot open the database {}", path.display()))
}

/// Reads every input into the ingest, chunk by chunk, writing the assignments as it goes.
fn ingest_inputs(ingest: &mut Ingest, args: &Args) -> anyhow::Result<Counts> {
    let mut stream = ArticleStream::open(&args.input)?;
    let mut assignments = match &args.assignments {
        Some(path) => {
            let file =
                File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
            Some((BufWriter::new(file), path.display()))
        }
        None => None,
    };
    let progress = progress_bar();
    let mut counts = Counts::default();
    let mut new_stories = 0usize;
    loop {
        let chunk = stream.next_chunk(CHUNK, &mut |skipped| {
            counts.skipped += 1;
            progress.suspend(|| eprintln!("newsbrief: {skipped}"));
        })?;
        if chunk.is_empty() {
            break;
        }
        let outcomes = ingest.add(&chunk).context("cannot store the articles")?;
        if let Some((out, path)) = &mut assignments {
            write_assignments(out, &outcomes).with_context(|| format!("cannot write {path}"))?;
        }
        counts.articles += outcomes.len();
        new_stories += outcomes.iter().filter(|o| o.new_story).count();
        progress.set_position(counts.articles as u64);
        let rate = counts.articles as f64 / progress.elapsed().as_secs_f64().max(1e-3);
        progress.set_message(format!(
            "{new_stories} stories started, {rate:.0} articles/s"
        ));
    }
    ingest
        .checkpoint()
        .context("cannot save the detector's state")?;
    if let Some((out, path)) = &mut assignments {
        out.flush()
            .with_context(|| format!("cannot write {path}"))?;
    }
    progress.finish_and_clear();
    Ok(counts)
}

fn write_assignments(out: &mut impl Write, outcomes: &[Outcome]) -> io::Result<()> {
    for outcome in outcomes {
        let line = Assignment {
            id: &outcome.id,
            story: &outcome.story,
            duplicate_of: outcome.duplicate_of.as_deref(),
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The listing in Markdown: `- s12 · Title · 5 articles (4 sources) · AP, Reuters · 2017-03-02 – 2017-03-03`.
fn markdown(stories: &[StorySummary]) -> String {
    let mut out = String::from("# Stories\n\n");
    if stories.is_empty() {
        out.push_str("No stories.\n");
    }
    for story in stories {
        let title = story
            .title
            .as_deref()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "(no title)".to_owned());
        let mut parts = vec![
            story.id.clone(),
            title,
            format!(
                "{} ({})",
                plural(story.articles, "article"),
                plural(story.sources, "source")
            ),
        ];
        if !story.outlets.is_empty() {
            parts.push(story.outlets.join(", "));
        }
        let first = story.first_seen.as_deref().map(day);
        let last = story.last_seen.as_deref().map(day);
        match (first, last) {
            (Some(a), Some(b)) if a != b => parts.push(format!("{a} – {b}")),
            (Some(a), _) | (None, Some(a)) => parts.push(a.to_owned()),
            (None, None) => {}
        }
        out.push_str("- ");
        out.push_str(&parts.join(" · "));
        out.push('\n');
    }
    out
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The calendar day of a time given as `2017-03-02T…`, or the time as it is.
fn day(time: &str) -> &str {
    match time.get(..10) {
        Some(date) if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok() => date,
        _ => time,
    }
}

/// A spinner with counts on stderr when it is a terminal; hidden otherwise.
fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {human_pos} articles read, {msg} ({elapsed})")
    {
        bar.set_style(style);
    }
    bar.set_message("0 stories started");
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, articles: usize, sources: usize) -> StorySummary {
        StorySummary {
            id: id.into(),
            title: Some("Storm cuts\npower".into()),
            articles,
            sources,
            outlets: vec!["AP".into(), "Reuters".into()],
            first_seen: Some("2017-03-02T10:00:00Z".into()),
            last_seen: Some("2017-03-03".into()),
            updated: 4,
        }
    }

    #[test]
    fn markdown_lines() {
        let mut one = story("s2", 1, 1);
        one.title = None;
        one.outlets.clear();
        one.last_seen = Some("2017-03-02T11:00:00Z".into());
        assert_eq!(
            markdown(&[story("s12", 5, 4), one]),
            "# Stories\n\n\
             - s12 · Storm cuts power · 5 articles (4 sources) · AP, Reuters · 2017-03-02 – 2017-03-03\n\
             - s2 · (no title) · 1 article (1 source) · 2017-03-02\n"
        );
        assert_eq!(markdown(&[]), "# Stories\n\nNo stories.\n");
    }
}
