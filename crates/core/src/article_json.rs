//! One reader of an article given as a JSON object, shared by every input that carries one: a line of
//! an article stream (`newsbrief stories`), an article of `POST /v1/articles`, an article of a cluster's
//! `articles` array and of an `{"articles": [...]}` file.
//!
//! The object is `{"id", "text" | "html", "title"?, "published"?, "outlet"? (or "source"), "url"?}`.
//! `text` is taken as it is (it wins over `html` unless it is empty); `html` goes through the article
//! extractor like a saved page, and the `title`, `published`, `outlet` and `url` of the object win over
//! what the extractor finds. `published` is an RFC 3339 time or starts with a date (`2017-03-02`).
//! Missing, null and blank optional fields count as absent.

use serde_json::{Map, Value};

use crate::ingest::{self, IngestError};
use crate::Article;

/// Why an article object was not read, with its id when it had a usable one.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{error}")]
pub struct ArticleJsonError {
    pub id: Option<String>,
    pub error: IngestError,
}

/// Reads one article object. `default_id` is the id of an object without one (`None`: an id is required).
pub fn article_from_json(
    value: &Value,
    default_id: Option<&str>,
) -> Result<Article, ArticleJsonError> {
    let fail = |id: Option<&str>, error: IngestError| ArticleJsonError {
        id: id.map(str::to_owned),
        error,
    };
    let object = value
        .as_object()
        .ok_or_else(|| fail(None, IngestError::NotAnObject))?;
    let id = read_id(object, default_id).map_err(|e| fail(None, e))?;
    read_fields(object, &id).map_err(|e| fail(Some(&id), e))
}

fn read_id(object: &Map<String, Value>, default_id: Option<&str>) -> Result<String, IngestError> {
    let id = match (object.get("id"), default_id) {
        (Some(Value::String(s)), _) => s.trim().to_owned(),
        (Some(Value::Number(n)), _) => n.to_string(),
        (None | Some(Value::Null), Some(default)) => default.to_owned(),
        (None, None) => return Err(IngestError::MissingField("id")),
        (Some(_), _) => return Err(wrong_type("id", "a string")),
    };
    if id.is_empty() {
        return Err(IngestError::EmptyField("id"));
    }
    Ok(id)
}

fn read_fields(object: &Map<String, Value>, id: &str) -> Result<Article, IngestError> {
    let published = optional(object, "published")?;
    if let Some(p) = &published {
        if parse_published(p).is_none() {
            return Err(IngestError::Published(p.clone()));
        }
    }
    let title = optional(object, "title")?;
    let outlet = match optional(object, "outlet")? {
        Some(outlet) => Some(outlet),
        None => optional(object, "source")?,
    };
    let url = optional(object, "url")?;
    let article = match (string(object, "text")?, string(object, "html")?) {
        (Some(text), None) => ingest::article_from_bytes(id, text.as_bytes())?,
        (Some(text), Some(_)) if !text.trim().is_empty() => {
            ingest::article_from_bytes(id, text.as_bytes())?
        }
        (_, Some(html)) => {
            // The `.html` name sends the bytes through the extractor even when they do not look like a page.
            let mut pages = ingest::articles_from_file(&format!("{id}.html"), html.as_bytes())?;
            pages.swap_remove(0)
        }
        (None, None) => return Err(IngestError::NoText),
    };
    Ok(Article {
        id: id.to_owned(),
        text: article.text,
        title: title.or(article.title),
        outlet: outlet.or(article.outlet),
        published: published.or(article.published),
        url: url.or(article.url),
    })
}

/// A string field that may be missing or null.
fn string(object: &Map<String, Value>, field: &'static str) -> Result<Option<String>, IngestError> {
    match object.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(wrong_type(field, "a string")),
    }
}

