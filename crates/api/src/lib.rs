//! The request bodies of the HTTP API (JSON articles, uploaded files, plain text, JSONL clusters, the
//! articles of a stream) read into typed requests.
//!
//! Pure functions over bytes, apart from the server (`newsbrief-server` answers each [`RequestError`]
//! with its HTTP status), so they are tested and fuzzed without its runtime.

use newsbrief_core::ingest::{self, IngestError};
use newsbrief_core::{article_json, Article, Cluster, UPDATE_WORDS};
use serde::Deserialize;
use serde_json::Value;

/// Summary length used when a request does not say (the command line's default too).
pub const DEFAULT_WORDS: usize = 250;
/// Longest summary a request may ask for.
pub const MAX_WORDS: usize = 5_000;

/// Why a request body cannot be briefed; the message is for people.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The body could not be understood (not JSON, a missing field, a bad `words`).
    #[error("{0}")]
    Malformed(String),
    /// The body holds more articles or clusters than the limit.
    #[error("{0}")]
    TooLarge(String),
    /// Nothing in the body can be read as text (every uploaded file binary, say).
    #[error("{0}")]
    Unsupported(String),
    /// Well-formed, but no article has prose to brief.
    #[error("{0}")]
    NoUsableArticle(String),
}

/// What a brief request asks for, once read.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefRequest {
    pub articles: Vec<Article>,
    /// Word budget of the summary.
    pub words: usize,
    /// Inputs that were left out, and why (added to the brief's warnings).
    pub skipped: Vec<String>,
    /// The question a focused brief answers.
    pub focus: Option<String>,
    /// Articles the reader has already seen (an update brief says what is new).
    pub seen: Vec<Article>,
}

/// One file of a multipart upload.
#[derive(Debug, Clone, PartialEq)]
pub struct UploadedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Deserialize)]
#[serde(expecting = "an object {\"articles\": [...], \"words\"?, \"focus\"?, \"seen\"?: [...]}")]
struct JsonRequest {
    articles: Vec<JsonArticle>,
    words: Option<usize>,
    focus: Option<String>,
    #[serde(default)]
    seen: Vec<JsonArticle>,
}

#[derive(Deserialize)]
#[serde(expecting = "an article: an object with a \"text\" string")]
struct JsonArticle {
    text: String,
    id: Option<String>,
    title: Option<String>,
    /// The outlet; `outlet` is accepted as well.
    source: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
}

/// Checks a requested summary length.
pub fn checked_words(words: Option<usize>) -> Result<usize, RequestError> {
    match words {
        None => Ok(DEFAULT_WORDS),
        Some(w) if (1..=MAX_WORDS).contains(&w) => Ok(w),
        Some(w) => Err(RequestError::Malformed(format!(
            "`words` must be between 1 and {MAX_WORDS}, not {w}"
        ))),
    }
}

/// Reads `{"articles": [{"text", "title", "source", "published", "url", "id"}], "words"}`; the body's
/// `words` wins over `default_words` (the query's).
pub fn from_json(
    bytes: &[u8],
    default_words: Option<usize>,
    max_articles: usize,
) -> Result<BriefRequest, RequestError> {
    let request: JsonRequest = serde_json::from_slice(bytes).map_err(|e| {
        RequestError::Malformed(format!(
            "the request should be {{\"articles\": [{{\"text\": \"…\", \"title\"?, \"source\"?, \
                 \"published\"?, \"url\"?}}, …], \"words\"?}}: {e}"
        ))
    })?;
    if request.articles.len() + request.seen.len() > max_articles {
        return Err(too_many(
            request.articles.len() + request.seen.len(),
            max_articles,
        ));
    }
    if request
        .focus
        .as_deref()
        .is_some_and(|f| f.trim().is_empty())
    {
        return Err(RequestError::Malformed(
            "`focus` is empty: give the question the brief should answer".to_owned(),
        ));
    }
    let update_words = (!request.seen.is_empty()).then_some(UPDATE_WORDS);
    let words = checked_words(request.words.or(default_words).or(update_words))?;
    let mut skipped = Vec::new();
    let articles = json_articles(request.articles, "article", &mut skipped);
    let seen = json_articles(request.seen, "seen", &mut skipped);
    Ok(BriefRequest {
        focus: request.focus,
        seen,
        ..usable(articles, words, skipped, false)?
    })
}

