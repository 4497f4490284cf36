//! `newsbrief timex`: find and normalise the time expressions of an article (text or JSON list),
//! or re-tag a TimeML document with newsbrief's own TIMEX3 tags for the TempEval-3 scorer.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use newsbrief_timex::{annotate, timeml, Anchor, NaiveDate, Timex};

use crate::input::{self, InputArgs};
use crate::output::{self as out, OutputArg};

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
pub struct Args {
    /// The article, read as every command reads it (text with front matter, a saved page, a URL; - for
    /// stdin). Not used with --tml.
    #[arg(required_unless_present = "tml", conflicts_with = "tml")]
    article: Option<PathBuf>,
    /// A TimeML document: write it back with newsbrief's TIMEX3 tags (creation date from <DCT>).
    #[arg(long, value_name = "FILE.tml")]
    tml: Option<PathBuf>,
    /// The article's date (YYYY-MM-DD); without it the article's own date (front matter, page
    /// metadata), else a date inferred from the text and marked so.
    #[arg(long, value_parser = iso_date)]
    date: Option<NaiveDate>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    #[command(flatten)]
    output: OutputArg,
}

/// Parses `--date`: a calendar date written YYYY-MM-DD.
fn iso_date(value: &str) -> Result<NaiveDate, String> {
    value.trim().parse().map_err(|_| {
        format!("expected a date written YYYY-MM-DD, such as 2024-03-12 (got \"{value}\")")
    })
}

fn read_input(path: &Path) -> anyhow::Result<String> {
    if path == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading stdin")?;
        return Ok(text);
    }
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn as_text(timexes: &[Timex], anchor: Anchor) -> String {
    let mut out = match anchor.date {
        Some(date) if anchor.inferred => format!("# anchor {date} (inferred from the text)\n"),
        Some(date) => format!("# anchor {date}\n"),
        None => "# anchor unknown\n".to_owned(),
    };
    for timex in timexes {
        let precision = timex.precision.map_or("-", |p| p.as_str());
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            timex.start,
            timex.end,
            timex.kind.as_str(),
            timex.value,
            precision,
            timex.text.replace(['\n', '\t'], " ")
        ));
    }
    out
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(tml) = &args.tml {
        let document = timeml::parse(&read_input(tml)?)
            .with_context(|| format!("reading TimeML {}", tml.display()))?;
        let date = args.date.or(document.dct);
        let anchor = Anchor::known_or_inferred(date, &document.text);
        let timexes = annotate(&document.text, anchor);
        out::write_all(
            args.output.output.as_deref(),
            &document.with_timexes(&timexes),
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let path = args
        .article
        .as_deref()
        .context("an ARTICLE or --tml is needed")?;
    let mut articles = input::read_articles(&InputArgs {
        inputs: vec![path.to_owned()],
        feed: Vec::new(),
    })?;
    if articles.len() > 1 {
        bail!(
            "{} holds {} articles; timex reads one at a time",
            path.display(),
            articles.len()
        );
    }
    let article = articles.swap_remove(0);
    let text = article.text.as_str();
    let anchor = Anchor::known_or_inferred(args.date.or(article.published_date()), text);
    let timexes = annotate(text, anchor);
    let content = match args.format {
        Format::Text => as_text(&timexes, anchor),
        Format::Json => {
            let json = serde_json::json!({
                "anchor": anchor.date.map(|d| d.to_string()),
                "anchor_inferred": anchor.inferred,
                "timexes": timexes,
            });
            format!("{}\n", serde_json::to_string_pretty(&json)?)
        }
    };
    out::write_all(args.output.output.as_deref(), &content)?;
    Ok(ExitCode::SUCCESS)
}
