//! Ingest: turning raw input into [`Article`]s and [`Cluster`]s.
//!
//! Two inputs are understood: the bytes of one article file (text or Markdown, with YAML front matter
//! read by [`crate::front_matter`]; saved web pages through `newsbrief-extract`), and one line of a JSONL
//! clusters file: `{"id", "documents": [..]}`, Multi-News's own `{"id", "document": "a ||||| b"}` with
//! `NEWLINE_CHAR` markers standing for line breaks, or `{"id", "articles": [{article object}, ..]}`
//! (objects read by [`crate::article_json`]).

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};
use serde_json::Value;

use crate::{Article, Cluster};

/// Why an input could not become an article or a cluster.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum IngestError {
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("expected a JSON object")]
    NotAnObject,
    #[error("field `{0}` is missing")]
    MissingField(&'static str),
    #[error("field `{0}` is empty")]
    EmptyField(&'static str),
    #[error("field `published` is neither an RFC 3339 time nor a date: {0:?}")]
    Published(String),
    #[error("no `text` and no `html`")]
    NoText,
    #[error("an article, not a cluster: a line is one story, with `documents`, `document` or `articles`")]
    NotACluster,
    #[error("article {index}: {error}")]
    InArticle {
        index: usize,
        error: Box<IngestError>,
    },
    #[error("no usable article")]
    NoArticles,
    #[error("field `{field}` should be {expected}")]
    WrongType {
        field: &'static str,
        expected: &'static str,
    },
    #[error("looks like a binary file, not text")]
    Binary,
    #[error("not valid UTF-8 (first bad byte at offset {0})")]
    InvalidUtf8(usize),
    #[error("empty article (no text)")]
    Empty,
    #[error("{0}")]
    Extract(String),
    #[error("no article text found in the page{}", if .0.is_empty() { String::new() } else { format!(" ({})", .0.join("; ")) })]
    NoArticleInPage(Vec<String>),
}

/// The separator between the documents of a Multi-News cluster.
const MULTINEWS_DOC_SEPARATOR: &str = "|||||";
/// Multi-News's stand-in for a line break.
const MULTINEWS_NEWLINE: &str = "NEWLINE_CHAR";

/// Checks that `bytes` are the text of an article and returns it as an [`Article`] with the given id.
///
/// UTF-8 text is kept exactly as given (a leading byte-order mark included), so offsets into it are
/// offsets into the file. Text in another encoding (Windows-1252, Latin-1, UTF-16 with a byte-order
/// mark…) is decoded as [`decode_text`] does; offsets of such an article point into its decoded text,
/// not into the file's bytes. [`article_from_bytes_noted`] also says when the text was decoded.
pub fn article_from_bytes(id: &str, bytes: &[u8]) -> Result<Article, IngestError> {
    article_from_bytes_noted(id, bytes).map(|(article, _)| article)
}

/// [`article_from_bytes`], with a note when the text was not UTF-8 and had to be decoded (to be shown
/// to the user as a warning).
pub fn article_from_bytes_noted(
    id: &str,
    bytes: &[u8],
) -> Result<(Article, Option<String>), IngestError> {
    article_from_served_bytes(id, bytes, None)
}

/// [`article_from_bytes_noted`], decoding text that is not UTF-8 in `http_charset` when the server named
/// one (and it is a known label) instead of guessing.
fn article_from_served_bytes(
    id: &str,
    bytes: &[u8],
    http_charset: Option<&str>,
) -> Result<(Article, Option<String>), IngestError> {
    let declared = http_charset.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
    let (text, note) = decode_text_declared(bytes, declared)?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(IngestError::Empty);
    }
    Ok((Article::new(id, text), note))
}

/// How many bytes the statistical charset detector reads (as the extractor does for HTML).
const DETECTOR_SAMPLE_BYTES: usize = 256 * 1024;

