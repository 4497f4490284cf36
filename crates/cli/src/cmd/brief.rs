//! `newsbrief brief`: the brief of one story, from article files, directories, URLs, feeds or stdin;
//! or, for a JSONL clusters file, one brief per line.

use std::io::Write;
use std::process::ExitCode;

use anyhow::bail;
use newsbrief_core::{build_brief, render, Article, Brief, BriefOptions, SummaryOptions};
use newsbrief_timex::NaiveDate;

use crate::input::{self, InputArgs};
use crate::output::{OutputArg, Sink};

const AFTER_HELP: &str =
    "A JSONL file of clusters ({\"id\", \"documents\" | \"articles\": [...]} per line) \
gives one brief per line: with --format json one JSON line {\"id\", \"brief\"} each. \
Exit status: 0 done, 1 error, 2 some lines skipped (each reported on stderr with its line number).";

#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Word budget of the summary (whole sentences, never exceeded).
    #[arg(long, value_parser = super::word_budget, default_value_t = 250)]
    words: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// The date (YYYY-MM-DD) of articles that carry none, to anchor their relative dates ("Monday").
    #[arg(long)]
    date: Option<NaiveDate>,
    #[command(flatten)]
    output: OutputArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Text,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = input::read(&args.input)?;
    let opts = BriefOptions {
        summary: SummaryOptions::with_words(args.words),
    };
    if inputs.clusters.is_empty() {
        let mut articles = inputs.articles;
        if articles.is_empty() {
            bail!("no usable article in the input");
        }
        date_undated(&mut articles, args.date);
        let brief = build_brief(&articles, &opts)?;
        let mut sink = Sink::open(args.output.output.as_deref())?;
        sink.write_all(rendered(&brief, args.format).as_bytes())?;
        sink.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    if !inputs.articles.is_empty() {
        bail!("a JSONL file of clusters gives one brief per line: give it without other articles");
    }
    let mut sink = Sink::open(args.output.output.as_deref())?;
    let (mut written, mut skipped) = (0usize, 0usize);
    for (name, lines) in inputs.clusters {
        for line in lines {
            let place = format!("{name}: line {}", line.line);
            let brief = line
                .cluster
                .map_err(anyhow::Error::from)
                .and_then(|mut cluster| {
                    date_undated(&mut cluster.articles, args.date);
                    Ok((cluster.id, build_brief(&cluster.articles, &opts)?))
                });
            match brief {
                Ok((id, brief)) => {
                    let text = match args.format {
                        Format::Json => {
                            serde_json::to_string(&Record {
                                id: &id,
                                brief: &brief,
                            })? + "\n"
                        }
                        Format::Md => format!(
                            "{}<!-- cluster {id} -->\n{}",
                            if written > 0 { "\n---\n\n" } else { "" },
                            rendered(&brief, args.format)
                        ),
                        Format::Text => format!(
                            "{}== cluster {id} ==\n\n{}",
                            if written > 0 { "\n" } else { "" },
                            rendered(&brief, args.format)
                        ),
                    };
                    sink.write_all(text.as_bytes())?;
                    written += 1;
                }
                Err(e) => {
                    eprintln!("newsbrief: {place}: {e:#}");
                    skipped += 1;
                }
            }
        }
    }
    if written == 0 {
        bail!("no usable cluster in the input");
    }
    sink.finish()?;
    if skipped > 0 {
        eprintln!("newsbrief: {written} clusters briefed, {skipped} lines skipped");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// One line of the JSONL output of a clusters file.
#[derive(serde::Serialize)]
struct Record<'a> {
    id: &'a str,
    brief: &'a Brief,
}

fn rendered(brief: &Brief, format: Format) -> String {
    match format {
        Format::Md => render::markdown(brief),
        Format::Text => render::text(brief),
        Format::Json => render::json(brief) + "\n",
    }
}

/// Gives `date` to the articles that have no publication date.
fn date_undated(articles: &mut [Article], date: Option<NaiveDate>) {
    if let Some(date) = date {
        for article in articles.iter_mut().filter(|a| a.published.is_none()) {
            article.published = Some(date.to_string());
        }
    }
}
