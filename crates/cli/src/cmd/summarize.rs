//! `newsbrief summarize`: batch summaries of a JSONL clusters file, one output line per input cluster.
//!
//! Lines are read and summarised in chunks on all cores, written in input order. A malformed line is
//! reported with its line number and skipped; the others go on, and the exit code is non-zero at the end.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use newsbrief_core::{ingest, summarize, SummaryOptions};
use rayon::prelude::*;
use serde::Serialize;

#[derive(clap::Args)]
pub struct Args {
    /// JSONL clusters: {"id", "documents": [...]} or Multi-News's {"id", "document": "a ||||| b"}; - for stdin.
    #[arg(long, short)]
    input: PathBuf,
    /// Where to write the summaries (JSONL); standard output when not given.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Word budget of each summary (whole sentences, never exceeded).
    #[arg(long, default_value_t = 250)]
    words: usize,
}

/// One line of output.
#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    summary: String,
    sentences: &'a [newsbrief_core::SummarySentence],
}

/// How many lines are summarised together (bounds memory on big inputs).
const CHUNK: usize = 1024;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let reader: Box<dyn BufRead> = if args.input.as_os_str() == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        let file = File::open(&args.input)
            .with_context(|| format!("cannot read {}", args.input.display()))?;
        Box::new(BufReader::new(file))
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot write {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let progress = progress_bar();
    let opts = SummaryOptions::with_words(args.words);
    let (mut failures, mut written) = (0usize, 0usize);
    let mut lines = reader.lines().enumerate();
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for (i, line) in lines.by_ref().take(CHUNK) {
            let line = line.with_context(|| format!("cannot read line {} of the input", i + 1))?;
            if !line.trim().is_empty() {
                chunk.push((i + 1, line));
            }
        }
        if chunk.is_empty() {
            break;
        }
        let results: Vec<_> = chunk
            .par_iter()
            .map(|(number, line)| {
                let cluster =
                    ingest::parse_cluster_line(line).map_err(|e| format!("line {number}: {e}"))?;
                let summary = summarize(&cluster.articles, &opts);
                let json = serde_json::to_string(&Line {
                    id: &cluster.id,
                    summary: summary.text(),
                    sentences: &summary.sentences,
                })
                .map_err(|e| format!("line {number}: {e}"))?;
                Ok::<_, String>(json)
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
                    failures += 1;
                }
            }
            progress.inc(1);
        }
    }
    out.flush().context("cannot write the output")?;
    progress.finish_and_clear();
    if failures > 0 {
        eprintln!("newsbrief: {written} clusters summarised, {failures} lines skipped");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
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
