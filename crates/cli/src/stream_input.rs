//! Stream input: the articles `newsbrief stories` ingests, read in chunks so memory does not grow with the
//! input.
//!
//! An input is one of:
//! - a JSONL file (or `-` for standard input), one article per line:
//!   `{"id", "text" | "html", "title"?, "published"?, "outlet"?, "url"?}`, read by
//!   `newsbrief_core::article_json` as the server reads the articles it is sent. Lines are read as bytes,
//!   so a line of invalid UTF-8 is one bad line like any other;
//! - a directory of article files (text, Markdown, HTML, gzip, WARC: the files `newsbrief brief` reads),
//!   ordered by their published date (the date the extractor finds in a page; plain text has none).
//!   Dated files come first, oldest first; undated files after them; ties go by path. A file is ordered by
//!   its earliest article (a WARC file holds several), and its articles by date among themselves.
//!
//! Inputs are read one after the other, in the order given. A line or a file that cannot be an article is
//! handed to the caller as a [`Skipped`] (to report) and the reading goes on; only an input that cannot be
//! opened or read at all is an error.

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use newsbrief_core::ingest::{self, IngestError};
use newsbrief_core::{article_json, Article};
use rayon::prelude::*;
use serde_json::Value;

/// Extracted text kept from the first pass over a directory (beyond it, files are read again in order).
const DIRECTORY_CACHE_BYTES: usize = 64 << 20;

/// An input that cannot be read at all: the run stops.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("no article files (.txt, .md, .html, .warc) in {0}")]
    EmptyDirectory(String),
}

/// A line or a file that was left out, with where it was and why.
#[derive(Debug)]
pub struct Skipped {
    /// `line 12`, `feed.jsonl: line 12` or a file's path.
    pub place: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

/// The articles of several inputs, in order, a chunk at a time.
pub struct ArticleStream {
    pending: VecDeque<PathBuf>,
    current: Option<Source>,
    /// Whether places name their input (when there are several).
    several: bool,
}

enum Source {
    Jsonl {
        /// The input's path (`stdin` for `-`).
        shown: String,
        /// Whether reports name the input (when there are several).
        several: bool,
        reader: Box<dyn BufRead>,
        line: usize,
    },
    Files(VecDeque<DirEntry>),
}

/// One file of a directory, in ingest order, with its articles when the first pass kept them.
struct DirEntry {
    path: PathBuf,
    articles: Option<Vec<Article>>,
}

impl ArticleStream {
    /// Checks that every input exists (a missing one is an error before anything is read).
    pub fn open(paths: &[PathBuf]) -> Result<ArticleStream, InputError> {
        for path in paths {
            if path.as_os_str() != "-" {
                std::fs::metadata(path).map_err(|source| InputError::Read {
                    path: path.display().to_string(),
                    source,
                })?;
            }
        }
        Ok(ArticleStream {
            pending: paths.iter().cloned().collect(),
            current: None,
            several: paths.len() > 1,
        })
    }

    /// Up to `max` next articles (fewer only at the end: an empty chunk means the input is over); what is
    /// left out on the way goes to `skip`.
    pub fn next_chunk(
        &mut self,
        max: usize,
        skip: &mut dyn FnMut(Skipped),
    ) -> Result<Vec<Article>, InputError> {
        let mut chunk = Vec::with_capacity(max.min(1024));
        while chunk.len() < max {
            let source = match &mut self.current {
                Some(source) => source,
                None => match self.pending.pop_front() {
                    Some(path) => self.current.insert(open_source(&path, self.several, skip)?),
                    None => break,
                },
            };
            let more = match source {
                Source::Jsonl {
                    shown,
                    several,
                    reader,
                    line,
                } => read_lines(
                    (shown, *several),
                    reader.as_mut(),
                    line,
                    max - chunk.len(),
                    &mut chunk,
                    skip,
                )?,
                Source::Files(files) => read_files(files, max - chunk.len(), &mut chunk, skip),
            };
            if !more {
                self.current = None;
            }
        }
        Ok(chunk)
    }
}

fn open_source(
    path: &Path,
    several: bool,
    skip: &mut dyn FnMut(Skipped),
) -> Result<Source, InputError> {
    let shown = path.display().to_string();
    let read_error = |source| InputError::Read {
        path: shown.clone(),
        source,
    };
    if path.as_os_str() == "-" {
        return Ok(Source::Jsonl {
            shown: "stdin".to_owned(),
            several,
            reader: Box::new(BufReader::new(io::stdin())),
            line: 0,
        });
    }
    if path.is_dir() {
        return Ok(Source::Files(directory(path, skip)?));
    }
    let file = File::open(path).map_err(read_error)?;
    Ok(Source::Jsonl {
        shown,
        several,
        reader: Box::new(BufReader::new(file)),
        line: 0,
    })
}

/// Reads up to `max` non-blank lines into `chunk` (parsed on all cores); false when the input is over.
fn read_lines(
    (shown, several): (&str, bool),
    reader: &mut dyn BufRead,
    line: &mut usize,
    max: usize,
    chunk: &mut Vec<Article>,
    skip: &mut dyn FnMut(Skipped),
) -> Result<bool, InputError> {
    let mut lines = Vec::new();
    let mut more = true;
    while lines.len() < max {
        let mut bytes = Vec::new();
        let n = reader
            .read_until(b'\n', &mut bytes)
            .map_err(|source| InputError::Read {
                path: shown.to_owned(),
                source,
            })?;
        if n == 0 {
            more = false;
            break;
        }
        *line += 1;
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            lines.push((*line, bytes));
        }
    }
    let parsed: Vec<_> = lines
        .par_iter()
        .map(|(number, bytes)| (*number, parse_line(bytes)))
        .collect();
    for (number, result) in parsed {
        match result {
            Ok(article) => chunk.push(article),
            Err(e) => skip(Skipped {
                place: if several {
                    format!("{shown}: line {number}")
                } else {
                    format!("line {number}")
                },
                reason: e.to_string(),
            }),
        }
    }
    Ok(more)
}

