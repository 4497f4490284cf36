//! Work that runs past the time limit stops: after the 503, the process goes back to idle within a
//! second instead of computing an answer no one will read (and its memory comes back with it).
//!
//! A test binary of its own (not a module of `integration`): it measures the whole process's CPU time,
//! which tests running beside it in the same process would add to.

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use newsbrief_server::{router, Config};
use tower::ServiceExt;

/// CPU seconds this process has used so far (user + system), from `/proc/self/stat`.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    // The fields after the command name (which is in parentheses and may hold spaces).
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
    ticks / 100.0
}

/// Sentences of made-up news, each with its own names and numbers, `bytes` long in all.
fn prose(seed: usize, bytes: usize) -> String {
    let mut text = String::new();
    let mut i = seed * 1_000_003;
    while text.len() < bytes {
        i += 1;
        text.push_str(&format!(
            "Officials in Town{a} said on Tuesday that {n} people met Mayor Person{b} Name{c} at the \
             Harbour{d} Authority, where \"we agreed on {n} points\" said Senator Leader{e} Smith{f}.\n\n",
            a = i % 997,
            b = i % 991,
            c = i % 983,
            d = i % 977,
            e = i % 971,
            f = i % 967,
            n = i % 1000,
        ));
    }
    text
}

/// Posts `body` to `path` on a server with a one-second time limit and one worker; the status, and
/// how long the answer took.
async fn post_timed(path: &str, content_type: &str, body: String) -> (StatusCode, Duration) {
    let app = router(Config {
        timeout: Duration::from_secs(1),
        workers: 1,
        ..Config::default()
    });
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let started = Instant::now();
    let response = app.oneshot(request).await.unwrap();
    (response.status(), started.elapsed())
}

/// CPU seconds used in the second that starts one second after now (the grace the issue allows).
async fn cpu_in_the_second_after_next() -> f64 {
    tokio::time::sleep(Duration::from_secs(1)).await;
    let before = cpu_seconds();
    tokio::time::sleep(Duration::from_secs(1)).await;
    cpu_seconds() - before
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_timed_out_brief_stops_computing() {
    let articles: Vec<serde_json::Value> = (0..150)
        .map(|i| serde_json::json!({"id": format!("a{i}"), "text": prose(i, 100_000)}))
        .collect();
    let body = serde_json::json!({ "articles": articles }).to_string();
    let (status, took) = post_timed("/v1/brief", "application/json", body).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(took < Duration::from_secs(3), "answered after {took:?}");
    let cpu = cpu_in_the_second_after_next().await;
    assert!(
        cpu < 0.2,
        "still computing: {cpu:.2} CPU seconds in a second"
    );
}
