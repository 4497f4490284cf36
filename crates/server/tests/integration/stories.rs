//! The story endpoints: articles posted one by one or in arrays (bad ones answered on their own), stories
//! listed with `limit` and `since`, a story's brief, the errors, a database kept across restarts, and the
//! server staying responsive while a large batch is ingested.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::{to_bytes, Body};
use axum::http::{header, Request, StatusCode};
use axum::Router;
use newsbrief_server::{router, router_with, serve_until, Config, Stories};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt;

/// The example story's articles as stream articles, ids `{prefix}{n}`, published on one day.
fn example_articles(prefix: &str) -> Vec<Value> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("examples/sessions-kislyak is in the repository")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text = std::fs::read_to_string(p).expect("readable example");
            json!({"id": format!("{prefix}{i}"), "text": text, "outlet": format!("Outlet {i}"), "published": "2017-03-02"})
        })
        .collect()
}

const BRIDGE: &str = "The city council voted on Monday to close the old river bridge for a year of repairs, \
    after engineers found cracks in two of its supports during a routine inspection last month. \
    The mayor said the work would cost four million dollars and that ferries would carry commuters \
    across the river while the bridge is shut. Shop owners near the bridge said they feared losing customers.";

/// An article about another story than the example's.
fn bridge_article(id: &str, published: &str) -> Value {
    json!({"id": id, "text": BRIDGE, "title": "Old river bridge to close for repairs", "outlet": "City Paper", "published": published})
}

fn bridge_page() -> String {
    let paragraph = "The city council voted on Monday to close the old river bridge for a year of repairs, \
        after engineers found cracks in two of its supports during a routine inspection last month.";
    format!(
        "<!doctype html><html><head><title>Old bridge to close for repairs</title></head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>Old bridge to close for repairs</h1>\
         <p>{paragraph}</p><p>{paragraph} The mayor said the work would cost four million dollars.</p>\
         <p>{paragraph}</p></article><footer>Copyright</footer></body></html>"
    )
}

async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = app
        .clone()
        .oneshot(request)
        .await
        .expect("the router answers");
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    (status, value)
}

