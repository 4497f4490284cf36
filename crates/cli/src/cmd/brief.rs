//! `newsbrief brief`: the brief of one story, from article files, a directory or stdin.

use std::path::PathBuf;
use std::process::ExitCode;

use newsbrief_core::{build_brief, render, BriefOptions, SummaryOptions};

use crate::input;

#[derive(clap::Args)]
pub struct Args {
    /// Article files, directories of articles, or - for one article on standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Word budget of the summary (whole sentences, never exceeded).
    #[arg(long, value_parser = super::word_budget, default_value_t = 250)]
    words: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Text,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let articles = input::read_articles(&args.paths)?;
    let opts = BriefOptions {
        summary: SummaryOptions::with_words(args.words),
    };
    let brief = build_brief(&articles, &opts)?;
    let out = match args.format {
        Format::Md => render::markdown(&brief),
        Format::Text => render::text(&brief),
        Format::Json => render::json(&brief) + "\n",
    };
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
