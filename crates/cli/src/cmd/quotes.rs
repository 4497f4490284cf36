//! `newsbrief quotes ARTICLE`: the direct quotes of one article with their
//! speakers, cue verbs and byte offsets into the article file (at the end of each
//! text line; fields of their own in JSON).
//!
//! Name mentions come from the committed named-entity tagger (`--no-ner`
//! falls back to capitalised word sequences inside `newsbrief-quotes`).

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use newsbrief_ner::Tagger;
use newsbrief_quotes::{NameSpan, Quote, Span};
use serde::Serialize;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// The article: a UTF-8 text file.
    article: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Find names by capitalisation instead of the named-entity tagger.
    #[arg(long)]
    no_ner: bool,
    /// Leave out quoted fragments inside the writer's own sentences (partial quotes).
    #[arg(long)]
    no_partial: bool,
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
    text: &'a str,
    start: usize,
    end: usize,
    partial: bool,
    speaker: Option<JsonSpeaker<'a>>,
    cue: Option<JsonSpan<'a>>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let bytes = std::fs::read(&args.article)
        .with_context(|| format!("reading {}", args.article.display()))?;
    let text = String::from_utf8(bytes)
        .with_context(|| format!("{} is not UTF-8 text", args.article.display()))?;
    let names = if args.no_ner {
        Vec::new()
    } else {
        names(&text)?
    };
    let quotes: Vec<Quote> = newsbrief_quotes::extract(&text, &names)
        .into_iter()
        .filter(|q| !(args.no_partial && q.partial))
        .collect();
    match args.format {
        Format::Json => {
            super::print(&(serde_json::to_string_pretty(&to_json(&text, &quotes))? + "\n"))?
        }
        Format::Text => super::print(&print_text(&text, &quotes))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn names(text: &str) -> anyhow::Result<Vec<NameSpan>> {
    let tagger = Tagger::committed().context("loading the named-entity model")?;
    Ok(tagger.entities(text).iter().map(NameSpan::from).collect())
}

fn json_span<'a>(text: &'a str, span: Span) -> JsonSpan<'a> {
    JsonSpan {
        text: span.text(text),
        start: span.start,
        end: span.end,
    }
}

fn to_json<'a>(text: &'a str, quotes: &'a [Quote]) -> Vec<JsonQuote<'a>> {
    quotes
        .iter()
        .map(|q| JsonQuote {
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