fn post_articles(body: impl Into<Body>) -> Request<Body> {
    Request::post("/v1/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .body(body.into())
        .unwrap()
}

fn get(path: &str) -> Request<Body> {
    Request::get(path).body(Body::empty()).unwrap()
}

async fn post(app: &Router, body: &Value) -> Value {
    let (status, value) = send(app, post_articles(body.to_string())).await;
    assert_eq!(status, StatusCode::OK, "{value}");
    value
}

fn assert_error(value: &Value, code: &str) {
    assert_eq!(value["error"]["code"], code, "{value}");
    assert!(value["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
}

fn story_ids(listing: &Value) -> Vec<String> {
    listing["stories"]
        .as_array()
        .expect("a list of stories")
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn one_article_starts_a_story_that_is_listed_and_briefed() {
    let app = router(Config::default());
    let answer = post(&app, &bridge_article("bridge-1", "2024-05-01")).await;
    let articles = answer["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    let first = &articles[0];
    assert_eq!(first["id"], "bridge-1");
    assert_eq!(first["index"], 0);
    assert_eq!(first["new_story"], true);
    assert_eq!(first["duplicate_of"], Value::Null);
    assert_eq!(first["repeated"], false);
    let story = first["story"].as_str().unwrap().to_owned();
    assert!(answer["cursor"].as_u64().unwrap() >= 1);

    let (status, listing) = send(&app, get("/v1/stories")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(story_ids(&listing), vec![story.clone()]);
    let summary = &listing["stories"][0];
    assert_eq!(summary["title"], "Old river bridge to close for repairs");
    assert_eq!(summary["articles"], 1);
    assert_eq!(summary["sources"], 1);
    assert_eq!(summary["outlets"], json!(["City Paper"]));
    assert_eq!(summary["last_seen"], "2024-05-01");
    assert_eq!(listing["cursor"], answer["cursor"]);

    let response = app
        .clone()
        .oneshot(get(&format!("/v1/stories/{story}")))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    let brief: Value = serde_json::from_slice(&bytes).unwrap();
    assert_eq!(brief["sources"][0]["id"], "bridge-1");
    assert!(!brief["summary"].as_array().unwrap().is_empty());
    assert!(brief.get("texts").is_none(), "texts only when asked for");
}

#[tokio::test]
async fn an_array_is_answered_in_order_and_a_bad_article_stops_nothing() {
    let app = router(Config::default());
    let mut articles = example_articles("ex-");
    articles.insert(2, json!({"id": "no-text"}));
    articles.insert(4, json!({"text": "An article without an id."}));
    articles.push(json!("not an article"));
    articles.push(json!({"id": "bad-date", "text": BRIDGE, "published": "last Tuesday"}));
    let answer = post(&app, &Value::Array(articles)).await;
    let answers = answer["articles"].as_array().unwrap();
    assert_eq!(answers.len(), 9);
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(a["index"], i, "{a}");
    }
    let failed: Vec<usize> = answers
        .iter()
        .enumerate()
        .filter(|(_, a)| a.get("error").is_some())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(failed, vec![2, 4, 7, 8]);
    assert_eq!(answers[2]["id"], "no-text");
    assert_error(&answers[2], "malformed");
    assert!(answers[2]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("no `text` and no `html`"));
    assert!(answers[4].get("id").is_none());
    assert!(answers[4]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("`id`"));
    assert!(answers[8]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("published"));
    let taken = [0, 1, 3, 5, 6];
    for (n, &i) in taken.iter().enumerate() {
        assert_eq!(answers[i]["id"], format!("ex-{n}"));
        assert!(answers[i]["story"].as_str().is_some_and(|s| !s.is_empty()));
    }
    // The articles' stories are the ones listed; the example story's five articles are one story.
    let (_, listing) = send(&app, get("/v1/stories")).await;
    let listed = story_ids(&listing);
    for &i in &taken {
        assert!(listed.contains(&answers[i]["story"].as_str().unwrap().to_owned()));
    }
    assert_eq!(answers[0]["new_story"], true);
    assert_eq!(
        answers[1]["story"], answers[0]["story"],
        "one story: {answer}"
    );
    let total: u64 = listing["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 5);
}

#[tokio::test]
async fn the_same_id_sent_again_is_stored_once() {
    let app = router(Config::default());
    let first = post(&app, &bridge_article("b1", "2024-05-01")).await;
    let again = post(&app, &json!([bridge_article("b1", "2024-05-01")])).await;
    assert_eq!(again["articles"][0]["repeated"], true);
    assert_eq!(again["articles"][0]["story"], first["articles"][0]["story"]);
    assert_eq!(again["cursor"], first["cursor"]);
    let (_, listing) = send(&app, get("/v1/stories")).await;
    assert_eq!(listing["stories"][0]["articles"], 1);
}

#[tokio::test]
async fn a_web_page_goes_through_the_extractor() {
    let app = router(Config::default());
    let answer = post(
        &app,
        &json!({"id": "page-1", "html": bridge_page(), "outlet": "Daily"}),
    )
    .await;
    let story = answer["articles"][0]["story"].as_str().unwrap().to_owned();
    let (_, listing) = send(&app, get("/v1/stories")).await;
    assert_eq!(
        listing["stories"][0]["title"],
        "Old bridge to close for repairs"
    );
    assert_eq!(listing["stories"][0]["outlets"], json!(["Daily"]));
    let (status, brief) = send(&app, get(&format!("/v1/stories/{story}?texts=true"))).await;
    assert_eq!(status, StatusCode::OK, "{brief}");
    let text = brief["texts"][0].as_str().unwrap();
    assert!(text.contains("city council voted"));
    assert!(!text.contains("<p>"), "the markup is gone: {text}");
    // An HTML body without article text is that article's error.
    let answer = post(
        &app,
        &json!([{"id": "empty-page", "html": "<html><body><nav>Home</nav></body></html>"}]),
    )
    .await;
    assert_error(&answer["articles"][0], "malformed");
}

#[tokio::test]
async fn texts_are_added_when_asked_and_offsets_point_into_them() {
    let app = router(Config::default());
    let answer = post(&app, &Value::Array(example_articles("t-"))).await;
    let story = answer["articles"][0]["story"].as_str().unwrap().to_owned();
    let (status, brief) = send(&app, get(&format!("/v1/stories/{story}?texts=true"))).await;
    assert_eq!(status, StatusCode::OK);
    let texts = brief["texts"].as_array().unwrap();
    assert_eq!(texts.len(), brief["sources"].as_array().unwrap().len());
    for sentence in brief["summary"].as_array().unwrap() {
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
async fn listings_are_most_active_first_with_limit_and_since() {
    let app = router(Config::default());
    let first = post(&app, &Value::Array(example_articles("s-"))).await;
    let sessions = first["articles"][0]["story"].as_str().unwrap().to_owned();
    let after_first = first["cursor"].as_u64().unwrap();
    let second = post(&app, &bridge_article("bridge", "2024-05-01T09:30:00Z")).await;
    let bridge = second["articles"][0]["story"].as_str().unwrap().to_owned();
    assert_ne!(bridge, sessions);

    let (_, all) = send(&app, get("/v1/stories")).await;
    let ids = story_ids(&all);
    assert_eq!(ids[0], bridge, "the latest story is the most active");
    assert!(ids.contains(&sessions));
    let (_, one) = send(&app, get("/v1/stories?limit=1")).await;
    assert_eq!(story_ids(&one), vec![bridge.clone()]);

    // Since a cursor: the stories changed after it; the cursor answered is the newest.
    let (_, since) = send(&app, get(&format!("/v1/stories?since={after_first}"))).await;
    assert_eq!(story_ids(&since), vec![bridge.clone()]);
    assert_eq!(since["cursor"], second["cursor"]);
    let (_, nothing) = send(
        &app,
        get(&format!("/v1/stories?since={}", second["cursor"])),
    )
    .await;
    assert_eq!(story_ids(&nothing), Vec::<String>::new());
    assert_eq!(nothing["cursor"], second["cursor"]);

    // Since a time or a date: the stories seen since.
    let (status, recent) = send(&app, get("/v1/stories?since=2024-01-01")).await;
    assert_eq!(status, StatusCode::OK, "{recent}");
    assert_eq!(story_ids(&recent), vec![bridge.clone()]);
    let (_, recent) = send(&app, get("/v1/stories?since=2017-03-01T00:00:00Z")).await;
    assert_eq!(story_ids(&recent).len(), ids.len());
    let (_, none) = send(&app, get("/v1/stories?since=2030-01-01")).await;
    assert_eq!(story_ids(&none), Vec::<String>::new());
}

#[tokio::test]
async fn an_unknown_story_is_404() {
    let app = router(Config::default());
    let (status, value) = send(&app, get("/v1/stories/s99")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_error(&value, "not_found");
    assert_eq!(value["error"]["message"], "no story s99");
}

#[tokio::test]
async fn bad_requests_are_400_with_a_clear_message() {
    let app = router(Config::default());
    for (body, says) in [
        ("this is not JSON", "not JSON"),
        ("[]", "no articles"),
        ("\"an article\"", "an article object or an array"),
        ("{\"id\": \"a\", \"text\": ", "not JSON"),
    ] {
        let (status, value) = send(&app, post_articles(body)).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_error(&value, "malformed");
        let message = value["error"]["message"].as_str().unwrap();
        assert!(message.contains(says), "{body}: {message}");
    }
    for (query, says) in [
        ("limit=0", "`limit`"),
        ("limit=501", "`limit`"),
        ("limit=many", "`limit`"),
        ("since=yesterday", "`since`"),
        ("since=-3", "`since`"),
    ] {
        let (status, value) = send(&app, get(&format!("/v1/stories?{query}"))).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{query}");
        assert_error(&value, "malformed");
        let message = value["error"]["message"].as_str().unwrap();
        assert!(message.contains(says), "{query}: {message}");
    }
    let (status, value) = send(&app, get("/v1/stories/s1?texts=maybe")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_error(&value, "malformed");
    let (status, listing) = send(&app, get("/v1/stories?limit=500&since=")).await;
    assert_eq!(status, StatusCode::OK, "an empty `since` is no `since`");
    assert_eq!(listing["stories"], json!([]));
}

#[tokio::test]
async fn the_body_limit_and_the_token_hold_for_the_story_routes() {
    let small = router(Config {
        max_body: 1024,
        ..Config::default()
    });
    let (status, value) = send(
        &small,
        post_articles(Value::Array(example_articles("x")).to_string()),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_error(&value, "too_large");

    let guarded = router(Config {
        token: Some("s3cret".into()),
        ..Config::default()
    });
    for request in [
        post_articles(bridge_article("b", "2024-05-01").to_string()),
        get("/v1/stories"),
        get("/v1/stories/s1"),
    ] {
        let (status, value) = send(&guarded, request).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_error(&value, "unauthorized");
    }
    let mut request = get("/v1/stories");
    request
        .headers_mut()
        .insert(header::AUTHORIZATION, "Bearer s3cret".parse().unwrap());
    assert_eq!(send(&guarded, request).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_database_keeps_the_stories_across_restarts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stories.db");
    let story = {
        let app = router_with(Config::default(), Stories::open(&path).unwrap());
        let answer = post(&app, &Value::Array(example_articles("db-"))).await;
        answer["articles"][0]["story"].as_str().unwrap().to_owned()
    };
    let app = router_with(Config::default(), Stories::open(&path).unwrap());
    let (_, listing) = send(&app, get("/v1/stories")).await;
    assert!(story_ids(&listing).contains(&story));
    let (status, brief) = send(&app, get(&format!("/v1/stories/{story}"))).await;
    assert_eq!(status, StatusCode::OK, "{brief}");
    let again = post(&app, &example_articles("db-")[0]).await;
    assert_eq!(again["articles"][0]["repeated"], true);
    assert_eq!(again["articles"][0]["story"], story.as_str());
}

#[tokio::test]
async fn answers_have_every_field_the_openapi_document_requires() {
    let doc: Value = serde_json::from_str(newsbrief_server::openapi::DOCUMENT).unwrap();
    let schemas = &doc["components"]["schemas"];
    let required = |name: &str| -> Vec<String> {
        schemas[name]["required"]
            .as_array()
            .unwrap_or_else(|| panic!("schema {name} has required fields"))
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    let has_all = |value: &Value, schema: &str| {
        for field in required(schema) {
            assert!(
                value.get(&field).is_some(),
                "{schema} lacks `{field}`: {value}"
            );
        }
    };
    let app = router(Config::default());
    let answer = post(
        &app,
        &json!([bridge_article("o1", "2024-05-01"), {"id": "o2"}]),
    )
    .await;
    has_all(&answer, "ArticlesAnswer");
    has_all(&answer["articles"][0], "ArticleOutcome");
    has_all(&answer["articles"][1], "ArticleError");
    let (_, listing) = send(&app, get("/v1/stories")).await;
    has_all(&listing, "StoryList");
    has_all(&listing["stories"][0], "StorySummary");
    let story = answer["articles"][0]["story"].as_str().unwrap();
    let (_, brief) = send(&app, get(&format!("/v1/stories/{story}"))).await;
    has_all(&brief, "Brief");
    for path in ["/v1/articles", "/v1/stories", "/v1/stories/{id}"] {
        assert!(doc["paths"][path].is_object(), "{path} is documented");
    }
}

/// One HTTP/1.1 request on its own connection: the status and the body. `sent` is set once the whole
/// request is written.
async fn http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    body: &[u8],
    sent: Option<&AtomicBool>,
) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    if let Some(sent) = sent {
        sent.store(true, Ordering::SeqCst);
    }
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let status = std::str::from_utf8(&response[9..12])
        .unwrap()
        .parse()
        .unwrap();
    (status, response[split + 4..].to_vec())
}

/// The ingest (HTML extraction, story detection, the store) runs off the async runtime: on a runtime of
/// one thread, `/healthz` keeps answering at once while a large batch is read and stored.
#[tokio::test(flavor = "current_thread")]
async fn health_answers_quickly_while_a_large_post_is_processed() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = Config {
        timeout: Duration::from_secs(300),
        ..Config::default()
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve_until(listener, config, async {
        let _ = stopped.await;
    }));
    let examples = example_articles("");
    let page = bridge_page();
    const ARTICLES: usize = 3000;
    let batch: Vec<Value> = (0..ARTICLES)
        .map(|i| {
            if i % 2 == 0 {
                json!({"id": format!("page-{i}"), "html": page.replace("four million", &format!("{i} million"))})
            } else {
                let mut a = examples[i % examples.len()].clone();
                let text = format!("{} Update {i}.", a["text"].as_str().unwrap());
                a["id"] = json!(format!("text-{i}"));
                a["text"] = json!(text);
                a
            }
        })
        .collect();
    let body = Value::Array(batch).to_string().into_bytes();
    let sent = Arc::new(AtomicBool::new(false));
    let posting = {
        let sent = Arc::clone(&sent);
        tokio::spawn(async move { http(addr, "POST", "/v1/articles", &body, Some(&sent)).await })
    };
    // Health checks from when the batch is all sent until it is answered.
    let (mut answered, mut slowest) = (0, Duration::ZERO);
    let mut processing = None;
    while !posting.is_finished() {
        if !sent.load(Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(1)).await;
            continue;
        }
        processing.get_or_insert_with(Instant::now);
        let asked = Instant::now();
        let (status, body) = http(addr, "GET", "/healthz", b"", None).await;
        slowest = slowest.max(asked.elapsed());
        assert_eq!(status, 200);
        assert_eq!(
            serde_json::from_slice::<Value>(&body).unwrap(),
            json!({"status": "ok"})
        );
        if !posting.is_finished() {
            answered += 1;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let took = processing.map(|t| t.elapsed()).unwrap_or_default();
    let (status, body) = posting.await.unwrap();
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
    let answer: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(answer["articles"].as_array().unwrap().len(), ARTICLES);
    assert!(
        answered >= 5,
        "the batch was stored in {took:?}: too quickly to show anything ({answered} health checks)"
    );
    assert!(
        slowest < Duration::from_millis(500),
        "a health check took {slowest:?} while the batch was stored ({answered} answered in {took:?})"
    );
    stop.send(()).unwrap();
    let _ = tokio::time::timeout(Duration::from_secs(30), server).await;
}

/// `GET /v1/stories/{id}?since=TIME`: an update brief whose seen articles are those published before TIME;
/// a time that cannot be read is a 400.
#[tokio::test]
async fn a_story_since_a_time_is_an_update_brief() {
    let app = router(Config::default());
    let mut articles = example_articles("u-");
    for (i, a) in articles.iter_mut().enumerate() {
        a["published"] = json!(format!("2017-03-0{}T12:00:00Z", i + 1));
    }
    let answer = post(&app, &Value::Array(articles)).await;
    let story = answer["articles"][4]["story"].as_str().unwrap().to_owned();
    let (status, brief) = send(&app, get(&format!("/v1/stories/{story}?since=2017-03-03"))).await;
    assert_eq!(status, StatusCode::OK, "{brief}");
    let seen = brief["update"]["seen"].as_array().unwrap();
    assert!(!seen.is_empty(), "{brief}");
    for s in seen {
        assert!(s["published"].as_str().unwrap() < "2017-03-03", "{s}");
    }
    assert!(brief["words"].as_u64().unwrap() <= 100);
    let (status, value) = send(&app, get(&format!("/v1/stories/{story}?since=soon"))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{value}");
    assert_error(&value, "malformed");
}
