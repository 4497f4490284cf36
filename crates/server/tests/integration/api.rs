//! The API contract: statuses, error bodies, uploads, the token, and the OpenAPI document kept true.

use std::collections::BTreeSet;
use std::path::PathBuf;

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use newsbrief_server::{router, Config, ROUTES};
use serde_json::{json, Value};
use tower::ServiceExt;

fn example_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak")
}

/// The example story: (file name, text), in name order.
fn example_story() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(example_dir())
        .expect("examples/sessions-kislyak is in the repository")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable example"))
        })
        .collect()
}

fn example_json(words: usize) -> String {
    let articles: Vec<Value> = example_story()
        .into_iter()
        .map(|(name, text)| json!({"id": name, "text": text}))
        .collect();
    json!({"articles": articles, "words": words}).to_string()
}

async fn send(app: Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.oneshot(request).await.expect("the router answers");
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, value)
}

fn post(path: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap()
}

fn post_json(body: impl Into<Body>) -> Request<Body> {
    post("/v1/brief", "application/json", body)
}

/// Checks that an error response has the documented shape and the expected code.
fn assert_error(value: &Value, code: &str) {
    assert_eq!(value["error"]["code"], code, "{value}");
    assert!(value["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
}

fn multipart(files: &[(String, Vec<u8>)], words: Option<usize>) -> (String, Vec<u8>) {
    let boundary = "newsbrief-test-boundary";
    let mut body = Vec::new();
    if let Some(w) = words {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\ncontent-disposition: form-data; name=\"words\"\r\n\r\n{w}\r\n"
            )
            .as_bytes(),
        );
    }
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\ncontent-disposition: form-data; name=\"file\"; filename=\"{name}\"\r\ncontent-type: text/plain\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn healthz_answers_ok() {
    let request = Request::get("/healthz").body(Body::empty()).unwrap();
    let (status, value) = send(router(Config::default()), request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(value, json!({"status": "ok"}));
}

#[tokio::test]
async fn json_articles_give_the_brief_of_the_story() {
    let (status, value) = send(router(Config::default()), post_json(example_json(120))).await;
    assert_eq!(status, StatusCode::OK, "{value}");
    assert_eq!(value["sources"].as_array().unwrap().len(), 5);
    let summary = value["summary"].as_array().unwrap();
    assert!(!summary.is_empty());
    assert!(value["words"].as_u64().unwrap() <= 120);
    assert!(value.get("texts").is_none(), "texts only when asked for");
}

/// `focus` and `seen` in the JSON body (issue 15): a focused brief names its focus, an update brief its
/// seen articles (100 words by default); an empty focus is a 400; seen = new gives the "nothing new" note.
#[tokio::test]
async fn focus_and_seen_in_the_json_body() {
    let articles: Vec<Value> = example_story()
        .into_iter()
        .map(|(name, text)| json!({"id": name, "text": text}))
        .collect();
    let question = "What did Al Franken ask at the hearing?";
    let body = json!({"articles": articles, "focus": question, "words": 100});
    let (status, value) = send(router(Config::default()), post_json(body.to_string())).await;
    assert_eq!(status, StatusCode::OK, "{value}");
    assert_eq!(value["focus"], question);
    assert!(value["summary"].to_string().contains("Franken"));
    assert!(value.get("update").is_none() && value.get("notes").is_none());

    let body = json!({"articles": articles[2..], "seen": articles[..2]});
    let (status, value) = send(router(Config::default()), post_json(body.to_string())).await;
    assert_eq!(status, StatusCode::OK, "{value}");
    assert_eq!(value["update"]["seen"].as_array().unwrap().len(), 2);
    assert!(value["words"].as_u64().unwrap() <= 100);
    assert!(value.get("focus").is_none());

    let body = json!({"articles": articles, "seen": articles});
    let (status, value) = send(router(Config::default()), post_json(body.to_string())).await;
    assert_eq!(status, StatusCode::OK, "{value}");
    assert_eq!(value["notes"][0]["kind"], "nothing_new");
    assert_eq!(value["summary"], json!([]));

    let body = json!({"articles": articles, "focus": "  "});
    let (status, value) = send(router(Config::default()), post_json(body.to_string())).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_error(&value, "malformed");
}

/// A multipart upload's `focus` field makes a focused brief.
#[tokio::test]
async fn multipart_focus_field() {
    let files: Vec<(String, Vec<u8>)> = example_story()
        .into_iter()
        .map(|(n, t)| (n, t.into_bytes()))
        .collect();
    let (content_type, files_body) = multipart(&files, Some(100));
    let question = "What did Al Franken ask at the hearing?";
    let mut body = format!(
        "--newsbrief-test-boundary\r\ncontent-disposition: form-data; name=\"focus\"\r\n\r\n{question}\r\n"
    )
    .into_bytes();
    body.extend_from_slice(&files_body);
    let (status, value) = send(
        router(Config::default()),
        post("/v1/brief", &content_type, body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{value}");
    assert_eq!(value["focus"], question);
}

#[tokio::test]
async fn texts_are_added_when_asked_and_offsets_point_into_them() {
    let request = post(
        "/v1/brief?texts=true",
        "application/json",
        example_json(100),
    );
    let (status, value) = send(router(Config::default()), request).await;
    assert_eq!(status, StatusCode::OK);
    let texts = value["texts"].as_array().unwrap();
    for sentence in value["summary"].as_array().unwrap() {
        let text = texts[sentence["doc"].as_u64().unwrap() as usize]
            .as_str()
            .unwrap();
        let (start, end) = (
            sentence["start"].as_u64().unwrap() as usize,
            sentence["end"].as_u64().unwrap() as usize,
        );
        assert!(start < end && end <= text.len());
    }
}

#[tokio::test]
async fn multipart_files_are_read_as_articles() {
    let files: Vec<(String, Vec<u8>)> = example_story()
        .into_iter()
        .map(|(n, t)| (n, t.into_bytes()))
        .collect();
    let (content_type, body) = multipart(&files, Some(80));
    let (status, value) = send(
        router(Config::default()),
        post("/v1/brief", &content_type, body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{value}");
    let ids: Vec<&str> = value["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "000_ed4ec6554b1582a8.txt");
    assert_eq!(ids.len(), 5);
    assert!(value["words"].as_u64().unwrap() <= 80);
}

#[tokio::test]
async fn a_saved_web_page_is_read_through_the_extractor() {
    let paragraph = "The city council voted on Monday to close the old river bridge for a year of repairs, \
        after engineers found cracks in two of its supports during a routine inspection last month.";
    let page = format!(
        "<!doctype html><html><head><title>Old bridge to close for repairs</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>Old bridge to close for repairs</h1>\
         <p>{paragraph}</p><p>{paragraph} The mayor said the work would cost four million dollars.</p>\
         <p>{paragraph}</p></article><footer>Copyright</footer></body></html>"
    );
    let (content_type, body) = multipart(&[("bridge.html".into(), page.into_bytes())], None);
    let request = post("/v1/brief?texts=true", &content_type, body);
    let (status, value) = send(router(Config::default()), request).await;
    assert_eq!(status, StatusCode::OK, "{value}");
    let text = value["texts"][0].as_str().unwrap();
    assert!(text.contains("city council voted"));
    assert!(!text.contains("<p>"), "the markup is gone: {text}");
}

#[tokio::test]
async fn plain_text_body_is_one_article() {
    let (_, text) = &example_story()[2];
    let request = post(
        "/v1/brief?words=60",
        "text/plain; charset=utf-8",
        text.clone(),
    );
    let (status, value) = send(router(Config::default()), request).await;
    assert_eq!(status, StatusCode::OK, "{value}");
    assert_eq!(value["sources"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn malformed_requests_get_400() {
    let app = router(Config::default());
    let (status, value) = send(app.clone(), post_json("{\"articles\": [")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_error(&value, "malformed");
    let (status, value) = send(app.clone(), post_json(r#"{"articles": "no"}"#)).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_error(&value, "malformed");
    let request = post("/v1/brief?words=lots", "application/json", example_json(50));
    let (status, value) = send(app, request).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_error(&value, "malformed");
}

#[tokio::test]
async fn oversized_bodies_and_too_many_articles_get_413() {
    let config = Config {
        max_body: 4096,
        max_articles: 3,
        ..Config::default()
    };
    let app = router(config);
    let (status, value) = send(app.clone(), post_json(example_json(100))).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error(&value, "too_large");
    let big: Vec<(String, Vec<u8>)> = vec![("big.txt".into(), vec![b'a'; 10_000])];
    let (content_type, body) = multipart(&big, None);
    let (status, value) = send(app.clone(), post("/v1/brief", &content_type, body)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error(&value, "too_large");
    let many = json!({"articles": [{"text": "a b."}, {"text": "c d."}, {"text": "e f."}, {"text": "g h."}]});
    let (status, value) = send(app, post_json(many.to_string())).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error(&value, "too_large");
}

#[tokio::test]
async fn unreadable_types_get_415() {
    let app = router(Config::default());
    let (status, value) = send(
        app.clone(),
        post("/v1/brief", "application/xml", "<articles/>"),
    )
    .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_error(&value, "unsupported_type");
    let request = Request::post("/v1/brief").body(Body::from("text")).unwrap();
    let (status, _) = send(app.clone(), request).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    let (content_type, body) = multipart(&[("photo.jpg".into(), vec![0xff, 0xd8, 0, 0, 1])], None);
    let (status, value) = send(app, post("/v1/brief", &content_type, body)).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_error(&value, "unsupported_type");
}

#[tokio::test]
async fn no_usable_article_gets_422() {
    let app = router(Config::default());
    for body in [
        json!({"articles": []}),
        json!({"articles": [{"text": "   "}, {"text": "\n"}]}),
    ] {
        let (status, value) = send(app.clone(), post_json(body.to_string())).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_error(&value, "no_usable_article");
    }
}

#[tokio::test]
async fn a_full_server_answers_503_at_once() {
    let app = router(Config {
        max_concurrent: 0,
        ..Config::default()
    });
    let (status, value) = send(app.clone(), post_json(example_json(100))).await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_error(&value, "overloaded");
    let request = Request::get("/healthz").body(Body::empty()).unwrap();
    assert_eq!(
        send(app, request).await.0,
        StatusCode::OK,
        "health is not limited"
    );
}

#[tokio::test]
async fn the_token_guards_the_api_only() {
    let app = router(Config {
        token: Some("s3cret".into()),
        ..Config::default()
    });
    let (status, value) = send(app.clone(), post_json(example_json(60))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_error(&value, "unauthorized");
    let mut wrong = post_json(example_json(60));
    wrong
        .headers_mut()
        .insert(header::AUTHORIZATION, "Bearer s3cres".parse().unwrap());
    assert_eq!(send(app.clone(), wrong).await.0, StatusCode::UNAUTHORIZED);
    let mut right = post_json(example_json(60));
    right
        .headers_mut()
        .insert(header::AUTHORIZATION, "Bearer s3cret".parse().unwrap());
    assert_eq!(send(app.clone(), right).await.0, StatusCode::OK);
    let page = Request::get("/").body(Body::empty()).unwrap();
    let response = app.oneshot(page).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn summarize_answers_one_line_per_cluster() {
    let story: Vec<String> = example_story().into_iter().map(|(_, t)| t).collect();
    let body = format!(
        "{}\n\nnot json\n{}\n",
        json!({"id": "a", "documents": story}),
        json!({"id": "b", "document": "One sentence here. ||||| Another one there."})
    );
    let request = post("/v1/summarize?words=50", "application/x-ndjson", body);
    let response = router(Config::default()).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let lines: Vec<Value> = String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert!(!lines[0]["summary"].as_str().unwrap().is_empty());
    assert_eq!(lines[1]["line"], 3);
    assert_error(&lines[1], "malformed");
    assert_eq!(lines[2]["id"], "b");
}

/// `/v1/summarize` lines with "focus" and "seen": focused, "nothing new" with a note, an empty focus an
/// error line.
#[tokio::test]
async fn summarize_lines_take_focus_and_seen() {
    let story: Vec<String> = example_story().into_iter().map(|(_, t)| t).collect();
    let body = format!(
        "{}\n{}\n{}\n",
        json!({"id": "f", "documents": story, "focus": "Franken's question at the hearing"}),
        json!({"id": "same", "documents": story, "seen": story}),
        json!({"id": "empty", "documents": story, "focus": " "}),
    );
    let request = post("/v1/summarize?words=100", "application/x-ndjson", body);
    let response = router(Config::default()).oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let lines: Vec<Value> = String::from_utf8(bytes.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines[0]["summary"].as_str().unwrap().contains("Franken"));
    assert_eq!(lines[1]["summary"], "");
    assert_eq!(lines[1]["notes"][0]["kind"], "nothing_new");
    assert_eq!(lines[2]["line"], 3);
    assert_error(&lines[2], "malformed");
}

#[tokio::test]
async fn unknown_routes_and_methods_get_json_errors() {
    let app = router(Config::default());
    let (status, value) = send(
        app.clone(),
        Request::get("/nope").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_error(&value, "not_found");
    let (status, value) = send(app, Request::get("/v1/brief").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_error(&value, "method_not_allowed");
}

#[tokio::test]
async fn article_text_stays_data_in_the_json() {
    let body = json!({"articles": [{"text": "<script>alert(1)</script> The mayor said the bridge will reopen in May after repairs.", "title": "<b>x</b>"}]});
    let (status, value) = send(router(Config::default()), post_json(body.to_string())).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(value["sources"][0]["title"], "<b>x</b>");
}

fn openapi() -> Value {
    serde_json::from_str(newsbrief_server::openapi::DOCUMENT).expect("openapi.json is valid JSON")
}

#[tokio::test]
async fn openapi_lists_exactly_the_routes_of_the_router() {
    let (status, served) = send(
        router(Config::default()),
        Request::get("/openapi.json").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    // As committed, but for the server: the one the request reached (conventions.rs).
    let mut committed = openapi();
    committed["servers"] = json!([{"url": "/"}]);
    assert_eq!(served, committed);
    let documented: BTreeSet<(String, String)> = served["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, ops)| {
            ops.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented, routed);
    // Every listed route is really routed with its method (a path parameter filled in: a 404 for an
    // unknown story is the route's own answer, not the router's "no such route").
    for (method, path) in ROUTES {
        let request = Request::builder()
            .method(method)
            .uri(path.replace("{id}", "s1"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from("{}"))
            .unwrap();
        let (status, value) = send(router(Config::default()), request).await;
        assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        if status == StatusCode::NOT_FOUND {
            assert!(path.contains('{'), "{method} {path}");
            assert_ne!(
                value["error"]["message"], "no such route",
                "{method} {path}"
            );
        }
    }
    // Every operation's path parameters are declared.
    for (path, ops) in served["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            let declared: BTreeSet<&str> = op["parameters"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter(|p| p["in"] == "path")
                        .map(|p| p["name"].as_str().unwrap())
                        .collect()
                })
                .unwrap_or_default();
            let in_path: BTreeSet<&str> = path
                .split('/')
                .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
                .collect();
            assert_eq!(declared, in_path, "{method} {path}");
        }
    }
}

/// The `required` fields of a schema, following one `$ref`.
fn required(doc: &Value, schema: &Value) -> Vec<String> {
    let schema = match schema["$ref"].as_str() {
        Some(r) => doc.pointer(r.trim_start_matches('#')).unwrap(),
        None => schema,
    };
    schema["required"]
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn brief_response_has_every_field_the_openapi_document_requires() {
    let doc = openapi();
    let brief_schema = &doc["paths"]["/v1/brief"]["post"]["responses"]["200"]["content"]
        ["application/json"]["schema"];
    let (status, value) = send(router(Config::default()), post_json(example_json(100))).await;
    assert_eq!(status, StatusCode::OK);
    for field in required(&doc, brief_schema) {
        assert!(value.get(&field).is_some(), "brief lacks `{field}`");
    }
    let schemas = &doc["components"]["schemas"];
    for source in value["sources"].as_array().unwrap() {
        for field in required(&doc, &schemas["Source"]) {
            assert!(source.get(&field).is_some(), "source lacks `{field}`");
        }
    }
    for sentence in value["summary"].as_array().unwrap() {
        for field in required(&doc, &schemas["SummarySentence"]) {
            assert!(sentence.get(&field).is_some(), "sentence lacks `{field}`");
        }
    }
    let (_, error) = send(router(Config::default()), post_json("{")).await;
    for field in required(&doc, &schemas["Error"]) {
        assert!(error.get(&field).is_some());
    }
}