/// A string field that may be missing or null; a blank string counts as missing.
fn optional(
    object: &Map<String, Value>,
    field: &'static str,
) -> Result<Option<String>, IngestError> {
    Ok(string(object, field)?.filter(|s| !s.trim().is_empty()))
}

fn wrong_type(field: &'static str, expected: &'static str) -> IngestError {
    IngestError::WrongType { field, expected }
}

/// Seconds since 1970 of a publication time: RFC 3339, `YYYY-MM-DDTHH:MM:SS` (UTC), or anything that
/// starts with a date (the start of that day, UTC); `None` otherwise.
pub fn parse_published(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(t.timestamp());
    }
    if let Ok(t) = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S") {
        return Some(t.and_utc().timestamp());
    }
    let date = chrono::NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reason(value: Value) -> String {
        article_from_json(&value, None).unwrap_err().to_string()
    }

    #[test]
    fn a_full_object() {
        let a = article_from_json(
            &json!({"id": 7, "text": "The mayor resigned.", "title": "Mayor quits", "published": "2024-03-04",
                    "source": "Coast Daily", "url": null}),
            None,
        )
        .unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.text, "The mayor resigned.");
        assert_eq!(a.title.as_deref(), Some("Mayor quits"));
        assert_eq!(a.published.as_deref(), Some("2024-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("Coast Daily"));
        assert_eq!(a.url, None);
    }

    #[test]
    fn html_goes_through_the_extractor_and_given_fields_win() {
        let html = "<html><head><title>Storm cuts power</title><meta property=\"article:published_time\" content=\"2024-03-04T08:00:00Z\"></head><body><article><p>A storm hit the coast on Sunday night and cut power to thousands of homes, the utility said.</p></article></body></html>";
        let a = article_from_json(
            &json!({"id": "p1", "html": html, "outlet": "Coast Daily"}),
            None,
        )
        .unwrap();
        assert_eq!(a.id, "p1");
        assert!(a.text.contains("storm hit the coast") && !a.text.contains('<'));
        assert_eq!(a.title.as_deref(), Some("Storm cuts power"));
        assert!(a.published.unwrap().starts_with("2024-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("Coast Daily"));
    }

    #[test]
    fn a_default_id_stands_in_for_a_missing_one() {
        let a = article_from_json(&json!({"text": "Hello."}), Some("article-3")).unwrap();
        assert_eq!(a.id, "article-3");
    }

    #[test]
    fn bad_objects_say_why_and_keep_the_id() {
        assert_eq!(reason(json!([1, 2])), "expected a JSON object");
        assert_eq!(reason(json!({"text": "x"})), "field `id` is missing");
        assert_eq!(reason(json!({"id": "a"})), "no `text` and no `html`");
        assert_eq!(
            reason(json!({"id": "a", "text": "  "})),
            "empty article (no text)"
        );
        assert_eq!(
            reason(json!({"id": " ", "text": "x"})),
            "field `id` is empty"
        );
        assert!(
            reason(json!({"id": "a", "text": "x", "published": "yesterday"}))
                .contains("field `published` is neither an RFC 3339 time nor a date")
        );
        assert_eq!(
            reason(json!({"id": "a", "text": 5})),
            "field `text` should be a string"
        );
        assert!(
            reason(json!({"id": "a", "html": "<html><body></body></html>"}))
                .starts_with("no article text found")
        );
        let e = article_from_json(&json!({"id": "e", "text": ""}), None).unwrap_err();
        assert_eq!(e.id.as_deref(), Some("e"));
        let e = article_from_json(&json!({"id": [], "text": "x"}), None).unwrap_err();
        assert_eq!(e.id, None);
    }

    #[test]
    fn published_forms() {
        assert_eq!(parse_published("1970-01-02"), Some(86_400));
        assert_eq!(parse_published("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(parse_published("1970-01-02T10:00"), Some(86_400));
        assert_eq!(parse_published("2024-13-01"), None);
        assert_eq!(parse_published("March 2"), None);
    }
}