/// The text of a text file: UTF-8 as it is (borrowed, so offsets are byte offsets into the file); a
/// UTF-16 file with a byte-order mark decoded; other bytes that are not UTF-8 decoded in the encoding
/// chardetng guesses (Windows-1252 for Western European text), as `newsbrief-extract` does for an HTML
/// page that declares no charset. A decoded text comes with a note naming the encoding. A NUL byte in
/// the first 8 KiB, or decoded text made largely of control characters, is [`IngestError::Binary`].
pub fn decode_text(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<String>), IngestError> {
    decode_text_declared(bytes, None)
}

/// [`decode_text`], with the encoding a server declared taking the place of the guess.
fn decode_text_declared<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
) -> Result<(Cow<'a, str>, Option<String>), IngestError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        if encoding != UTF_8 {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            return Ok((
                Cow::Owned(text.into_owned()),
                Some(note(encoding, false, had_errors)),
            ));
        }
    }
    if looks_binary(bytes) {
        return Err(IngestError::Binary);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Cow::Borrowed(text), None));
    }
    let encoding = declared.unwrap_or_else(|| {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        let sample = &bytes[..bytes.len().min(DETECTOR_SAMPLE_BYTES)];
        detector.feed(sample, sample.len() == bytes.len());
        detector.guess(None, chardetng::Utf8Detection::Allow)
    });
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if mostly_control(&text) {
        return Err(IngestError::Binary);
    }
    Ok((
        Cow::Owned(text.into_owned()),
        Some(note(encoding, declared.is_none(), had_errors)),
    ))
}

/// "not UTF-8: decoded as windows-1252 (guessed); offsets point into the decoded text".
fn note(encoding: &'static Encoding, guessed: bool, had_errors: bool) -> String {
    format!(
        "not UTF-8: decoded as {}{}{}; offsets point into the decoded text",
        encoding.name(),
        if guessed { " (guessed)" } else { "" },
        if had_errors {
            ", invalid byte sequences replaced"
        } else {
            ""
        }
    )
}

/// More than 1 in 100 characters are control characters other than tab, line and page breaks: not text.
fn mostly_control(text: &str) -> bool {
    let (mut chars, mut control) = (0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            control += 1;
        }
    }
    control * 100 > chars
}

/// Reads the articles of one input file: a text or Markdown article as it is, or, for a saved web page,
/// a gzip-compressed page or a WARC archive, the article text and metadata extracted from each page (a
/// WARC file gives one article per HTML response; their ids are `name#1`, `name#2`, …). Offsets of an
/// extracted article point into its extracted text, and those of a text file that is not UTF-8 into
/// its decoded text ([`decode_text`]).
pub fn articles_from_file(name: &str, bytes: &[u8]) -> Result<Vec<Article>, IngestError> {
    articles_from_file_noted(name, bytes).map(|(articles, _)| articles)
}

/// [`articles_from_file`], with the notes a user should see about a file that was read (a text file
/// decoded from a legacy encoding, say).
pub fn articles_from_file_noted(
    name: &str,
    bytes: &[u8],
) -> Result<(Vec<Article>, Vec<String>), IngestError> {
    articles_from_fetched(name, bytes, None)
}

/// [`articles_from_file_noted`] for a file fetched over HTTP: the charset its Content-Type header names
/// (`http_charset`) decodes it when it is not UTF-8, before any charset the page declares itself.
pub fn articles_from_fetched(
    name: &str,
    bytes: &[u8],
    http_charset: Option<&str>,
) -> Result<(Vec<Article>, Vec<String>), IngestError> {
    if !newsbrief_extract::is_markup(bytes, name) {
        let (mut article, note) = article_from_served_bytes(name, bytes, http_charset)?;
        let mut notes: Vec<String> = note.into_iter().collect();
        match crate::front_matter::take(&mut article.text) {
            Ok(Some(front)) => notes.extend(front.apply(&mut article)),
            Ok(None) => {}
            Err(note) => notes.push(note),
        }
        if article.text.trim().is_empty() {
            return Err(IngestError::Empty);
        }
        return Ok((vec![article], notes));
    }
    let pages = newsbrief_extract::read_fetched_document(bytes, name, http_charset)
        .map_err(|e| IngestError::Extract(e.to_string()))?;
    let several = pages.len() > 1;
    let mut warnings = Vec::new();
    let mut articles = Vec::new();
    for (i, page) in pages.into_iter().enumerate() {
        if page.text.trim().is_empty() {
            warnings.extend(page.warnings);
            continue;
        }
        let id = if several {
            format!("{name}#{}", i + 1)
        } else {
            name.to_owned()
        };
        articles.push(Article {
            id,
            text: page.text,
            title: page.title,
            outlet: page.site,
            published: page.published,
            url: page.url,
        });
    }
    if articles.is_empty() {
        return Err(IngestError::NoArticleInPage(warnings));
    }
    Ok((articles, Vec::new()))
}