/// The articles of a JSON list, ids given where missing (`prefix-N`); empty ones skipped with a note.
fn json_articles(list: Vec<JsonArticle>, prefix: &str, skipped: &mut Vec<String>) -> Vec<Article> {
    let mut articles = Vec::with_capacity(list.len());
    for (i, a) in list.into_iter().enumerate() {
        let id = a.id.unwrap_or_else(|| format!("{prefix}-{}", i + 1));
        if a.text.trim().is_empty() {
            skipped.push(format!("{id}: empty article (no text)"));
            continue;
        }
        articles.push(Article {
            text: a.text,
            title: non_empty(a.title),
            outlet: non_empty(a.source.or(a.outlet)),
            published: non_empty(a.published),
            url: non_empty(a.url),
            id,
        });
    }
    articles
}

/// Reads a plain-text body as one article.
pub fn from_text(bytes: &[u8], words: Option<usize>) -> Result<BriefRequest, RequestError> {
    let words = checked_words(words)?;
    match ingest::article_from_bytes("article-1", bytes) {
        Ok(article) => usable(vec![article], words, Vec::new(), false),
        Err(IngestError::Empty) => Err(RequestError::NoUsableArticle(
            "the article is empty".to_owned(),
        )),
        Err(e) => Err(RequestError::Unsupported(format!(
            "the body is not text: {e}"
        ))),
    }
}

/// Reads uploaded files: text and Markdown as they are, saved web pages (HTML, gzip, WARC) through the
/// article extractor; unreadable or empty files are skipped with a warning.
pub fn from_files(
    files: Vec<UploadedFile>,
    words: Option<usize>,
    max_articles: usize,
) -> Result<BriefRequest, RequestError> {
    if files.len() > max_articles {
        return Err(too_many(files.len(), max_articles));
    }
    let words = checked_words(words)?;
    let mut articles = Vec::with_capacity(files.len());
    let mut skipped = Vec::new();
    let mut unsupported = 0;
    for file in files {
        match ingest::articles_from_file(&file.name, &file.bytes) {
            Ok(found) => articles.extend(found),
            Err(e @ (IngestError::Empty | IngestError::NoArticleInPage(_))) => {
                skipped.push(format!("{}: {e}", file.name));
            }
            Err(e) => {
                unsupported += 1;
                skipped.push(format!("{}: cannot be read ({e})", file.name));
            }
        }
    }
    if articles.len() > max_articles {
        return Err(too_many(articles.len(), max_articles));
    }
    let all_unsupported = unsupported > 0 && unsupported == skipped.len();
    usable(articles, words, skipped, all_unsupported)
}

/// One line of a JSONL batch: its 1-based number and the cluster it holds, or why it holds none.
pub type ClusterLine = (usize, Result<Cluster, IngestError>);

/// Reads a JSONL batch of clusters; each line is parsed on its own, so one bad line spoils nothing else.
pub fn clusters_from_jsonl(
    bytes: &[u8],
    max_clusters: usize,
) -> Result<Vec<ClusterLine>, RequestError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|e| RequestError::Malformed(format!("the body is not UTF-8: {e}")))?;
    let lines: Vec<(usize, &str)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .collect();
    if lines.is_empty() {
        return Err(RequestError::Malformed(
            "the body has no JSONL lines".to_owned(),
        ));
    }
    if lines.len() > max_clusters {
        return Err(RequestError::TooLarge(format!(
            "{} clusters in one request; the limit is {max_clusters}",
            lines.len()
        )));
    }
    Ok(lines
        .into_iter()
        .map(|(n, line)| (n, ingest::parse_cluster_line(line)))
        .collect())
}

/// Why one article of a `POST /v1/articles` body was not taken: its position, its id when it has a usable
/// one, and a message for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleError {
    pub index: usize,
    pub id: Option<String>,
    pub message: String,
}

