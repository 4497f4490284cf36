//! Log: one line per request (method, path, status, time taken) through `tracing`.
//!
//! The binary decides where the lines go (`newsbrief serve` writes them to stderr); a library user who
//! installs no subscriber gets none.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// Logs the request's method and path, the answer's status and the milliseconds it took. The query
/// string is left out: it is the client's, and may hold what it would not want in a log.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if response.status().is_server_error() {
        tracing::warn!(%method, %path, status, ms = format_args!("{ms:.1}"), "request");
    } else {
        tracing::info!(%method, %path, status, ms = format_args!("{ms:.1}"), "request");
    }
    response
}