/// A NUL byte in the first 8 KiB marks a binary file, as `git` and `grep` decide it.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

/// Parses one line of a JSONL clusters file.
///
/// Documents that are empty after trimming are dropped; their positions still count in the ids, so
/// `doc2` is always the third document of the line.
pub fn parse_cluster_line(line: &str) -> Result<Cluster, IngestError> {
    let value: Value = serde_json::from_str(line).map_err(|e| IngestError::Json(e.to_string()))?;
    let object = value.as_object().ok_or(IngestError::NotAnObject)?;
    let id = match object.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(IngestError::WrongType {
                field: "id",
                expected: "a string",
            })
        }
        None => return Err(IngestError::MissingField("id")),
    };
    if let Some(items) = object.get("articles") {
        return cluster_of_objects(id, items, object);
    }
    let texts: Vec<String> = match (object.get("documents"), object.get("document")) {
        (Some(Value::Array(docs)), _) => docs
            .iter()
            .map(|d| d.as_str().map(str::to_owned))
            .collect::<Option<_>>()
            .ok_or(IngestError::WrongType {
                field: "documents",
                expected: "an array of strings",
            })?,
        (Some(_), _) => {
            return Err(IngestError::WrongType {
                field: "documents",
                expected: "an array of strings",
            })
        }
        (None, Some(Value::String(joined))) => split_multinews(joined),
        (None, Some(_)) => {
            return Err(IngestError::WrongType {
                field: "document",
                expected: "a string",
            })
        }
        (None, None) if object.contains_key("text") || object.contains_key("html") => {
            return Err(IngestError::NotACluster)
        }
        (None, None) => return Err(IngestError::MissingField("documents")),
    };
    let reference = reference(object);
    let articles = texts
        .into_iter()
        .enumerate()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(i, text)| Article::new(format!("doc{i}"), text))
        .collect();
    Ok(Cluster {
        id,
        articles,
        reference,
        focus: focus(object)?,
        seen: seen(object)?,
    })
}

/// The `"focus"` of a cluster line: a question, as a string.
fn focus(object: &serde_json::Map<String, Value>) -> Result<Option<String>, IngestError> {
    match object.get("focus") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(IngestError::WrongType {
            field: "focus",
            expected: "a string",
        }),
    }
}

/// The `"seen"` articles of a cluster line: texts, or article objects as in `"articles"`.
fn seen(object: &serde_json::Map<String, Value>) -> Result<Vec<Article>, IngestError> {
    let items = match object.get("seen") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(IngestError::WrongType {
                field: "seen",
                expected: "an array of texts or article objects",
            })
        }
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let id = format!("seen{i}");
        match item {
            Value::String(text) if text.trim().is_empty() => {}
            Value::String(text) => out.push(Article::new(id, text.clone())),
            _ => out.push(
                crate::article_json::article_from_json(item, Some(&id)).map_err(|e| {
                    IngestError::InArticle {
                        index: i + 1,
                        error: Box::new(e.error),
                    }
                })?,
            ),
        }
    }
    Ok(out)
}

/// The reference summary of a cluster line, when it has one.
fn reference(object: &serde_json::Map<String, Value>) -> Option<String> {
    match object.get("summary") {
        Some(Value::String(s)) => Some(s.replace(MULTINEWS_NEWLINE, "\n")),
        _ => None,
    }
}

