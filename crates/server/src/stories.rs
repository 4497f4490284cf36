//! Stories: the endpoints over the store of arriving articles — `POST /v1/articles` takes articles in and
//! answers each one's story, `GET /v1/stories` lists the stories most active first (and, with `since`,
//! only those changed since a cursor or a time: what the web page polls), `GET /v1/stories/{id}` gives a
//! story's brief.
//!
//! The store ([`newsbrief_store::Ingest`]) is blocking and has one writer, so it sits behind a mutex and
//! every call to it — the reading of the body's articles too, since HTML goes through the extractor — runs
//! on the blocking pool under the server's concurrency and time limits, never on the async runtime.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use newsbrief_core::Article;
use newsbrief_store::{Ingest, Order, Outcome, Since, StoreError, StoryQuery, StorySummary};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::api::{
    compute, json_response, read_body, refuse_declared_oversize, within_time_limit, AppState,
};
use crate::error::ApiError;
use newsbrief_api::{self as input, ArticleError};

/// Stories a listing gives when the request does not say how many.
pub const DEFAULT_LIMIT: usize = 50;
/// Most stories one listing gives.
pub const MAX_LIMIT: usize = 500;

/// The stories of a server: one [`Ingest`], shared by the handlers and used by one at a time.
#[derive(Clone)]
pub struct Stories {
    ingest: Arc<Mutex<Ingest>>,
    /// The database file, when there is one (to reopen it after a failed operation).
    path: Option<PathBuf>,
}

impl Stories {
    /// Stories kept in the SQLite file at `path` (created when missing).
    pub fn open(path: &Path) -> Result<Stories, StoreError> {
        let ingest = Ingest::open_sqlite(path)?;
        Ok(Stories {
            ingest: Arc::new(Mutex::new(ingest)),
            path: Some(path.to_owned()),
        })
    }

    /// Stories kept in memory only (lost when the server stops).
    pub fn in_memory() -> Result<Stories, StoreError> {
        Ok(Stories::new(Ingest::sqlite_in_memory()?))
    }

    /// Stories kept by `ingest`.
    pub fn new(ingest: Ingest) -> Stories {
        Stories {
            ingest: Arc::new(Mutex::new(ingest)),
            path: None,
        }
    }

    /// Saves the detector's state, so that the next start has little to replay (at shutdown). Blocks.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        self.lock().checkpoint()
    }

    /// The ingest, for one operation; blocks until no other operation holds it, so call it on the blocking
    /// pool only. An operation that panicked leaves its transaction rolled back but perhaps the detector
    /// out of step with the database, so a database is then reopened (the detector restored from it).
    fn lock(&self) -> MutexGuard<'_, Ingest> {
        match self.ingest.lock() {
            Ok(ingest) => ingest,
            Err(poisoned) => {
                let mut ingest = poisoned.into_inner();
                if let Some(reopened) = self
                    .path
                    .as_deref()
                    .and_then(|p| Ingest::open_sqlite(p).ok())
                {
                    *ingest = reopened;
                }
                self.ingest.clear_poison();
                ingest
            }
        }
    }
}

/// `POST /v1/articles`: one article object or an array of them → each one's story, in order.
pub async fn post_articles(
    State(state): State<AppState>,
    request: Request,
) -> Result<Response, ApiError> {
    refuse_declared_oversize(request.headers(), state.config.max_body)?;
    let stories = state.stories()?;
    let body = within_time_limit(&state, read_body(request)).await?;
    let answer = compute(&state, move |_| take_articles(&stories, &body)).await??;
    Ok(json_response(StatusCode::OK, answer))
}

/// Query parameters of `GET /v1/stories`, read as text so that a bad value gets a clear message.
#[derive(Deserialize, Default)]
pub struct ListParams {
    limit: Option<String>,
    since: Option<String>,
}

/// `GET /v1/stories?limit=&since=`: the stories, most active first, and the cursor to poll with.
pub async fn list_stories(
    State(state): State<AppState>,
    params: Result<Query<ListParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::malformed(e.body_text()))?;
    let query = story_query(params.limit.as_deref(), params.since.as_deref())?;
    let stories = state.stories()?;
    let answer = compute(&state, move |_| list(&stories, &query)).await??;
    Ok(json_response(StatusCode::OK, answer))
}

/// Query parameters of `GET /v1/stories/{id}`.
#[derive(Deserialize, Default)]
pub struct StoryParams {
    /// `texts=true` adds the texts of the brief's sources (what the web page highlights).
    #[serde(default)]
    texts: bool,
    /// `since=TIME` (RFC 3339 or a date): an update brief, "what's new" since then; the story's articles
    /// published before it are the ones seen.
    since: Option<String>,
}

