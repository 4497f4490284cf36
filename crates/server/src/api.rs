//! API handlers: `/v1/brief`, `/v1/summarize` and `/healthz`.
//!
//! Bodies are read on the async runtime within the configured size limit; everything after the read
//! (parsing, HTML extraction by [`newsbrief_api`], the brief or the summaries) is CPU work and runs on the
//! blocking pool under the concurrency limit and the per-request time limit, so that no request can hold up
//! the runtime's threads (`/healthz` answers whatever the uploads are).

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, Multipart, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use newsbrief_core::{
    build_brief_cancellable, Brief, BriefError, BriefOptions, Cancel, SummaryOptions,
};
use serde::{Deserialize, Serialize};
use serde_json::json;
use tokio::sync::Semaphore;

use crate::config::Config;
use crate::error::ApiError;
use crate::stories::Stories;
use newsbrief_api::{self as input, BriefRequest, RequestError, UploadedFile};

/// What every handler shares: the limits, the permits of the concurrency limit and of the workers, and
/// the stories (or why there are none: the store could not be opened).
#[derive(Clone)]
pub struct AppState {
    pub config: Arc<Config>,
    permits: Arc<Semaphore>,
    workers: Arc<Semaphore>,
    stories: Result<Stories, Arc<str>>,
}

impl AppState {
    /// The state of a server under `config` whose stories are `stories`.
    pub fn new(config: Config, stories: Result<Stories, String>) -> Self {
        let permits = Arc::new(Semaphore::new(config.max_concurrent));
        let workers = Arc::new(Semaphore::new(config.workers.max(1)));
        AppState {
            config: Arc::new(config),
            permits,
            workers,
            stories: stories.map_err(Arc::from),
        }
    }

    /// The stories, or 500 when the store could not be opened.
    pub(crate) fn stories(&self) -> Result<Stories, ApiError> {
        self.stories
            .clone()
            .map_err(|e| ApiError::internal(format!("the story store is not available: {e}")))
    }
}

/// Query parameters of the API.
#[derive(Deserialize, Default)]
pub struct Params {
    /// Word budget of the summary (the JSON body's `words` wins when both are given).
    words: Option<usize>,
    /// `texts=true` adds the article texts the offsets point into (what the web page highlights).
    #[serde(default)]
    texts: bool,
}

/// The brief, with the article texts when asked for.
#[derive(Serialize)]
struct BriefResponse<'a> {
    #[serde(flatten)]
    brief: &'a Brief,
    #[serde(skip_serializing_if = "Option::is_none")]
    texts: Option<Vec<String>>,
}

/// `GET /healthz`.
pub async fn healthz() -> Response {
    json_response(StatusCode::OK, json!({"status": "ok"}).to_string())
}

/// A brief request's body as read off the connection, before any of the CPU work of turning it into
/// articles (JSON parsing, HTML extraction), which runs in [`compute`].
enum BriefBody {
    Json(Bytes),
    Files(Upload),
    Text(Bytes),
}

/// A multipart upload: its files, the pasted articles of its `articles` field (JSON, as the JSON body's
/// `articles`, with their headline, outlet, date and address) and its `words` field.
struct Upload {
    files: Vec<UploadedFile>,
    pasted: Option<Bytes>,
    words: Option<usize>,
    /// The form's `focus` field: the question of a focused brief.
    focus: Option<String>,
}

impl BriefBody {
    /// The articles of the body (CPU work: call this off the async runtime).
    fn into_request(
        self,
        query_words: Option<usize>,
        max_articles: usize,
    ) -> Result<BriefRequest, ApiError> {
        match self {
            BriefBody::Json(bytes) => Ok(input::from_json(&bytes, query_words, max_articles)?),
            BriefBody::Files(upload) => files_and_pasted(upload, max_articles),
            BriefBody::Text(bytes) => Ok(input::from_text(&bytes, query_words)?),
        }
    }
}

