//! What one named input holds, whatever the command: the articles of one story, or clusters (one story
//! per JSONL line). The one reader behind every subcommand's inputs; the caller does the I/O.
//!
//! - `.jsonl` / `.ndjson`: one cluster per line (`{"id", "documents": [...]}`, Multi-News's
//!   `{"id", "document": "a ||||| b"}` or `{"id", "articles": [{article object}, ...]}`); a line that is
//!   not UTF-8 is decoded with a note;
//! - `.json`: `{"articles": [{article object}, ...]}` (the API's request) or an array of article objects;
//! - anything else: an article file ([`ingest::articles_from_file_noted`]: text with YAML front matter,
//!   HTML, gzip, WARC).
//!
//! Standard input has no name: JSON and JSONL are recognised by their first line.

use serde_json::Value;

use crate::article_json::article_from_json;
use crate::ingest::{self, IngestError};
use crate::{Article, Cluster};

/// One line of a clusters file: its 1-based number and its cluster, or why it holds none.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterLine {
    pub line: usize,
    pub cluster: Result<Cluster, IngestError>,
}

/// What an input holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Contents {
    /// The articles of one story.
    Articles(Vec<Article>),
    /// One story per line.
    Clusters(Vec<ClusterLine>),
}

/// An input read: what it holds, and notes for the user (decoded text, articles left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub contents: Contents,
    pub notes: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Jsonl,
    Json,
    File,
}

/// Reads an input named `name` (a file name, or `stdin`).
pub fn read(name: &str, bytes: &[u8]) -> Result<Input, IngestError> {
    match kind(name, bytes) {
        Kind::Jsonl => Ok(clusters(bytes)),
        Kind::Json => articles_json(name, bytes),
        Kind::File => {
            let (articles, notes) = ingest::articles_from_file_noted(name, bytes)?;
            Ok(Input {
                contents: Contents::Articles(articles),
                notes,
            })
        }
    }
}

fn kind(name: &str, bytes: &[u8]) -> Kind {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Kind::Jsonl;
    }
    if lower.ends_with(".json") {
        return Kind::Json;
    }
    if name != "stdin" {
        return Kind::File;
    }
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(0);
    let first_line = bytes[start..]
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    match bytes.get(start) {
        Some(b'[') => Kind::Json,
        // A request body has `articles` and no `id`; a cluster line has an `id`.
        Some(b'{') => match serde_json::from_slice::<Value>(first_line) {
            Ok(Value::Object(o)) if o.contains_key("articles") && !o.contains_key("id") => {
                Kind::Json
            }
            Ok(_) => Kind::Jsonl,
            Err(_) => Kind::Json,
        },
        _ => Kind::File,
    }
}

/// Every non-blank line as a cluster.
fn clusters(bytes: &[u8]) -> Input {
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let cluster = match ingest::decode_text(line) {
            Ok((text, note)) => {
                if let Some(note) = note {
                    notes.push(format!("line {}: {note}", i + 1));
                }
                ingest::parse_cluster_line(&text)
            }
            Err(e) => Err(e),
        };
        lines.push(ClusterLine {
            line: i + 1,
            cluster,
        });
    }
    Input {
        contents: Contents::Clusters(lines),
        notes,
    }
}

/// `{"articles": [...]}` or `[...]`: the articles of one story; a bad article is left out with a note.
fn articles_json(name: &str, bytes: &[u8]) -> Result<Input, IngestError> {
    let (text, note) = ingest::decode_text(bytes)?;
    let mut notes: Vec<String> = note.into_iter().collect();
    let value: Value = serde_json::from_str(&text).map_err(|e| IngestError::Json(e.to_string()))?;
    let items = match &value {
        Value::Array(items) => items,
        Value::Object(object) => match object.get("articles") {
            Some(Value::Array(items)) => items,
            Some(_) => {
                return Err(IngestError::WrongType {
                    field: "articles",
                    expected: "an array of article objects",
                })
            }
            None => return Err(IngestError::MissingField("articles")),
        },
        _ => return Err(IngestError::NotAnObject),
    };
    let mut articles = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match article_from_json(item, Some(&format!("{name}#{}", i + 1))) {
            Ok(article) => articles.push(article),
            Err(e) => notes.push(format!("article {} left out: {e}", i + 1)),
        }
    }
    if articles.is_empty() {
        return Err(IngestError::NoArticles);
    }
    Ok(Input {
        contents: Contents::Articles(articles),
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(input: Input) -> Vec<Article> {
        match input.contents {
            Contents::Articles(articles) => articles,
            Contents::Clusters(_) => panic!("clusters"),
        }
    }

    #[test]
    fn jsonl_is_clusters_and_a_latin1_line_is_decoded() {
        let bytes = b"{\"id\":\"a\",\"documents\":[\"Caf\xe9 reopens.\"]}\n\n{\"id\":\"b\",\"text\":\"x\"}\n";
        let input = read("c.jsonl", bytes).unwrap();
        assert_eq!(input.notes.len(), 1);
        assert!(input.notes[0].starts_with("line 1: not UTF-8"));
        let Contents::Clusters(lines) = input.contents else {
            panic!("articles")
        };
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0].cluster.as_ref().unwrap().articles[0].text,
            "Café reopens."
        );
        assert_eq!(lines[1].line, 3);
        assert_eq!(lines[1].cluster, Err(IngestError::NotACluster));
    }

    #[test]
    fn the_api_request_is_one_story() {
        let body = br#"{"articles":[{"text":"One.","source":"Daily","published":"2024-03-04"},{"text":""}],"words":80}"#;
        let input = read("story.json", body).unwrap();
        assert_eq!(input.notes, ["article 2 left out: empty article (no text)"]);
        let found = articles(input);
        assert_eq!(found[0].id, "story.json#1");
        assert_eq!(found[0].outlet.as_deref(), Some("Daily"));
        assert_eq!(
            read("x.json", br#"{"articles":[]}"#),
            Err(IngestError::NoArticles)
        );
    }

    #[test]
    fn stdin_is_recognised_by_its_first_line() {
        let one = br#"{"id":"a","documents":["One."]}"#;
        assert!(matches!(
            read("stdin", one).unwrap().contents,
            Contents::Clusters(_)
        ));
        let request = b"{\n  \"articles\": [{\"text\": \"One.\"}]\n}\n";
        assert_eq!(articles(read("stdin", request).unwrap()).len(), 1);
        assert_eq!(
            articles(read("stdin", b"Plain text.").unwrap())[0].text,
            "Plain text."
        );
    }
}
