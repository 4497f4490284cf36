//! `newsbrief extract`: the article text and metadata of saved web pages (`.html`, `.htm`,
//! `.html.gz`), WARC files, plain text or fetched URLs, one record per article, each naming its input
//! (`source`): JSON Lines (the default), a JSON array, or text.

use std::fmt::Write;
use std::process::ExitCode;

use newsbrief_extract::Page;

use crate::input::{self, RawInput};
use crate::output::{self as out, OutputArg};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array of objects.
    Json,
    Text,
}

const AFTER_HELP: &str =
    "Exit status: 0 all read, 1 error, 2 some inputs skipped (each reported on stderr).";

#[derive(clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// Pages to read: HTML (also gzip-compressed), WARC (.warc, .warc.gz), plain text, directories of
    /// them, URLs to fetch, or - for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub files: Vec<std::path::PathBuf>,
    /// Output format: one record per article, each with its `source`.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: Format,
    #[command(flatten)]
    pub output: OutputArg,
}

#[derive(serde::Serialize)]
struct Record {
    /// The input the article comes from (`NAME#2` for the second page of a WARC file).
    source: String,
    title: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    site: Option<String>,
    url: Option<String>,
    language: Option<String>,
    text: String,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut records = Vec::new();
    let mut skipped = 0usize;
    input::raw_inputs(&args.files, &mut |raw| {
        match newsbrief_extract::read_document(&raw.bytes, &raw.hint) {
            Ok(pages) => records.extend(to_records(&raw, pages)),
            Err(e) => {
                eprintln!("newsbrief: skipping {}: {e}", raw.name);
                skipped += 1;
            }
        }
        Ok(())
    })?;
    let text = match args.format {
        Format::Jsonl => {
            let mut text = String::new();
            for record in &records {
                text.push_str(&serde_json::to_string(record)?);
                text.push('\n');
            }
            text
        }
        Format::Json => serde_json::to_string_pretty(&records)? + "\n",
        Format::Text => print_text(&records),
    };
    out::write_all(args.output.output.as_deref(), &text)?;
    Ok(if skipped > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn to_records(raw: &RawInput, pages: Vec<Page>) -> Vec<Record> {
    let several = pages.len() > 1;
    pages
        .into_iter()
        .enumerate()
        .map(|(i, page)| {
            for warning in &page.warnings {
                eprintln!("newsbrief: warning: {}: {warning}", raw.name);
            }
            Record {
                source: if several {
                    format!("{}#{}", raw.name, i + 1)
                } else {
                    raw.name.clone()
                },
                title: page.title,
                authors: page.authors,
                published: page.published,
                site: page.site,
                url: page.url.or_else(|| raw.url.clone()),
                language: page.language,
                text: page.text,
            }
        })
        .collect()
}

fn print_text(pages: &[Record]) -> String {
    let mut out = String::new();
    for (index, page) in pages.iter().enumerate() {
        if index > 0 {
            let _ = writeln!(out, "\n----\n");
        }
        let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_string());
        let _ = writeln!(out, "Source: {}", page.source);
        let _ = writeln!(out, "Title: {}", field(&page.title));
        let _ = writeln!(
            out,
            "Authors: {}",
            if page.authors.is_empty() {
                "-".to_string()
            } else {
                page.authors.join(", ")
            }
        );
        let _ = writeln!(out, "Published: {}", field(&page.published));
        let _ = writeln!(out, "Site: {}", field(&page.site));
        let _ = writeln!(out, "URL: {}", field(&page.url));
        let _ = writeln!(out, "Language: {}", field(&page.language));
        let _ = writeln!(out, "\n{}", page.text);
    }
    out
}
