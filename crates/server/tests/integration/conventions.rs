//! API conventions (issue 16, items 16 and 17): one default summary length with the command line (250
//! words), `words=0` refused however it is sent, errors that say what is expected in the user's terms,
//! `/openapi.json` naming the server that was reached, pasted articles keeping their metadata beside
//! uploaded files, and `texts` matching the sources when some articles are copies.

use std::path::PathBuf;

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use newsbrief_server::{router, Config};
use serde_json::{json, Value};
use tower::ServiceExt;

fn example_story() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect()
}

async fn send(app: Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn post(path: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap()
}

/// A multipart body of text fields (name, value) and files (name, file name, bytes).
fn multipart(fields: &[(&str, &str)], files: &[(&str, &str)]) -> (String, Vec<u8>) {
    let boundary = "newsbrief-conventions";
    let mut body = String::new();
    for (name, value) in fields {
        body.push_str(&format!(
            "--{boundary}\r\ncontent-disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        ));
    }
    for (file_name, text) in files {
        body.push_str(&format!(
            "--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
             content-type: text/plain\r\n\r\n{text}\r\n"
        ));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

fn message(value: &Value) -> &str {
    value["error"]["message"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn the_default_summary_is_250_words_as_on_the_command_line() {
    let articles: Vec<Value> = example_story()
        .into_iter()
        .map(|(id, text)| json!({"id": id, "text": text}))
        .collect();
    let body = json!({ "articles": articles }).to_string();
    let (status, value) = send(
        router(Config::default()),
        post("/v1/brief", "application/json", body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{value}");
    let words = value["words"].as_u64().unwrap();
    assert!((201..=250).contains(&words), "{words} words");
}

#[tokio::test]
async fn a_word_budget_of_zero_is_refused_however_it_is_sent() {
    let app = router(Config::default());
    let article = json!({"text": "The council voted to close the bridge on Monday."});
    let (content_type, form) = multipart(&[("words", "0")], &[("a.txt", "The council met.")]);
    for request in [
        post(
            "/v1/brief",
            "application/json",
            json!({"articles": [article], "words": 0}).to_string(),
        ),
        post(
            "/v1/brief?words=0",
            "application/json",
            json!({ "articles": [article] }).to_string(),
        ),
        post("/v1/brief?words=0", "text/plain", "The council met."),
        post("/v1/brief", &content_type, form),
        post(
            "/v1/summarize?words=0",
            "application/x-ndjson",
            "{\"id\":\"a\",\"documents\":[\"One. Two.\"]}\n",
        ),
    ] {
        let (status, value) = send(app.clone(), request).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{value}");
        assert!(message(&value).contains("between 1 and"), "{value}");
    }
}

#[tokio::test]
async fn an_unreadable_type_is_answered_with_the_types_that_are_read() {
    let app = router(Config::default());
    let (status, value) = send(
        app.clone(),
        post("/v1/brief", "application/xml", "<articles/>"),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    for accepted in ["application/json", "multipart/form-data", "text/plain"] {
        assert!(message(&value).contains(accepted), "{value}");
    }
    let (status, value) = send(app, post("/v1/summarize", "text/csv", "a,b")).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(message(&value).contains("application/x-ndjson"), "{value}");
}

#[tokio::test]
async fn a_wrong_json_body_is_explained_in_the_users_terms() {
    let app = router(Config::default());
    for body in [
        json!({"articles": ["just a string"]}),
        json!({"articles": [{"title": "no text"}]}),
        json!(["not an object"]),
    ] {
        let (status, value) = send(
            app.clone(),
            post("/v1/brief", "application/json", body.to_string()),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        let m = message(&value);
        assert!(!m.contains("struct") && !m.contains("JsonArticle"), "{m}");
        assert!(m.contains("\"articles\"") && m.contains("\"text\""), "{m}");
    }
}

#[tokio::test]
async fn the_openapi_document_names_the_server_that_was_reached() {
    let app = router(Config::default());
    let request = Request::get("/openapi.json")
        .header(header::HOST, "127.0.0.1:39999")
        .body(Body::empty())
        .unwrap();
    let (status, doc) = send(app.clone(), request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["servers"], json!([{"url": "http://127.0.0.1:39999"}]));
    let request = Request::get("/openapi.json")
        .header(header::HOST, "bad\"host")
        .body(Body::empty())
        .unwrap();
    let (_, doc) = send(app, request).await;
    assert_eq!(doc["servers"], json!([{"url": "/"}]));
}

#[tokio::test]
async fn pasted_articles_keep_their_metadata_beside_uploaded_files() {
    let story = example_story();
    let pasted = json!({"articles": [{
        "text": story[0].1, "title": "Pasted headline", "source": "Pasted Outlet",
        "published": "2017-03-02", "url": "https://example.org/pasted"
    }]})
    .to_string();
    let (content_type, body) = multipart(
        &[("words", "120"), ("articles", &pasted)],
        &[(&story[1].0, &story[1].1), (&story[2].0, &story[2].1)],
    );
    let (status, value) = send(
        router(Config::default()),
        post("/v1/brief?texts=true", &content_type, body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{value}");
    let sources = value["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 3);
    assert_eq!(sources[0]["title"], "Pasted headline");
    assert_eq!(sources[0]["outlet"], "Pasted Outlet");
    assert_eq!(sources[0]["published"], "2017-03-02");
    assert_eq!(sources[0]["url"], "https://example.org/pasted");
    assert_eq!(sources[1]["id"], story[1].0.as_str());
    assert!(value["words"].as_u64().unwrap() <= 120);
}

#[tokio::test]
async fn texts_are_those_of_the_sources_when_some_articles_are_copies() {
    let story = example_story();
    // Article 0, its copy, then article 1: the brief has two sources, the copy listed under the first.
    let articles = json!({"articles": [
        {"id": "a", "text": story[0].1},
        {"id": "a-copy", "text": story[0].1},
        {"id": "b", "text": story[1].1},
    ]});
    let (status, value) = send(
        router(Config::default()),
        post(
            "/v1/brief?texts=true",
            "application/json",
            articles.to_string(),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{value}");
    let texts = value["texts"].as_array().unwrap();
    assert_eq!(value["sources"].as_array().unwrap().len(), 2);
    assert_eq!(texts.len(), 2);
    assert_eq!(texts[1], story[1].1.as_str());
    for s in value["summary"].as_array().unwrap() {
        let text = texts[s["doc"].as_u64().unwrap() as usize].as_str().unwrap();
        let span =
            &text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize];
        assert_eq!(
            span.split_whitespace().collect::<Vec<_>>().join(" "),
            s["text"].as_str().unwrap()
        );
    }
}