/// `GET /v1/stories/{id}`: the story's brief as JSON (404 for an unknown story).
pub async fn get_story(
    State(state): State<AppState>,
    UrlPath(id): UrlPath<String>,
    params: Result<Query<StoryParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::malformed(e.body_text()))?;
    let stories = state.stories()?;
    let answer = match params.since {
        None => {
            compute(&state, move |cancel| {
                brief(&stories, &id, params.texts, cancel)
            })
            .await??
        }
        Some(since) => {
            compute(&state, move |cancel| {
                update_brief(&stories, &id, &since, params.texts, cancel)
            })
            .await??
        }
    };
    Ok(json_response(StatusCode::OK, answer))
}

/// Reads the body's articles, stores the good ones in one batch, answers one entry per article in order.
fn take_articles(stories: &Stories, body: &[u8]) -> Result<String, ApiError> {
    enum Entry {
        /// Position in the batch given to the store.
        Taken(usize),
        Failed(ArticleError),
    }
    let mut articles: Vec<Article> = Vec::new();
    let entries: Vec<Entry> = input::articles_from_stream_json(body)?
        .into_iter()
        .map(|read| match read {
            Ok(article) => {
                articles.push(article);
                Entry::Taken(articles.len() - 1)
            }
            Err(e) => Entry::Failed(e),
        })
        .collect();
    let (outcomes, cursor) = {
        let mut ingest = stories.lock();
        let outcomes = if articles.is_empty() {
            Vec::new()
        } else {
            ingest.add(&articles).map_err(store_error)?
        };
        (outcomes, ingest.cursor())
    };
    if outcomes.len() != articles.len() {
        return Err(ApiError::internal(format!(
            "the store answered {} outcomes for {} articles",
            outcomes.len(),
            articles.len()
        )));
    }
    let answers: Vec<Answer> = entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| match entry {
            Entry::Taken(k) => Answer::Taken {
                index,
                outcome: &outcomes[k],
            },
            Entry::Failed(e) => Answer::Failed {
                index: e.index,
                id: e.id,
                error: Malformed {
                    code: "malformed",
                    message: e.message,
                },
            },
        })
        .collect();
    // Serialised straight from the structs (not through a `Value`, which sorts the fields).
    #[derive(Serialize)]
    struct Answers<'a> {
        articles: Vec<Answer<'a>>,
        cursor: u64,
    }
    serde_json::to_string(&Answers {
        articles: answers,
        cursor,
    })
    .map_err(|e| ApiError::internal(e.to_string()))
}

/// One entry of the answer to `POST /v1/articles` (fields in this order).
#[derive(Serialize)]
#[serde(untagged)]
enum Answer<'a> {
    Taken {
        index: usize,
        #[serde(flatten)]
        outcome: &'a Outcome,
    },
    Failed {
        index: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        error: Malformed,
    },
}

/// Why an article was not taken, in the API's error shape.
#[derive(Serialize)]
struct Malformed {
    code: &'static str,
    message: String,
}

/// Checks the parameters of a listing: `limit` 1 to [`MAX_LIMIT`], `since` a cursor or a time.
pub fn story_query(limit: Option<&str>, since: Option<&str>) -> Result<StoryQuery, ApiError> {
    let limit = match given(limit) {
        None => DEFAULT_LIMIT,
        Some(text) => match text.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            _ => {
                return Err(ApiError::malformed(format!(
                    "`limit` must be a number from 1 to {MAX_LIMIT}, not `{text}`"
                )))
            }
        },
    };
    let since = match given(since) {
        None => None,
        Some(text) if text.bytes().all(|b| b.is_ascii_digit()) => match text.parse() {
            Ok(n) => Some(Since::Cursor(n)),
            Err(_) => {
                return Err(ApiError::malformed(format!(
                    "`since` is too large a cursor: `{text}`"
                )))
            }
        },
        Some(text) if input::is_time_or_date(text) => Some(Since::Time(text.to_owned())),
        Some(text) => {
            return Err(ApiError::malformed(format!(
            "`since` must be a cursor (the `cursor` of an earlier answer) or an RFC 3339 time or \
                 date such as 2024-05-01T09:30:00Z or 2024-05-01, not `{text}`"
        )))
        }
    };
    Ok(StoryQuery {
        limit: Some(limit),
        since,
    })
}

/// A parameter's value, trimmed; an empty one counts as not given.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

fn list(stories: &Stories, query: &StoryQuery) -> Result<String, ApiError> {
    let (listed, cursor) = {
        let ingest = stories.lock();
        let listed = ingest
            .stories(query, Order::MostActive)
            .map_err(store_error)?;
        (listed, ingest.cursor())
    };
    #[derive(Serialize)]
    struct StoryList {
        stories: Vec<StorySummary>,
        cursor: u64,
    }
    serde_json::to_string(&StoryList {
        stories: listed,
        cursor,
    })
    .map_err(|e| ApiError::internal(e.to_string()))
}