/// One JSONL line as an article (read as [`article_json`] reads every article object).
pub fn parse_line(bytes: &[u8]) -> Result<Article, IngestError> {
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8(e.valid_up_to()))?;
    let value: Value = serde_json::from_str(text).map_err(|e| IngestError::Json(e.to_string()))?;
    article_json::article_from_json(&value, None).map_err(|e| e.error)
}

/// The sort key of a date found by the extractor: RFC 3339 or anything starting with a date, read as the
/// story detector reads it; else none.
fn date_key(published: Option<&str>) -> Option<i64> {
    newsbrief_stream::profile::parse_time(published?)
}

/// The first pass over a directory: every article file, in ingest order (see the module comment).
fn directory(dir: &Path, skip: &mut dyn FnMut(Skipped)) -> Result<VecDeque<DirEntry>, InputError> {
    let files = crate::input::article_files(dir).map_err(|source| InputError::Read {
        path: dir.display().to_string(),
        source,
    })?;
    if files.is_empty() {
        return Err(InputError::EmptyDirectory(dir.display().to_string()));
    }
    let mut cached = 0usize;
    let mut entries = Vec::with_capacity(files.len());
    for path in files {
        let articles = match read_file(&path) {
            Ok(articles) => articles,
            Err(reason) => {
                skip(Skipped {
                    place: path.display().to_string(),
                    reason,
                });
                continue;
            }
        };
        let key = articles
            .iter()
            .filter_map(|a| date_key(a.published.as_deref()))
            .min();
        let size: usize = articles.iter().map(|a| a.text.len()).sum();
        let keep = cached + size <= DIRECTORY_CACHE_BYTES;
        if keep {
            cached += size;
        }
        entries.push((
            key,
            DirEntry {
                path,
                articles: keep.then_some(articles),
            },
        ));
    }
    // Dated before undated (`None` sorts first, hence the flag), then oldest first, then by path.
    entries.sort_by(|(a, x), (b, y)| (a.is_none(), a, &x.path).cmp(&(b.is_none(), b, &y.path)));
    Ok(entries.into_iter().map(|(_, entry)| entry).collect())
}

/// The articles of one file, ordered by date among themselves (undated last); the reason when it has none.
fn read_file(path: &Path) -> Result<Vec<Article>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut articles = ingest::articles_from_file(&name, &bytes).map_err(|e| e.to_string())?;
    articles.sort_by_cached_key(|a| {
        let key = date_key(a.published.as_deref());
        (key.is_none(), key)
    });
    Ok(articles)
}

