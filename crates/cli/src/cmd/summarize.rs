//! `newsbrief summarize`: batch summaries of a JSONL clusters file, one output line per input cluster.
//!
//! Lines are read as bytes and summarised in chunks on all cores, written in input order. A line that gives
//! no summary (invalid UTF-8, not JSON, not a cluster, no non-empty document) is reported with its line
//! number and skipped; the others go on, and the exit code is then 2, after a final count on stderr (as
//! `newsbrief stories`). Only an input that cannot be read any further stops the run (exit 1): on standard
//! output the lines read before the error are written; an `--output` file is written only by a run
//! that ends (atomically, so a failed run never leaves half a file).

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use newsbrief_core::ingest::{self, IngestError};
use newsbrief_core::{summarize, SummaryNote, SummaryOptions};
use rayon::prelude::*;
use serde::Serialize;

use crate::output::Sink;

const AFTER_HELP: &str =
    "Exit status: 0 all summarised, 1 error, 2 some lines skipped (each reported on stderr \
with its line number).";

#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// JSONL clusters: {"id", "documents": [...]} or Multi-News's {"id", "document": "a ||||| b"}; - for stdin.
    #[arg(long, short)]
    input: PathBuf,
    /// Where to write the summaries (JSONL, atomically: all or nothing); standard output when not given.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Word budget of each summary (whole sentences, never exceeded) [default: 250; 100 for a line with
    /// "seen" articles].
    #[arg(long, value_parser = super::word_budget)]
    words: Option<usize>,
}

/// One line of output.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    summary: String,
    sentences: &'a [newsbrief_core::SummarySentence],
    /// The line's `"focus"`, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    focus: Option<&'a str>,
    /// For a focused or update summary: the focus found nowhere, nothing new.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<Note>,
}

#[derive(Serialize)]
struct Note {
    kind: SummaryNote,
    message: &'static str,
}

/// Default word budget of an update ("what's new") summary.
const UPDATE_WORDS: usize = 100;

/// How many lines are summarised together (bounds memory on big inputs).
const CHUNK: usize = 1024;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut reader: Box<dyn BufRead> = if args.input.as_os_str() == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let file = File::open(&args.input)
            .with_context(|| format!("cannot read {}", args.input.display()))?;
        Box::new(BufReader::new(file))
    };
    let mut out = Sink::open(args.output.as_deref())?;
    let progress = progress_bar();
    let words = args.words;
    let (mut skipped, mut written) = (0usize, 0usize);
    let mut number = 0usize;
    loop {
        // A read error ends the input, but only after the lines read before it are written.
        let (chunk, read) = read_chunk(reader.as_mut(), &mut number);
        let results: Vec<_> = chunk
            .par_iter()
            .map(|(number, bytes)| {
                summarize_line(bytes, words).map_err(|e| format!("line {number}: {e}"))
            })
            .collect();
        for result in results {
            match result {
                Ok(json) => {
                    writeln!(out, "{json}").context("cannot write the output")?;
                    written += 1;
                }
                Err(message) => {
                    progress.suspend(|| eprintln!("newsbrief: {message}"));
                    skipped += 1;
                }
            }
            progress.inc(1);
        }
        match read {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                if matches!(out, Sink::Stdout(_)) {
                    out.finish().context("cannot write the output")?;
                }
                progress.finish_and_clear();
                return Err(e).with_context(|| {
                    format!(
                        "cannot read line {} of the input ({written} clusters summarised before it)",
                        number + 1
                    )
                });
            }
        }
    }
    out.finish().context("cannot write the output")?;
    progress.finish_and_clear();
    if skipped > 0 {
        eprintln!("newsbrief: {written} clusters summarised, {skipped} lines skipped");
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// Up to [`CHUNK`] next non-blank lines as bytes, with their numbers (`number` counts every line read),
/// and whether the input goes on (`Ok(false)` at its end, the error when it cannot be read further).
fn read_chunk(
    reader: &mut dyn BufRead,
    number: &mut usize,
) -> (Vec<(usize, Vec<u8>)>, io::Result<bool>) {
    let mut chunk = Vec::with_capacity(CHUNK);
    while chunk.len() < CHUNK {
        let mut bytes = Vec::new();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return (chunk, Ok(false)),
            Ok(_) => {
                *number += 1;
                if !bytes.iter().all(u8::is_ascii_whitespace) {
                    chunk.push((*number, bytes));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return (chunk, Err(e)),
        }
    }
    (chunk, Ok(true))
}

/// Why one line gives no summary.
#[derive(Debug, thiserror::Error)]
enum LineError {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    #[error("no documents (the cluster has no non-empty document)")]
    NoDocuments,
    #[error("the \"focus\" is empty: give the question the summary should answer")]
    EmptyFocus,
    #[error("cannot write the summary: {0}")]
    Json(#[from] serde_json::Error),
}

/// One input line (bytes, whatever they hold) as its output line.
/// `words` is the budget asked for (the default of the line's kind when none).
fn summarize_line(bytes: &[u8], words: Option<usize>) -> Result<String, LineError> {
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8(e.valid_up_to()))?;
    let cluster = ingest::parse_cluster_line(text)?;
    if cluster.articles.is_empty() {
        return Err(LineError::NoDocuments);
    }
    if cluster
        .focus
        .as_deref()
        .is_some_and(|f| f.trim().is_empty())
    {
        return Err(LineError::EmptyFocus);
    }
    let default_words = if cluster.seen.is_empty() {
        SummaryOptions::default().words
    } else {
        UPDATE_WORDS
    };
    let opts = SummaryOptions {
        focus: cluster.focus.clone(),
        seen: cluster.seen.iter().map(|a| a.text.clone()).collect(),
        ..SummaryOptions::with_words(words.unwrap_or(default_words))
    };
    let summary = summarize(&cluster.articles, &opts);
    Ok(serde_json::to_string(&Line {
        id: &cluster.id,
        summary: summary.text(),
        sentences: &summary.sentences,
        focus: cluster.focus.as_deref(),
        notes: summary
            .notes
            .iter()
            .map(|&kind| Note {
                kind,
                message: kind.message(),
            })
            .collect(),
    })?)
}

/// A spinner with counts on stderr when it is a terminal; hidden otherwise.
fn progress_bar() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos} clusters summarised ({per_sec}, {elapsed})")
    {
        bar.set_style(style);
    }
    bar
}
