//! `newsbrief brief`: the brief of one story, from article files, directories, URLs, feeds or stdin;
//! or, for a JSONL clusters file, one brief per line.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use newsbrief_core::render::{self, RenderOptions, Section};
use newsbrief_core::{build_brief, Article, Brief, BriefOptions, SummaryOptions, UPDATE_WORDS};
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
    /// Word budget of the summary (whole sentences, never exceeded) [default: 250; 100 with --seen].
    #[arg(long, value_parser = super::word_budget)]
    words: Option<usize>,
    /// A question the brief should answer: its summary, entities, quotes and timeline bear on it first.
    #[arg(long, value_name = "TEXT")]
    focus: Option<String>,
    /// Articles the reader has already seen (files, directories, URLs or - like the inputs): the brief
    /// says what the inputs add to them ("What's new").
    #[arg(long, value_name = "INPUT", num_args = 1..)]
    seen: Vec<PathBuf>,
    /// Output format: Markdown, plain text, a standalone HTML page, or JSON (everything, uncapped).
    #[arg(long, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// The date (YYYY-MM-DD) of articles that carry none, to anchor their relative dates ("Monday").
    #[arg(long)]
    date: Option<NaiveDate>,
    /// Sections to show in md, text and html, comma-separated: summary, entities, quotes, timeline,
    /// sourcing, sources [default: all]. Long lists stop at 10 entities, 8 quotes, 12 timeline entries and
    /// 8 single-source claims, with the number left out.
    #[arg(long, value_parser = sections)]
    sections: Option<Sections>,
    #[command(flatten)]
    output: OutputArg,
}

/// The sections of `--sections`, each once, in the brief's order.
#[derive(Clone)]
pub(crate) struct Sections(pub(crate) Vec<Section>);

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Md,
    Text,
    Html,
    Json,
}

/// The options of a clusters line with its own `"focus"` or `"seen"` (which win over the command's);
/// none when it has neither.
fn line_options(
    opts: &BriefOptions,
    cluster: &mut newsbrief_core::Cluster,
    words: Option<usize>,
) -> Option<BriefOptions> {
    if cluster.focus.is_none() && cluster.seen.is_empty() {
        return None;
    }
    let seen = std::mem::take(&mut cluster.seen);
    let words = words.unwrap_or(if seen.is_empty() { 250 } else { UPDATE_WORDS });
    Some(BriefOptions {
        summary: SummaryOptions::with_words(words),
        focus: cluster.focus.take().or_else(|| opts.focus.clone()),
        seen: if seen.is_empty() {
            opts.seen.clone()
        } else {
            seen
        },
    })
}

/// The articles of `--seen`: every article of the inputs, clusters files' lines included.
fn read_seen(paths: &[PathBuf], date: Option<NaiveDate>) -> anyhow::Result<Vec<Article>> {
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let inputs = input::read(&InputArgs {
        inputs: paths.to_vec(),
        feed: Vec::new(),
    })?;
    let mut seen = inputs.articles;
    for (_, lines) in inputs.clusters {
        for line in lines {
            seen.extend(line.cluster?.articles);
        }
    }
    if seen.is_empty() {
        bail!("no usable article in --seen");
    }
    date_undated(&mut seen, date);
    Ok(seen)
}

pub(crate) fn sections(list: &str) -> Result<Sections, String> {
    render::parse_sections(list)
        .map(Sections)
        .map_err(|e| e.to_string())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = input::read(&args.input)?;
    let seen = read_seen(&args.seen, args.date)?;
    let words = args
        .words
        .unwrap_or(if seen.is_empty() { 250 } else { UPDATE_WORDS });
    let opts = BriefOptions {
        summary: SummaryOptions::with_words(words),
        focus: args.focus.clone(),
        seen,
    };
    let render_opts = match args.sections {
        Some(Sections(sections)) => RenderOptions { sections },
        None => RenderOptions::default(),
    };
    if inputs.clusters.is_empty() {
        let mut articles = inputs.articles;
        if articles.is_empty() {
            bail!("no usable article in the input");
        }
        date_undated(&mut articles, args.date);
        let brief = build_brief(&articles, &opts)?;
        let mut sink = Sink::open(args.output.output.as_deref())?;
        sink.write_all(rendered(&brief, &articles, args.format, &render_opts).as_bytes())?;
        sink.finish()?;
        return Ok(ExitCode::SUCCESS);
    }
    if !inputs.articles.is_empty() {
        bail!("a JSONL file of clusters gives one brief per line: give it without other articles");
    }
    if matches!(args.format, Format::Html) {
        bail!("--format html writes the page of one story: give a clusters file with --format md, text or json");
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
                    let line_opts = line_options(&opts, &mut cluster, args.words);
                    let brief =
                        build_brief(&cluster.articles, line_opts.as_ref().unwrap_or(&opts))?;
                    Ok((cluster.id, brief, cluster.articles))
                });
            match brief {
                Ok((id, brief, articles)) => {
                    let text = match args.format {
                        Format::Json => {
                            serde_json::to_string(&Record {
                                id: &id,
                                brief: &brief,
                            })? + "\n"
                        }
                        Format::Md | Format::Html => format!(
                            "{}<!-- cluster {id} -->\n{}",
                            if written > 0 { "\n---\n\n" } else { "" },
                            rendered(&brief, &articles, args.format, &render_opts)
                        ),
                        Format::Text => format!(
                            "{}== cluster {id} ==\n\n{}",
                            if written > 0 { "\n" } else { "" },
                            rendered(&brief, &articles, args.format, &render_opts)
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

/// The brief of `articles` in `format`, with the sections of `opts`.
fn rendered(brief: &Brief, articles: &[Article], format: Format, opts: &RenderOptions) -> String {
    match format {
        Format::Md => render::markdown_with(brief, opts),
        Format::Text => render::text_with(brief, opts),
        Format::Html => newsbrief_server::page::standalone(
            brief,
            &newsbrief_server::page::source_texts(brief, articles),
            &opts.sections,
        ),
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
