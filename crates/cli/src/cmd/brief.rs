//! `newsbrief brief`: the brief of one story, from article files, a directory or stdin.

use std::path::PathBuf;
use std::process::ExitCode;

use newsbrief_core::render::{self, RenderOptions, Section};
use newsbrief_core::{build_brief, BriefOptions, SummaryOptions};

use crate::input;

#[derive(clap::Args)]
pub struct Args {
    /// Article files, directories of articles, or - for one article on standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Word budget of the summary (whole sentences, never exceeded).
    #[arg(long, value_parser = super::word_budget, default_value_t = 250)]
    words: usize,
    /// Output format: Markdown, plain text, a standalone HTML page, or JSON (everything, uncapped).
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// Sections to show in md, text and html, comma-separated: summary, entities, quotes, timeline,
    /// sourcing, sources [default: all]. Long lists stop at 10 entities, 8 quotes, 12 timeline entries and
    /// 8 single-source claims, with the number left out.
    #[arg(long, value_parser = sections)]
    sections: Option<Sections>,
}

/// The sections of `--sections`, each once, in the brief's order.
#[derive(Clone)]
struct Sections(Vec<Section>);

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Text,
    Html,
    Json,
}

fn sections(list: &str) -> Result<Sections, String> {
    render::parse_sections(list)
        .map(Sections)
        .map_err(|e| e.to_string())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let articles = input::read_articles(&args.paths)?;
    let opts = BriefOptions {
        summary: SummaryOptions::with_words(args.words),
    };
    let brief = build_brief(&articles, &opts)?;
    let render_opts = match args.sections {
        Some(Sections(sections)) => RenderOptions { sections },
        None => RenderOptions::default(),
    };
    let out = match args.format {
        Format::Md => render::markdown_with(&brief, &render_opts),
        Format::Text => render::text_with(&brief, &render_opts),
        Format::Html => newsbrief_server::page::standalone(
            &brief,
            &newsbrief_server::page::source_texts(&brief, &articles),
            &render_opts.sections,
        ),
        Format::Json => render::json(&brief) + "\n",
    };
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