/// One article of a stream body, read, or why it could not be.
pub type StreamArticle = Result<Article, ArticleError>;

/// Reads the body of `POST /v1/articles`: one article object or a JSON array of them, each
/// `{"id", "text" | "html", "title"?, "published"?, "outlet"?, "url"?}`. Each article is read on its own,
/// so a bad one spoils nothing else; a body that is not JSON, not an object or array, or an empty array
/// is a 400. `html` goes through the article extractor (CPU work: call this off the async runtime).
pub fn articles_from_stream_json(bytes: &[u8]) -> Result<Vec<StreamArticle>, RequestError> {
    let value: Value = serde_json::from_slice(bytes)
        .map_err(|e| RequestError::Malformed(format!("the request is not JSON: {e}")))?;
    let items = match value {
        Value::Array(items) if items.is_empty() => {
            return Err(RequestError::Malformed(
                "the request has no articles (an empty array)".to_owned(),
            ))
        }
        Value::Array(items) => items,
        object @ Value::Object(_) => vec![object],
        _ => {
            return Err(RequestError::Malformed(
                "the request should be an article object or an array of them".to_owned(),
            ))
        }
    };
    Ok(items
        .iter()
        .enumerate()
        .map(|(index, item)| stream_article(index, item))
        .collect())
}

/// Reads one article object of a stream body, as every article object is read
/// ([`newsbrief_core::article_json`]).
fn stream_article(index: usize, item: &Value) -> StreamArticle {
    article_json::article_from_json(item, None).map_err(|e| ArticleError {
        index,
        id: e.id,
        message: e.error.to_string(),
    })
}

/// An RFC 3339 time (`2024-05-01T09:30:00Z`), or text that starts with a date (`2024-05-01`): a time the
/// story detector reads (`newsbrief_core::article_json::parse_published`).
pub fn is_time_or_date(text: &str) -> bool {
    article_json::parse_published(text).is_some()
}

fn usable(
    articles: Vec<Article>,
    words: usize,
    skipped: Vec<String>,
    all_unsupported: bool,
) -> Result<BriefRequest, RequestError> {
    if articles.is_empty() {
        let why = if skipped.is_empty() {
            "the request has no articles".to_owned()
        } else {
            format!("no usable article: {}", skipped.join("; "))
        };
        return Err(if all_unsupported {
            RequestError::Unsupported(why)
        } else {
            RequestError::NoUsableArticle(why)
        });
    }
    Ok(BriefRequest {
        articles,
        words,
        skipped,
        focus: None,
        seen: Vec::new(),
    })
}

fn too_many(count: usize, max: usize) -> RequestError {
    RequestError::TooLarge(format!(
        "{count} articles in one request; the limit is {max}"
    ))
}

