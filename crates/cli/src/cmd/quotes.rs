//! `newsbrief quotes INPUT…`: the direct quotes of articles with their speakers, cue verbs and byte
//! offsets into each article's text (into the file for a text file; into the extracted text for a page),
//! at the end of each text line and as fields of their own in JSON. Inputs are read as every command
//! reads them (`crate::input`).
//!
//! Name mentions come from the committed named-entity tagger (`--no-ner`
//! falls back to capitalised word sequences inside `newsbrief-quotes`).

use std::fmt::Write;
use std::process::ExitCode;

use anyhow::Context;
use newsbrief_core::budget;
use newsbrief_core::document::Document;
use newsbrief_ner::Tagger;
use newsbrief_quotes::{NameSpan, Quote, Span};
use serde::Serialize;

use crate::input::{self, InputArgs};
use crate::output::{self as out, OutputArg};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Output format: text (a `== ID ==` heading per article when there are several) or a JSON array
    /// of quotes, each naming its article (`source`).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Find names by capitalisation instead of the named-entity tagger.
    #[arg(long)]
    no_ner: bool,
    /// Leave out quoted fragments inside the writer's own sentences (partial quotes).
    #[arg(long)]
    no_partial: bool,
    #[command(flatten)]
    output: OutputArg,
}

#[derive(Serialize)]
struct JsonSpan<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonSpeaker<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    entity: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    source: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
    partial: bool,
    speaker: Option<JsonSpeaker<'a>>,
    cue: Option<JsonSpan<'a>>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let articles = input::read_articles(&args.input)?;
    let tagger = if args.no_ner {
        None
    } else {
        Some(Tagger::committed().context("loading the named-entity model")?)
    };
    // Very long articles are read up to the brief's sentence cap, as `brief` reads them.
    let analysed: Vec<Document> = articles
        .iter()
        .map(|a| Document::analyse(&a.text))
        .collect();
    let (articles, _, notes) = budget::analysed_in_full(&articles, &analysed);
    for note in notes {
        eprintln!("newsbrief: note: {note}");
    }
    let found: Vec<Vec<Quote>> = articles
        .iter()
        .map(|article| {
            let names: Vec<NameSpan> = tagger.as_ref().map_or_else(Vec::new, |tagger| {
                tagger
                    .entities(&article.text)
                    .iter()
                    .map(NameSpan::from)
                    .collect()
            });
            newsbrief_quotes::extract(&article.text, &names)
                .into_iter()
                .filter(|q| !(args.no_partial && q.partial))
                .collect()
        })
        .collect();
    let text = match args.format {
        Format::Json => {
            let all: Vec<JsonQuote> = articles
                .iter()
                .zip(&found)
                .flat_map(|(article, quotes)| to_json(&article.id, &article.text, quotes))
                .collect();
            serde_json::to_string_pretty(&all)? + "\n"
        }
        Format::Text if articles.len() == 1 => print_text(&articles[0].text, &found[0]),
        Format::Text => {
            let mut text = String::new();
            for (article, quotes) in articles.iter().zip(&found) {
                let _ = writeln!(text, "== {} ==", article.id);
                text.push_str(&print_text(&article.text, quotes));
            }
            text
        }
    };
    out::write_all(args.output.output.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

fn json_span<'a>(text: &'a str, span: Span) -> JsonSpan<'a> {
    JsonSpan {
        text: span.text(text),
        start: span.start,
        end: span.end,
    }
}

fn to_json<'a>(source: &'a str, text: &'a str, quotes: &'a [Quote]) -> Vec<JsonQuote<'a>> {
    quotes
        .iter()
        .map(|q| JsonQuote {
            source,
            text: &q.text,
            start: q.span.start,
            end: q.span.end,
            partial: q.partial,
            speaker: q.speaker.as_ref().map(|s| JsonSpeaker {
                text: &s.text,
                start: s.span.start,
                end: s.span.end,
                entity: s.resolved_text.as_deref(),
            }),
            cue: q.cue.map(|c| json_span(text, c)),
        })
        .collect()
}

fn print_text(text: &str, quotes: &[Quote]) -> String {
    let mut out = String::new();
    for quote in quotes {
        let who = match &quote.speaker {
            Some(s) => match &s.resolved_text {
                Some(name) if *name != s.text => format!("{} ({name})", s.text),
                _ => s.text.clone(),
            },
            None => "(unattributed)".to_string(),
        };
        let cue = quote
            .cue
            .map(|c| format!(" [{}]", c.text(text)))
            .unwrap_or_default();
        let kind = if quote.partial { " (partial)" } else { "" };
        let _ = writeln!(
            out,
            "{who}{cue}: “{}”{kind} · bytes {}–{}",
            quote.text.replace('\n', " "),
            quote.span.start,
            quote.span.end
        );
    }
    out
}
