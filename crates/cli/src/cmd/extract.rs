//! `newsbrief extract`: prints the article text and metadata extracted from saved web pages
//! (`.html`, `.htm`, `.html.gz`), WARC files or plain text, as JSON or as text.

use std::fmt::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use newsbrief_extract::Page;

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Json,
    Text,
}

#[derive(clap::Args)]
pub struct Args {
    /// Pages to read: HTML (also gzip-compressed), WARC (.warc, .warc.gz) or plain text.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format: one JSON object per article (an array when there are several), or text.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
}

#[derive(serde::Serialize)]
struct Output<'a> {
    title: &'a Option<String>,
    authors: &'a [String],
    published: &'a Option<String>,
    site: &'a Option<String>,
    url: &'a Option<String>,
    language: &'a Option<String>,
    text: &'a str,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut pages = Vec::new();
    let mut failed = false;
    for path in &args.files {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{name}: cannot read: {e}");
                failed = true;
                continue;
            }
        };
        match newsbrief_extract::read_document(&bytes, &name) {
            Ok(found) => {
                for page in &found {
                    for warning in &page.warnings {
                        eprintln!("{name}: warning: {warning}");
                    }
                }
                pages.extend(found);
            }
            Err(e) => {
                eprintln!("{name}: {e}");
                failed = true;
            }
        }
    }
    match args.format {
        Format::Json => print_json(&pages)?,
        Format::Text => print_text(&pages)?,
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn output(page: &Page) -> Output<'_> {
    Output {
        title: &page.title,
        authors: &page.authors,
        published: &page.published,
        site: &page.site,
        url: &page.url,
        language: &page.language,
        text: &page.text,
    }
}

fn print_json(pages: &[Page]) -> anyhow::Result<()> {
    let json = match pages {
        [page] => serde_json::to_string_pretty(&output(page))?,
        many => serde_json::to_string_pretty(&many.iter().map(output).collect::<Vec<_>>())?,
    };
    super::print(&(json + "\n"))?;
    Ok(())
}

fn print_text(pages: &[Page]) -> std::io::Result<()> {
    let mut out = String::new();
    for (index, page) in pages.iter().enumerate() {
        if index > 0 {
            let _ = writeln!(out, "\n----\n");
        }
        let field = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_string());
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
    super::print(&out)
}