/// `POST /v1/brief`: JSON articles, multipart files or one plain-text article → the brief as JSON.
///
/// Only the reading of the body happens on the async runtime; parsing, extraction and the brief run in
/// [`compute`], so a hostile upload cannot hold up the runtime's threads.
pub async fn brief(
    State(state): State<AppState>,
    params: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::malformed(e.body_text()))?;
    refuse_declared_oversize(request.headers(), state.config.max_body)?;
    let max_articles = state.config.max_articles;
    let reading = async {
        match content_type(request.headers()).as_str() {
            "application/json" => Ok(BriefBody::Json(read_body(request).await?)),
            "multipart/form-data" => Ok(BriefBody::Files(
                read_multipart(request, params.words, max_articles).await?,
            )),
            "text/plain" | "text/markdown" => Ok(BriefBody::Text(read_body(request).await?)),
            other => Err(unsupported_request(other, BRIEF_TYPES)),
        }
    };
    let body = within_time_limit(&state, reading).await?;
    let (query_words, with_texts) = (params.words, params.texts);
    let answer = compute(&state, move |cancel| {
        make_brief(
            body.into_request(query_words, max_articles)?,
            with_texts,
            cancel,
        )
    })
    .await??;
    Ok(json_response(StatusCode::OK, answer))
}

/// `POST /v1/summarize`: JSONL clusters in, one JSONL line out per cluster (an error line for a bad one).
pub async fn summarize(
    State(state): State<AppState>,
    params: Result<Query<Params>, axum::extract::rejection::QueryRejection>,
    request: Request,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::malformed(e.body_text()))?;
    let words = input::checked_words(params.words)?;
    refuse_declared_oversize(request.headers(), state.config.max_body)?;
    match content_type(request.headers()).as_str() {
        "application/x-ndjson" | "application/jsonl" | "application/json" | "text/plain" => {}
        other => return Err(unsupported_request(other, SUMMARIZE_TYPES)),
    }
    let body = within_time_limit(&state, read_body(request)).await?;
    let max_clusters = state.config.max_clusters;
    let out = compute(&state, move |cancel| {
        let clusters = input::clusters_from_jsonl(&body, max_clusters)?;
        summarize_lines(clusters, words, cancel)
    })
    .await??;
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], out).into_response())
}

fn make_brief(
    request: BriefRequest,
    with_texts: bool,
    cancel: &Cancel,
) -> Result<String, ApiError> {
    let opts = BriefOptions {
        summary: SummaryOptions::with_words(request.words),
        focus: request.focus,
        seen: request.seen,
    };
    let mut brief =
        build_brief_cancellable(&request.articles, &opts, cancel).map_err(|e| match e {
            BriefError::NoArticles | BriefError::NoProse(_) => {
                ApiError::no_usable_article(e.to_string())
            }
            BriefError::EmptyFocus => ApiError::malformed(e.to_string()),
            BriefError::Cancelled => ApiError::timed_out(),
        })?;
    brief.warnings.extend(request.skipped);
    let texts = with_texts.then(|| crate::page::source_texts(&brief, &request.articles));
    serde_json::to_string(&BriefResponse {
        brief: &brief,
        texts,
    })
    .map_err(|e| ApiError::internal(e.to_string()))
}

/// The summary lines of `clusters`; stops between clusters when `cancel` is given.
fn summarize_lines(
    clusters: Vec<input::ClusterLine>,
    words: usize,
    cancel: &Cancel,
) -> Result<String, ApiError> {
    let opts = SummaryOptions::with_words(words);
    let mut out = String::new();
    for (line, cluster) in clusters {
        if cancel.is_cancelled() {
            return Err(ApiError::timed_out());
        }
        let value = match cluster {
            Ok(cluster)
                if cluster
                    .focus
                    .as_deref()
                    .is_some_and(|f| f.trim().is_empty()) =>
            {
                json!({"line": line, "error": {"code": "malformed", "message": "the \"focus\" is empty"}})
            }
            Ok(cluster) => {
                let line_opts = SummaryOptions {
                    focus: cluster.focus.clone(),
                    seen: cluster.seen.iter().map(|a| a.text.clone()).collect(),
                    ..opts.clone()
                };
                let summary = newsbrief_core::summarize(&cluster.articles, &line_opts);
                let mut value = json!({"id": cluster.id, "summary": summary.text(), "sentences": summary.sentences});
                if !summary.notes.is_empty() {
                    value["notes"] = json!(summary
                        .notes
                        .iter()
                        .map(|n| json!({"kind": n, "message": n.message()}))
                        .collect::<Vec<_>>());
                }
                value
            }
            Err(e) => {
                json!({"line": line, "error": {"code": "malformed", "message": e.to_string()}})
            }
        };
        out.push_str(&value.to_string());
        out.push('\n');
    }
    Ok(out)
}

