//! Input: reading the articles a user names on the command line.
//!
//! A path is a file (a text or Markdown article, a saved web page, a gzip-compressed page or a WARC
//! archive of pages), a directory (every article file in it, in name order) or `-` (one article
//! from standard input). Files that cannot be articles (empty, binary) are skipped with a warning
//! naming them; text files that are not UTF-8 are decoded, with a warning naming the encoding; a path
//! that does not exist, or nothing usable at all, is an error.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use newsbrief_core::{ingest, Article};

/// File name endings read as articles when a directory is given (`.gz` covers `.html.gz` and `.warc.gz`).
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "html", "htm", "xhtml", "gz", "warc",
];

/// Reads every article the paths name, warning on stderr about files that are skipped.
pub fn read_articles(paths: &[PathBuf]) -> anyhow::Result<Vec<Article>> {
    let mut articles = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            push_article(&mut articles, "stdin", &bytes);
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
                read_file(&mut articles, &file)?;
            }
        } else {
            read_file(&mut articles, path)?;
        }
    }
    if articles.is_empty() {
        bail!("no usable article in the input");
    }
    Ok(articles)
}

fn read_file(articles: &mut Vec<Article>, path: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let id = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    push_article(articles, &id, &bytes);
    Ok(())
}

fn push_article(articles: &mut Vec<Article>, id: &str, bytes: &[u8]) {
    match ingest::articles_from_file_noted(id, bytes) {
        Ok((found, notes)) => {
            for note in notes {
                eprintln!("newsbrief: warning: {id}: {note}");
            }
            articles.extend(found);
        }
        Err(e) => eprintln!("newsbrief: skipping {id}: {e}"),
    }
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
