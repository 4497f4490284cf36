//! newsbrief-server: the HTTP API (`/v1/brief`, `/v1/summarize`, and the stories of a stream:
//! `/v1/articles`, `/v1/stories`) and the web page of `newsbrief serve`.
//!
//! [`router`] builds the whole service from a [`Config`] (limits, optional bearer token) with its stories
//! in memory, [`router_with`] with the given [`Stories`] (a database); [`serve`] runs it on a listener
//! until SIGINT/SIGTERM, letting in-flight requests finish; every connection has a header-read and an
//! idle timeout ([`conn`]); every request is logged ([`log`]). The routes are listed once, in [`ROUTES`],
//! which the OpenAPI document at `/openapi.json` is tested against.

pub mod api;
pub mod config;
pub mod conn;
pub mod error;
pub mod guard;
pub mod log;
pub mod openapi;
pub mod page;
pub mod stories;

use axum::extract::DefaultBodyLimit;
use axum::http::{Method, StatusCode};
use axum::routing::{get, post, MethodRouter};
use axum::Router;

pub use config::{parse_size, Config};
pub use conn::ConnectionTimeouts;
pub use error::ApiError;
pub use stories::Stories;

use api::AppState;

/// Every route of the service: method and path.
pub const ROUTES: [(&str, &str); 10] = [
    ("GET", "/"),
    ("GET", "/app.css"),
    ("GET", "/app.js"),
    ("GET", "/healthz"),
    ("GET", "/openapi.json"),
    ("POST", "/v1/brief"),
    ("POST", "/v1/summarize"),
    ("POST", "/v1/articles"),
    ("GET", "/v1/stories"),
    ("GET", "/v1/stories/{id}"),
];

/// The handler of one of [`ROUTES`].
fn handler(method: &str, path: &str) -> MethodRouter<AppState> {
    match (method, path) {
        ("GET", "/") => get(page::index),
        ("GET", "/app.css") => get(page::css),
        ("GET", "/app.js") => get(page::script),
        ("GET", "/healthz") => get(api::healthz),
        ("GET", "/openapi.json") => get(openapi::document),
        ("POST", "/v1/brief") => post(api::brief),
        ("POST", "/v1/summarize") => post(api::summarize),
        ("POST", "/v1/articles") => post(stories::post_articles),
        ("GET", "/v1/stories") => get(stories::list_stories),
        ("GET", "/v1/stories/{id}") => get(stories::get_story),
        _ => get(not_found),
    }
}

/// The whole service under `config`, its stories kept in memory (answered 500 in the unlikely case that
/// an in-memory database cannot be made).
pub fn router(config: Config) -> Router {
    build(config, Stories::in_memory().map_err(|e| e.to_string()))
}

/// The whole service under `config`, its stories kept by `stories`.
pub fn router_with(config: Config, stories: Stories) -> Router {
    build(config, Ok(stories))
}

fn build(config: Config, stories: Result<Stories, String>) -> Router {
    let max_body = config.max_body;
    let state = AppState::new(config, stories);
    let routes = ROUTES.iter().fold(Router::new(), |r, &(method, path)| {
        r.route(path, handler(method, path))
    });
    routes
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            guard::require_token,
        ))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(axum::middleware::from_fn(log::log_request))
        .with_state(state)
}

/// Serves `router(config)` on `listener` until SIGINT or SIGTERM; in-flight requests finish first.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    serve_until(listener, config, shutdown_signal()).await
}

/// Serves `router(config)` on `listener` until `shutdown` resolves: from then on no connection is
/// accepted, and the requests in flight are answered before this returns. Connections have the default
/// [`ConnectionTimeouts`].
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    serve_until_with(listener, config, ConnectionTimeouts::default(), shutdown).await
}

/// [`serve_until`] with the given header-read and idle timeouts of the connections.
pub async fn serve_until_with(
    listener: tokio::net::TcpListener,
    config: Config,
    timeouts: ConnectionTimeouts,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(conn::TimedListener::new(listener, timeouts), router(config))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Serves `router_with(config, stories)` on a runtime of its own until SIGINT or SIGTERM, blocking until
/// the requests in flight are answered (for the command line).
pub fn serve_blocking(
    listener: std::net::TcpListener,
    config: Config,
    stories: Stories,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(config.workers.max(1) + 16)
        .build()?;
    runtime.block_on(async move {
        let listener = conn::TimedListener::new(
            tokio::net::TcpListener::from_std(listener)?,
            ConnectionTimeouts::default(),
        );
        axum::serve(listener, router_with(config, stories))
            .with_graceful_shutdown(shutdown_signal())
            .await
    })
}

/// Resolves when the process gets SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        // If the handler cannot be installed, wait on the other signal only.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}

async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such route")
}

async fn method_not_allowed(method: Method) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{method} is not allowed on this route"),
    )
}
