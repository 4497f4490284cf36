//! Input: the one reader of what a user names on the command line, for every subcommand.
//!
//! An input is a file, a directory (every article file in it, in name order), `-` (standard input) or
//! a URL (fetched); `--feed FILE|URL` adds the items of an RSS or Atom feed (their content when the
//! feed carries whole articles, else their pages fetched). What a file holds is read by
//! `newsbrief_core::reader`: text and Markdown (with YAML front matter), saved web pages, gzip, WARC,
//! `{"articles": [...]}` JSON, and JSONL clusters (one story per line). Files that cannot be articles
//! (empty, binary) are skipped with a warning naming them; text that is not UTF-8 is decoded, with a
//! warning naming the encoding; a path that does not exist, or nothing usable at all, is an error.
//! Nothing is fetched unless the user names a URL.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use newsbrief_core::feed;
use newsbrief_core::reader::{self, ClusterLine, Contents};
use newsbrief_core::{ingest, Article};

use crate::fetch;

/// File name endings read as articles when a directory is given (`.gz` covers `.html.gz` and `.warc.gz`).
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "html", "htm", "xhtml", "gz", "warc",
];

/// The inputs of a command that reads articles.
#[derive(clap::Args, Clone, Debug)]
pub struct InputArgs {
    /// Article files (text, Markdown with YAML front matter, HTML, .html.gz, WARC, {"articles": [...]}
    /// .json, JSONL clusters), directories of them, URLs to fetch, or - for standard input.
    #[arg(required_unless_present = "feed", value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// An RSS or Atom feed (file or URL): its items' content when it is whole, else their pages fetched.
    #[arg(long, value_name = "FILE|URL")]
    pub feed: Vec<PathBuf>,
}

/// One input as bytes: its name (a file name, `stdin` or a URL) and what it holds.
pub struct RawInput {
    pub name: String,
    pub bytes: Vec<u8>,
    /// The page's address, for a fetched input.
    pub url: Option<String>,
    /// The charset the server named for a fetched input (it comes before the page's own declaration).
    pub charset: Option<String>,
    /// The name the readers see: a fetched HTML page gets an `.html` name so it goes through the extractor.
    pub hint: String,
}

/// Everything the inputs hold: loose articles (one story) and clusters files (one story per line).
#[derive(Default)]
pub struct Inputs {
    pub articles: Vec<Article>,
    /// Each clusters file's name and lines.
    pub clusters: Vec<(String, Vec<ClusterLine>)>,
}

/// Calls `each` with the bytes of every input in order (directories expanded, URLs fetched); feeds are
/// not included (see [`read`]).
pub fn raw_inputs(
    paths: &[PathBuf],
    each: &mut dyn FnMut(RawInput) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for path in paths {
        let shown = path.to_string_lossy();
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            each(local("stdin".to_owned(), bytes))?;
        } else if fetch::is_url(&shown) {
            each(fetched(&shown)?)?;
        } else if path.is_dir() {
            let files =
                article_files(path).with_context(|| format!("cannot list {}", path.display()))?;
            if files.is_empty() {
                bail!(
                    "no article files (.txt, .md, .html, .warc) in {}",
                    path.display()
                );
            }
            for file in files {
                each(read_file(&file)?)?;
            }
        } else {
            each(read_file(path)?)?;
        }
    }
    Ok(())
}

fn local(name: String, bytes: Vec<u8>) -> RawInput {
    RawInput {
        hint: name.clone(),
        name,
        bytes,
        url: None,
        charset: None,
    }
}

fn fetched(url: &str) -> anyhow::Result<RawInput> {
    let page = fetch::fetch(url)?;
    Ok(RawInput {
        name: url.to_owned(),
        hint: if page.html { "page.html" } else { "page.txt" }.to_owned(),
        bytes: page.bytes,
        url: Some(page.url),
        charset: page.charset,
    })
}

fn read_file(path: &Path) -> anyhow::Result<RawInput> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(local(name, bytes))
}

/// Reads every input and feed, warning on stderr about what is skipped or decoded.
pub fn read(args: &InputArgs) -> anyhow::Result<Inputs> {
    let mut inputs = Inputs::default();
    raw_inputs(&args.inputs, &mut |raw| {
        add(&mut inputs, raw);
        Ok(())
    })?;
    for feed in &args.feed {
        read_feed(&mut inputs.articles, feed)?;
    }
    Ok(inputs)
}

