//! Health: what a worker reports about itself over HTTP for a service manager or an orchestrator —
//! `GET /healthz` (the process answers: 200) and `GET /readyz` (200 while its last round worked, 503
//! while it is retrying), both with the worker's state as JSON: consumer lag, last commit, whether it is
//! the assigner, counts.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use crate::ClusterError;

/// A worker's state as the health endpoint shows it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Health {
    /// The last round worked (false while the worker retries after a failure).
    pub ready: bool,
    /// Whether this worker assigns the stories.
    pub assigner: bool,
    /// Messages on the stream no worker has taken yet (as of the last look).
    pub lag: u64,
    /// Seconds since 1970 of the last commit of queued articles or of stories.
    pub last_commit: Option<u64>,
    pub profiled: usize,
    pub assigned: usize,
    pub retries: usize,
    /// The last failure, while not ready.
    pub error: Option<String>,
}

/// The state shared between a worker and its endpoint.
#[derive(Clone, Default)]
pub struct Shared(Arc<Mutex<Health>>);

impl Shared {
    pub fn update(&self, change: impl FnOnce(&mut Health)) {
        change(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner));
    }

    pub fn get(&self) -> Health {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Marks a commit now.
    pub fn committed(&self) {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.update(|h| h.last_commit = Some(now));
    }
}

/// Serves the endpoint on `addr` from a thread of its own; the address it listens on.
pub fn serve(addr: SocketAddr, shared: Shared) -> Result<SocketAddr, ClusterError> {
    let listener = std::net::TcpListener::bind(addr)
        .map_err(|e| ClusterError::Health(format!("cannot listen on {addr}: {e}")))?;
    let bound = listener
        .local_addr()
        .map_err(|e| ClusterError::Health(e.to_string()))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| ClusterError::Health(e.to_string()))?;
    let app = Router::new()
        .route("/healthz", get(alive))
        .route("/readyz", get(ready))
        .with_state(shared);
    std::thread::Builder::new()
        .name("health".into())
        .spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async move {
                if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                    let _ = axum::serve(listener, app).await;
                }
            });
        })
        .map_err(|e| ClusterError::Health(e.to_string()))?;
    Ok(bound)
}

async fn alive(State(shared): State<Shared>) -> Json<Health> {
    Json(shared.get())
}

async fn ready(State(shared): State<Shared>) -> (StatusCode, Json<Health>) {
    let health = shared.get();
    let status = if health.ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(health))
}