fn non_empty(field: Option<String>) -> Option<String> {
    field.filter(|s| !s.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_articles_keep_their_metadata() {
        let body = br#"{"articles":[{"text":"Hello there. A story.","title":"T","source":"Outlet","published":"2017-03-02"},{"text":"  "}],"words":50}"#;
        let request = from_json(body, None, 10).unwrap();
        assert_eq!(request.words, 50);
        assert_eq!(request.articles.len(), 1);
        assert_eq!(request.articles[0].outlet.as_deref(), Some("Outlet"));
        assert_eq!(request.articles[0].id, "article-1");
        assert_eq!(request.skipped.len(), 1);
    }

    #[test]
    fn failures_are_told_apart() {
        let failure = |r: Result<BriefRequest, RequestError>| r.unwrap_err();
        assert!(matches!(
            failure(from_json(b"{", None, 10)),
            RequestError::Malformed(_)
        ));
        assert!(matches!(
            failure(from_json(
                br#"{"articles":[{"text":"a"},{"text":"b"}]}"#,
                None,
                1
            )),
            RequestError::TooLarge(_)
        ));
        assert_eq!(
            failure(from_json(br#"{"articles":[]}"#, None, 10)),
            RequestError::NoUsableArticle("the request has no articles".to_owned())
        );
        assert!(matches!(
            failure(from_json(
                br#"{"articles":[{"text":"a"}],"words":0}"#,
                None,
                10
            )),
            RequestError::Malformed(_)
        ));
        let binary = UploadedFile {
            name: "x.bin".into(),
            bytes: vec![0, 1, 2],
        };
        assert!(matches!(
            failure(from_files(vec![binary], None, 10)),
            RequestError::Unsupported(_)
        ));
    }

    #[test]
    fn stream_articles_are_read_one_by_one() {
        let body = br#"[
            {"id": "a", "text": "The council voted.", "title": "T", "outlet": "O", "published": "2024-05-01"},
            {"id": 7, "text": "Number id.", "published": "2024-05-01T09:30:00+02:00"},
            {"text": "no id"},
            {"id": "b"},
            {"id": "c", "text": "x", "html": "<p>y</p>"},
            {"id": "d", "text": "x", "published": "yesterday"},
            {"id": "e", "text": "   "},
            "not an object",
            {"id": "f", "text": 3}
        ]"#;
        let read = articles_from_stream_json(body).unwrap();
        assert_eq!(read.len(), 9);
        // `text` wins over `html`, as on a line of `newsbrief stories`.
        assert_eq!(read[4].as_ref().unwrap().text, "x");
        let a = read[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.outlet.as_deref()), ("a", Some("O")));
        assert_eq!(read[1].as_ref().unwrap().id, "7");
        let errors: Vec<&ArticleError> = read.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(errors.len(), 6);
        assert_eq!(errors[0].index, 2);
        assert_eq!(errors[0].id, None);
        assert_eq!(errors[0].message, "field `id` is missing");
        assert_eq!(errors[1].message, "no `text` and no `html`");
        assert!(errors[2].message.contains("`published`"));
        assert_eq!(errors[3].message, "empty article (no text)");
        assert_eq!(errors[3].id.as_deref(), Some("e"));
        assert_eq!(errors[4].message, "expected a JSON object");
        assert_eq!(errors[5].message, "field `text` should be a string");
    }

    #[test]
    fn one_object_is_one_article_and_bad_bodies_are_malformed() {
        let one = articles_from_stream_json(br#"{"id": "x", "text": "Hello."}"#).unwrap();
        assert_eq!(one.len(), 1);
        for body in [&b"not json"[..], b"[]", b"42", b"\"null\""] {
            let e = articles_from_stream_json(body).unwrap_err();
            assert!(matches!(e, RequestError::Malformed(_)), "{e:?}");
        }
    }

    #[test]
    fn html_goes_through_the_extractor_and_the_request_wins() {
        let p = "The city council voted on Monday to close the old river bridge for a year of repairs, \
                 after engineers found cracks in two of its supports during an inspection.";
        let html = format!(
            "<html><head><title>Bridge closes</title></head><body><nav>Home</nav>\
             <article><h1>Bridge closes</h1><p>{p}</p><p>{p}</p></article></body></html>"
        );
        let body = serde_json::json!([{"id": "h", "html": html, "outlet": "Daily"}]).to_string();
        let read = articles_from_stream_json(body.as_bytes()).unwrap();
        let a = read[0].as_ref().unwrap();
        assert!(a.text.contains("city council voted") && !a.text.contains("<p>"));
        assert_eq!(a.outlet.as_deref(), Some("Daily"));
        assert_eq!(a.id, "h");
    }

    #[test]
    fn times_and_dates() {
        assert!(is_time_or_date("2024-05-01"));
        assert!(is_time_or_date("2024-05-01T09:30:00Z"));
        assert!(!is_time_or_date("2024-13-01"));
        assert!(!is_time_or_date("May 1"));
    }

    #[test]
    fn jsonl_lines_are_numbered_and_parsed_alone() {
        let body = b"{\"id\":\"a\",\"documents\":[\"x y\"]}\n\nnot json\n";
        let lines = clusters_from_jsonl(body, 10).unwrap();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1].0, 3);
        assert!(lines[0].1.is_ok() && lines[1].1.is_err());
    }
}