/// Takes files off the front of `files` until `chunk` holds `max` more articles; false when none are left.
/// A file's articles all go into one chunk, so a chunk may be a little over `max`.
fn read_files(
    files: &mut VecDeque<DirEntry>,
    max: usize,
    chunk: &mut Vec<Article>,
    skip: &mut dyn FnMut(Skipped),
) -> bool {
    let mut taken = 0;
    while taken < max {
        let Some(entry) = files.pop_front() else {
            return false;
        };
        let articles = match entry.articles {
            Some(articles) => articles,
            None => match read_file(&entry.path) {
                Ok(articles) => articles,
                Err(reason) => {
                    skip(Skipped {
                        place: entry.path.display().to_string(),
                        reason,
                    });
                    continue;
                }
            },
        };
        taken += articles.len();
        chunk.extend(articles);
    }
    !files.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(line: &[u8]) -> String {
        parse_line(line).unwrap_err().to_string()
    }

    #[test]
    fn a_full_line() {
        let a = parse_line(br#"{"id": 7, "text": "The mayor resigned.", "title": "Mayor quits", "published": "2024-03-04", "outlet": "Coast Daily", "url": null}"#).unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.text, "The mayor resigned.");
        assert_eq!(a.title.as_deref(), Some("Mayor quits"));
        assert_eq!(a.published.as_deref(), Some("2024-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("Coast Daily"));
        assert_eq!(a.url, None);
    }

    #[test]
    fn html_goes_through_the_extractor_and_given_fields_win() {
        let line = serde_json::json!({
            "id": "p1",
            "html": "<html><head><title>Storm cuts power</title><meta property=\"article:published_time\" content=\"2024-03-04T08:00:00Z\"></head><body><article><p>A storm hit the coast on Sunday night and cut power to thousands of homes, the utility said.</p></article></body></html>",
            "outlet": "Coast Daily",
        })
        .to_string();
        let a = parse_line(line.as_bytes()).unwrap();
        assert_eq!(a.id, "p1");
        assert!(a.text.contains("storm hit the coast") && !a.text.contains('<'));
        assert_eq!(a.title.as_deref(), Some("Storm cuts power"));
        assert!(a.published.unwrap().starts_with("2024-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("Coast Daily"));
    }

    #[test]
    fn bad_lines_say_why() {
        assert!(reason(b"{not json").starts_with("not valid JSON"));
        assert_eq!(reason(b"[1, 2]"), "expected a JSON object");
        assert_eq!(reason(br#"{"text": "x"}"#), "field `id` is missing");
        assert_eq!(reason(br#"{"id": "a"}"#), "no `text` and no `html`");
        assert_eq!(
            reason(br#"{"id": "a", "text": "  "}"#),
            "empty article (no text)"
        );
        assert_eq!(reason(br#"{"id": "", "text": "x"}"#), "field `id` is empty");
        assert_eq!(
            reason(b"{\"id\": \"a\", \"text\": \"caf\xe9\"}"),
            "not valid UTF-8 (first bad byte at offset 24)"
        );
        assert!(
            reason(br#"{"id": "a", "text": "x", "published": "yesterday"}"#)
                .contains("neither an RFC 3339 time nor a date")
        );
        assert!(reason(br#"{"id": "a", "text": 5}"#).contains("`text` should be a string"));
        assert!(
            reason(br#"{"id": "a", "html": "<html><body></body></html>"}"#)
                .starts_with("no article text found")
        );
    }

    #[test]
    fn date_keys() {
        assert_eq!(date_key(Some("1970-01-02T10:00")), Some(86_400));
        assert_eq!(date_key(Some("March 2")), None);
    }

    #[test]
    fn directories_go_dated_first_then_by_path() {
        let dir = tempfile::tempdir().unwrap();
        let page = |date: &str| {
            format!("<html><head><meta property=\"article:published_time\" content=\"{date}\"></head><body><article><p>The council met on the budget again and voted for the new plan after a long night.</p></article></body></html>")
        };
        std::fs::write(
            dir.path().join("a.txt"),
            "An undated note about the budget vote.",
        )
        .unwrap();
        std::fs::write(dir.path().join("b.html"), page("2024-03-05T08:00:00Z")).unwrap();
        std::fs::write(dir.path().join("c.html"), page("2024-03-04T08:00:00Z")).unwrap();
        std::fs::write(dir.path().join("d.txt"), "").unwrap();
        let mut stream = ArticleStream::open(&[dir.path().to_owned()]).unwrap();
        let mut skipped = Vec::new();
        let chunk = stream.next_chunk(2, &mut |s| skipped.push(s)).unwrap();
        let ids: Vec<_> = chunk.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["c.html", "b.html"]);
        let chunk = stream.next_chunk(2, &mut |s| skipped.push(s)).unwrap();
        assert_eq!(chunk.len(), 1);
        assert_eq!(chunk[0].id, "a.txt");
        assert!(stream
            .next_chunk(2, &mut |s| skipped.push(s))
            .unwrap()
            .is_empty());
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].place.ends_with("d.txt"));
        assert_eq!(skipped[0].reason, "empty article (no text)");
    }
}