/// Runs CPU work on the blocking pool if a permit is free (503 otherwise), on one of the
/// [`Config::workers`] once one is free, all within the time limit. The work is given a [`Cancel`] that
/// is signalled when the time limit passes or the client goes away (the handler's future dropped), so
/// that work which checks it stops instead of running on unseen.
pub(crate) async fn compute<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&Cancel) -> T + Send + 'static,
) -> Result<T, ApiError> {
    let permit = Arc::clone(&state.permits)
        .try_acquire_owned()
        .map_err(|_| ApiError::overloaded())?;
    let cancel = Cancel::new();
    let _cancel_when_abandoned = CancelOnDrop(cancel.clone());
    let workers = Arc::clone(&state.workers);
    let running = async move {
        let worker = workers
            .acquire_owned()
            .await
            .map_err(|_| ApiError::overloaded())?;
        tokio::task::spawn_blocking(move || {
            // The permits are held until the work is done, even when the client has given up waiting.
            let (_permit, _worker) = (permit, worker);
            work(&cancel)
        })
        .await
        .map_err(|e| ApiError::internal(format!("the computation failed: {e}")))
    };
    match tokio::time::timeout(state.config.timeout, running).await {
        Err(_) => Err(ApiError::timed_out()),
        Ok(result) => result,
    }
}

/// Signals its [`Cancel`] when dropped: when [`compute`] returns (the work is done, or no one waits for
/// it any more) or its future is dropped with the connection.
struct CancelOnDrop(Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// Reading the request is bounded by the per-request time limit too (a client trickling its body).
pub(crate) async fn within_time_limit<T>(
    state: &AppState,
    reading: impl std::future::Future<Output = Result<T, ApiError>>,
) -> Result<T, ApiError> {
    tokio::time::timeout(state.config.timeout, reading)
        .await
        .unwrap_or_else(|_| Err(ApiError::slow_request()))
}

pub(crate) async fn read_body(request: Request) -> Result<Bytes, ApiError> {
    Bytes::from_request(request, &())
        .await
        .map_err(|e| body_error(e.status(), e.body_text()))
}

/// The articles of an upload: the pasted ones first, then those of the files. Files that give no article
/// leave a warning when pasted articles remain.
fn files_and_pasted(upload: Upload, max_articles: usize) -> Result<BriefRequest, ApiError> {
    let focus = upload.focus.clone();
    let mut request = files_and_pasted_articles(upload, max_articles)?;
    if let Some(focus) = focus {
        if focus.trim().is_empty() {
            return Err(ApiError::malformed(
                "`focus` is empty: give the question the brief should answer",
            ));
        }
        request.focus = Some(focus);
    }
    Ok(request)
}

/// The articles of an upload: its files, after those of its pasted `articles` JSON (which may bring
/// `focus` and `seen` of its own).
fn files_and_pasted_articles(
    upload: Upload,
    max_articles: usize,
) -> Result<BriefRequest, ApiError> {
    let Some(pasted) = upload.pasted else {
        return Ok(input::from_files(upload.files, upload.words, max_articles)?);
    };
    let mut request = input::from_json(&pasted, upload.words, max_articles)?;
    if upload.files.is_empty() {
        return Ok(request);
    }
    match input::from_files(upload.files, Some(request.words), max_articles) {
        Ok(files) => {
            request.articles.extend(files.articles);
            request.skipped.extend(files.skipped);
            if request.articles.len() > max_articles {
                return Err(ApiError::too_large(format!(
                    "{} articles in one request; the limit is {max_articles}",
                    request.articles.len()
                )));
            }
        }
        Err(RequestError::NoUsableArticle(why) | RequestError::Unsupported(why)) => {
            request.skipped.push(why);
        }
        Err(e) => return Err(e.into()),
    }
    Ok(request)
}

/// The files of a multipart upload, its `articles` field and its `words` field (the query's when the form
/// has none), read without looking into the files.
async fn read_multipart(
    request: Request,
    query_words: Option<usize>,
    max_articles: usize,
) -> Result<Upload, ApiError> {
    let mut multipart = Multipart::from_request(request, &())
        .await
        .map_err(|e| body_error(e.status(), e.body_text()))?;
    let mut files = Vec::new();
    let mut pasted = None;
    let mut words = query_words;
    let mut focus = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| body_error(e.status(), e.body_text()))?
    {
        let field_name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let bytes = field
            .bytes()
            .await
            .map_err(|e| body_error(e.status(), e.body_text()))?;
        if field_name == "words" && file_name.is_none() {
            let text = String::from_utf8_lossy(&bytes);
            let w = text
                .trim()
                .parse()
                .map_err(|_| ApiError::malformed(format!("`words` is not a number: {text}")))?;
            words = Some(w);
            continue;
        }
        if field_name == "articles" && file_name.is_none() {
            pasted = Some(bytes);
            continue;
        }
        if field_name == "focus" && file_name.is_none() {
            focus = Some(String::from_utf8_lossy(&bytes).into_owned());
            continue;
        }
        if files.len() >= max_articles {
            return Err(ApiError::too_large(format!(
                "more than {max_articles} files in one request"
            )));
        }
        let name = file_name.unwrap_or_else(|| format!("file-{}", files.len() + 1));
        files.push(UploadedFile {
            name,
            bytes: bytes.to_vec(),
        });
    }
    Ok(Upload {
        files,
        pasted,
        words,
        focus,
    })
}