fn add(inputs: &mut Inputs, raw: RawInput) {
    let read = match raw.url {
        // A fetched page is an article file whatever its address ends with.
        Some(_) => ingest::articles_from_fetched(&raw.hint, &raw.bytes, raw.charset.as_deref())
            .map(|(articles, notes)| reader::Input {
                contents: Contents::Articles(articles),
                notes,
            }),
        None => reader::read(&raw.hint, &raw.bytes),
    };
    let name = &raw.name;
    match read {
        Ok(input) => {
            for note in input.notes {
                eprintln!("newsbrief: warning: {name}: {note}");
            }
            match input.contents {
                Contents::Articles(mut articles) => {
                    if let Some(url) = &raw.url {
                        name_fetched(&mut articles, name, url);
                    }
                    inputs.articles.extend(articles);
                }
                Contents::Clusters(lines) => inputs.clusters.push((name.clone(), lines)),
            }
        }
        Err(e) => eprintln!("newsbrief: skipping {name}: {e}"),
    }
}

/// The articles of a fetched page are named by the address asked for (`URL#2`… for several), and
/// carry the address they were found at unless the page names its own.
fn name_fetched(articles: &mut [Article], asked: &str, found_at: &str) {
    let several = articles.len() > 1;
    for (i, article) in articles.iter_mut().enumerate() {
        article.id = if several {
            format!("{asked}#{}", i + 1)
        } else {
            asked.to_owned()
        };
        article.url.get_or_insert_with(|| found_at.to_owned());
    }
}

/// Reads a feed's items as articles: an item's own content when it is the whole article, else its page
/// fetched. An item that cannot be read is skipped with a warning.
fn read_feed(articles: &mut Vec<Article>, feed: &Path) -> anyhow::Result<()> {
    let shown = feed.to_string_lossy().into_owned();
    let bytes = if fetch::is_url(&shown) {
        fetch::fetch(&shown)?.bytes
    } else {
        std::fs::read(feed).with_context(|| format!("cannot read {shown}"))?
    };
    let items = feed::parse(&bytes).with_context(|| format!("cannot read the feed {shown}"))?;
    for (i, item) in items.iter().enumerate() {
        let place = format!("{shown}: item {}", i + 1);
        let read = match (&item.full_content, &item.link) {
            (Some(content), link) => item
                .article_from_content(link.as_deref().unwrap_or(&place), content)
                .map(|a| vec![a])
                .map_err(anyhow::Error::from),
            (None, Some(link)) => fetched(link).and_then(|raw| {
                let (mut found, notes) =
                    ingest::articles_from_fetched(&raw.hint, &raw.bytes, raw.charset.as_deref())?;
                for note in notes {
                    eprintln!("newsbrief: warning: {link}: {note}");
                }
                name_fetched(&mut found, link, raw.url.as_deref().unwrap_or(link));
                for article in &mut found {
                    item.put_metadata(article);
                }
                Ok(found)
            }),
            (None, None) => Err(anyhow::anyhow!("no link and no whole content")),
        };
        match read {
            Ok(found) => articles.extend(found),
            Err(e) => eprintln!("newsbrief: skipping {place}: {e:#}"),
        }
    }
    Ok(())
}

/// Every article of the inputs, for commands that take articles one by one: a clusters file gives the
/// articles of each of its lines (ids `CLUSTER/ID`), a bad line is skipped with a warning.
pub fn read_articles(args: &InputArgs) -> anyhow::Result<Vec<Article>> {
    let Inputs {
        mut articles,
        clusters,
    } = read(args)?;
    for (name, lines) in clusters {
        for line in lines {
            match line.cluster {
                Ok(cluster) => articles.extend(cluster.articles.into_iter().map(|mut a| {
                    a.id = format!("{}/{}", cluster.id, a.id);
                    a
                })),
                Err(e) => eprintln!("newsbrief: skipping {name}: line {}: {e}", line.line),
            }
        }
    }
    if articles.is_empty() {
        bail!("no usable article in the input");
    }
    Ok(articles)
}

/// The article files directly inside `dir`, sorted by name so output does not depend on the file system.
pub fn article_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let wanted = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
        if wanted && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