/// A cluster given as `{"id", "articles": [{article object}, ..]}`; an article without an id is `docN`.
fn cluster_of_objects(
    id: String,
    items: &Value,
    object: &serde_json::Map<String, Value>,
) -> Result<Cluster, IngestError> {
    let Value::Array(items) = items else {
        return Err(IngestError::WrongType {
            field: "articles",
            expected: "an array of article objects",
        });
    };
    let articles = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            crate::article_json::article_from_json(item, Some(&format!("doc{i}"))).map_err(|e| {
                IngestError::InArticle {
                    index: i + 1,
                    error: Box::new(e.error),
                }
            })
        })
        .collect::<Result<_, _>>()?;
    Ok(Cluster {
        id,
        articles,
        reference: reference(object),
        focus: focus(object)?,
        seen: seen(object)?,
    })
}

/// Splits Multi-News's `document` field into its articles, turning `NEWLINE_CHAR` back into line breaks.
fn split_multinews(joined: &str) -> Vec<String> {
    joined
        .split(MULTINEWS_DOC_SEPARATOR)
        .map(|doc| doc.replace(MULTINEWS_NEWLINE, "\n").trim().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn focus_and_seen_of_a_line() {
        let c = parse_cluster_line(
            r#"{"id":"a","documents":["one."],"focus":"why?","seen":["old.","",{"text":"older.","id":"x"}]}"#,
        )
        .unwrap();
        assert_eq!(c.focus.as_deref(), Some("why?"));
        let seen: Vec<(&str, &str)> = c
            .seen
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect();
        assert_eq!(seen, [("seen0", "old."), ("x", "older.")]);
        let plain = parse_cluster_line(r#"{"id":"a","documents":["one."]}"#).unwrap();
        assert!(plain.focus.is_none() && plain.seen.is_empty());
        for bad in [
            r#"{"id":"a","documents":["one."],"focus":3}"#,
            r#"{"id":"a","documents":["one."],"seen":"old."}"#,
            r#"{"id":"a","documents":["one."],"seen":[{"title":"no text"}]}"#,
        ] {
            assert!(parse_cluster_line(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn documents_array() {
        let c = parse_cluster_line(r#"{"id":"a","documents":["one.","","two."],"summary":"s"}"#)
            .unwrap();
        assert_eq!(c.id, "a");
        let ids: Vec<_> = c.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["doc0", "doc2"]);
        assert_eq!(c.reference.as_deref(), Some("s"));
    }

    #[test]
    fn multinews_form() {
        let line = r#"{"id":"m","document":"First NEWLINE_CHAR NEWLINE_CHAR line. ||||| Second."}"#;
        let c = parse_cluster_line(line).unwrap();
        assert_eq!(c.articles.len(), 2);
        assert_eq!(c.articles[0].text, "First \n \n line.");
        assert_eq!(c.articles[1].text, "Second.");
    }

    #[test]
    fn article_objects_form() {
        let line = r#"{"id":"o","articles":[{"text":"One.","outlet":"Daily"},{"id":"x","html":"<html><body><article><p>The city council passed the budget on Tuesday after a long debate about the new library and the old bridge.</p></article></body></html>"}]}"#;
        let c = parse_cluster_line(line).unwrap();
        assert_eq!(c.articles[0].id, "doc0");
        assert_eq!(c.articles[0].outlet.as_deref(), Some("Daily"));
        assert_eq!(c.articles[1].id, "x");
        assert_eq!(
            parse_cluster_line(r#"{"id":"o","articles":[{"text":"One."},{"text":7}]}"#)
                .unwrap_err()
                .to_string(),
            "article 2: field `text` should be a string"
        );
        assert_eq!(
            parse_cluster_line(r#"{"id":"a","text":"One article."}"#),
            Err(IngestError::NotACluster)
        );
    }

    #[test]
    fn front_matter_gives_metadata_and_keeps_offsets() {
        let file = "---\ntitle: Budget passes\noutlet: Coast Daily\ndate: 2024-03-04\n---\nThe council voted.\n";
        let (articles, notes) = articles_from_file_noted("a.md", file.as_bytes()).unwrap();
        assert!(notes.is_empty());
        let a = &articles[0];
        assert_eq!(a.title.as_deref(), Some("Budget passes"));
        assert_eq!(a.outlet.as_deref(), Some("Coast Daily"));
        assert_eq!(a.published.as_deref(), Some("2024-03-04"));
        let at = file.find("The council").unwrap();
        assert_eq!(&a.text[at..], "The council voted.\n");
        let only = articles_from_file_noted("b.md", b"---\ntitle: x\n---\n");
        assert_eq!(only, Err(IngestError::Empty));
    }

    #[test]
    fn errors_name_the_problem() {
        assert!(matches!(parse_cluster_line("{"), Err(IngestError::Json(_))));
        assert_eq!(parse_cluster_line("[1]"), Err(IngestError::NotAnObject));
        assert_eq!(
            parse_cluster_line(r#"{"documents":[]}"#),
            Err(IngestError::MissingField("id"))
        );
        assert!(matches!(
            parse_cluster_line(r#"{"id":"x","documents":[1]}"#),
            Err(IngestError::WrongType {
                field: "documents",
                ..
            })
        ));
    }

    #[test]
    fn web_pages_are_extracted() {
        let html = b"<html><head><title>Council passes budget</title><meta property=\"og:site_name\" content=\"Daily\">\
            </head><body><nav>Home | News</nav><article><h1>Council passes budget</h1><p>The city council passed \
            the budget on Tuesday after a long debate about the new library and the repairs to the old bridge.</p>\
            <p>The mayor said the vote was a relief for everyone who had waited for the money since last spring.</p>\
            </article></body></html>";
        let articles = articles_from_file("page.html", html).unwrap();
        assert_eq!(articles.len(), 1);
        assert!(articles[0].text.contains("The city council passed"));
        assert!(!articles[0].text.contains("Home | News"));
        assert_eq!(articles[0].title.as_deref(), Some("Council passes budget"));
        let text = articles_from_file("a.txt", b"Plain text article.").unwrap();
        assert_eq!(text[0].text, "Plain text article.");
    }

    #[test]
    fn a_fetched_files_charset_comes_before_its_own_and_the_guess() {
        let page = b"<html><head><meta charset=\"utf-8\"></head><body><article><p>The owner of the \
                     Caf\xe9 Rouge sued the city on Monday over the closure of the street outside, saying \
                     trade had fallen by half since March.</p></article></body></html>";
        let (articles, _) = articles_from_fetched("page.html", page, Some("windows-1252")).unwrap();
        assert!(
            articles[0].text.contains("Café Rouge"),
            "{}",
            articles[0].text
        );
        // Plain text served as KOI8-R: the guess would not find it from so few letters.
        let text = b"\xf0\xd2\xc9\xd7\xc5\xd4, \xcd\xc9\xd2.";
        let (articles, notes) = articles_from_fetched("page.txt", text, Some("koi8-r")).unwrap();
        assert_eq!(articles[0].text, "Привет, мир.");
        assert_eq!(
            notes,
            ["not UTF-8: decoded as KOI8-R; offsets point into the decoded text"]
        );
        // UTF-8 stays as it is whatever the server says; an unknown label falls back to the guess.
        let (articles, notes) =
            articles_from_fetched("page.txt", "Café".as_bytes(), Some("koi8-r")).unwrap();
        assert_eq!((articles[0].text.as_str(), notes.len()), ("Café", 0));
        let (_, notes) = articles_from_fetched(
            "page.txt",
            b"Caf\xe9 cr\xe8me br\xfbl\xe9e",
            Some("no-such"),
        )
        .unwrap();
        assert!(notes[0].contains("(guessed)"), "{notes:?}");
    }

    #[test]
    fn article_bytes_are_checked() {
        assert_eq!(article_from_bytes("a", b"  \n\t"), Err(IngestError::Empty));
        assert_eq!(article_from_bytes("a", b"ab\0cd"), Err(IngestError::Binary));
        assert_eq!(
            article_from_bytes("a", "Text.".as_bytes()).unwrap().text,
            "Text."
        );
    }
}