/// 413 before reading a byte when the declared `content-length` is already over the limit.
pub(crate) fn refuse_declared_oversize(
    headers: &HeaderMap,
    max_body: usize,
) -> Result<(), ApiError> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    match declared {
        Some(length) if length > max_body as u64 => Err(ApiError::too_large(format!(
            "the request body ({length} bytes) is over the limit of {max_body} bytes"
        ))),
        _ => Ok(()),
    }
}

/// 413 when the body is over the limit, 400 for any other failure to read it.
fn body_error(status: StatusCode, message: String) -> ApiError {
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        ApiError::too_large(format!(
            "the request body is over the size limit ({message})"
        ))
    } else {
        ApiError::malformed(message)
    }
}

/// The media type of the request, lower case, parameters dropped.
fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The content types `POST /v1/brief` reads.
const BRIEF_TYPES: &str =
    "application/json (articles), multipart/form-data (files) or text/plain (one article)";
/// The content types `POST /v1/summarize` reads.
const SUMMARIZE_TYPES: &str =
    "application/x-ndjson, application/jsonl, application/json or text/plain \
                               (one JSON cluster per line)";

/// 415 for a request body of a type the route does not read, saying which ones it does.
fn unsupported_request(content_type: &str, accepted: &str) -> ApiError {
    let shown = if content_type.is_empty() {
        "none"
    } else {
        content_type
    };
    ApiError::unsupported(format!(
        "cannot read a request of content type `{shown}`; send {accepted}"
    ))
}

pub(crate) fn json_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_stop_between_clusters_once_cancelled() {
        let line = r#"{"id": "c", "documents": ["The council met on Monday and approved the budget for the year."]}"#;
        let clusters = || input::clusters_from_jsonl(line.as_bytes(), 10).unwrap();
        let cancel = Cancel::new();
        assert!(summarize_lines(clusters(), 50, &cancel).is_ok());
        cancel.cancel();
        let stopped = summarize_lines(clusters(), 50, &cancel).unwrap_err();
        assert_eq!(stopped.status, StatusCode::SERVICE_UNAVAILABLE);
    }
}