fn brief(
    stories: &Stories,
    id: &str,
    with_texts: bool,
    cancel: &newsbrief_core::Cancel,
) -> Result<String, ApiError> {
    let mut ingest = stories.lock();
    let brief = ingest
        .brief_cancellable(id, "json", cancel)
        .map_err(store_error)?;
    if !with_texts {
        return Ok(brief);
    }
    let articles = ingest.story_articles(id).map_err(store_error)?;
    drop(ingest);
    add_texts(&brief, &articles)
}

/// The story's update brief since `since` (built afresh, not cached).
fn update_brief(
    stories: &Stories,
    id: &str,
    since: &str,
    with_texts: bool,
    cancel: &newsbrief_core::Cancel,
) -> Result<String, ApiError> {
    let articles = stories.lock().story_articles(id).map_err(store_error)?;
    let (new, seen) = newsbrief_core::guided::split_since(articles, since)
        .map_err(|e| ApiError::malformed(format!("`since`: {e}")))?;
    let opts = newsbrief_core::BriefOptions {
        summary: newsbrief_core::SummaryOptions::with_words(newsbrief_core::UPDATE_WORDS),
        seen,
        ..Default::default()
    };
    let brief =
        newsbrief_core::build_brief_cancellable(&new, &opts, cancel).map_err(|e| match e {
            newsbrief_core::BriefError::Cancelled => ApiError::timed_out(),
            other => ApiError::no_usable_article(other.to_string()),
        })?;
    let json = newsbrief_core::render::json(&brief);
    if with_texts {
        add_texts(&json, &new)
    } else {
        Ok(json)
    }
}

/// The brief with `texts`: for each source (by its `doc`), the text of the stored article of its id, which
/// the brief's byte offsets point into (null when there is none).
fn add_texts(brief: &str, articles: &[Article]) -> Result<String, ApiError> {
    let mut value: Value = serde_json::from_str(brief)
        .map_err(|e| ApiError::internal(format!("the stored brief is not JSON: {e}")))?;
    let by_id: HashMap<&str, &str> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    let sources = value["sources"].as_array().cloned().unwrap_or_default();
    let mut texts = vec![Value::Null; sources.len()];
    for source in &sources {
        let doc = source["doc"].as_u64().and_then(|d| usize::try_from(d).ok());
        let text = source["id"].as_str().and_then(|id| by_id.get(id));
        if let (Some(doc), Some(text)) = (doc, text) {
            if doc < texts.len() {
                texts[doc] = Value::String((*text).to_owned());
            }
        }
    }
    match value.as_object_mut() {
        Some(object) => {
            object.insert("texts".to_owned(), Value::Array(texts));
            Ok(value.to_string())
        }
        None => Err(ApiError::internal("the stored brief is not a JSON object")),
    }
}

/// The answer to a store error: 404 for an unknown story, 400 for a request it cannot read, 422 for a
/// story without prose to brief, 500 for the rest.
fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NotFound(message) => ApiError::new(StatusCode::NOT_FOUND, "not_found", message),
        StoreError::Invalid(message) => ApiError::malformed(message),
        e @ StoreError::Brief(_) => ApiError::no_usable_article(e.to_string()),
        StoreError::Cancelled => ApiError::timed_out(),
        e => ApiError::internal(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn listing_parameters_are_checked() {
        let q = story_query(None, None).unwrap();
        assert_eq!((q.limit, q.since), (Some(DEFAULT_LIMIT), None));
        let q = story_query(Some("10"), Some("42")).unwrap();
        assert_eq!((q.limit, q.since), (Some(10), Some(Since::Cursor(42))));
        let q = story_query(Some(""), Some("2024-05-01")).unwrap();
        assert_eq!(q.since, Some(Since::Time("2024-05-01".into())));
        for (limit, since) in [
            (Some("0"), None),
            (Some("501"), None),
            (Some("ten"), None),
            (None, Some("yesterday")),
            (None, Some("-1")),
            (None, Some("99999999999999999999999")),
        ] {
            let e = story_query(limit, since).unwrap_err();
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{limit:?} {since:?}");
        }
    }

    #[test]
    fn texts_follow_the_sources_by_id() {
        let brief =
            r#"{"sources": [{"doc": 0, "id": "b"}, {"doc": 1, "id": "zz"}], "summary": []}"#;
        let articles = vec![Article::new("a", "text a"), Article::new("b", "text b")];
        let value: Value = serde_json::from_str(&add_texts(brief, &articles).unwrap()).unwrap();
        assert_eq!(value["texts"], json!(["text b", null]));
        assert_eq!(value["summary"], json!([]));
    }
}
