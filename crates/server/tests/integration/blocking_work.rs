//! The CPU work of every request (reading uploaded pages, parsing bodies, building briefs) runs off the
//! async runtime: on a runtime of one thread, `/healthz` keeps answering within a second while hostile
//! uploads are being extracted.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use newsbrief_server::{serve_until, Config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A saved page that is slow to extract (seconds, not milliseconds): megabytes of elements nested a few
/// hundred deep, with no article in it.
fn hostile_page(bytes: usize) -> Vec<u8> {
    let block = format!(
        "{}<p>Words of a nested item here.</p>{}\n",
        "<div><ul><li>".repeat(200),
        "</li></ul></div>".repeat(200)
    );
    let mut page = String::from("<html><head><title>Deep</title></head><body>");
    while page.len() < bytes {
        page.push_str(&block);
    }
    page.push_str("</body></html>");
    page.into_bytes()
}

/// A multipart upload of one file.
fn multipart(name: &str, file: &[u8]) -> (String, Vec<u8>) {
    let boundary = "newsbrief-test-boundary-7f3a";
    let mut body = format!(
        "--{boundary}\r\ncontent-disposition: form-data; name=\"files\"; filename=\"{name}\"\r\ncontent-type: text/html\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// One HTTP/1.1 request on its own connection: the status. `sent` counts the requests written whole.
async fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    (content_type, body): (&str, &[u8]),
    sent: Option<&AtomicUsize>,
) -> u16 {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    if let Some(sent) = sent {
        sent.fetch_add(1, Ordering::SeqCst);
    }
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    assert!(response.starts_with(b"HTTP/1.1 "), "no answer");
    std::str::from_utf8(&response[9..12])
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn health_answers_within_a_second_while_hostile_uploads_are_extracted() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = Config {
        timeout: Duration::from_secs(300),
        max_body: 64 << 20,
        ..Config::default()
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve_until(listener, config, async {
        let _ = stopped.await;
    }));
    const UPLOADS: usize = 2;
    let sent = Arc::new(AtomicUsize::new(0));
    let uploads: Vec<_> = (0..UPLOADS)
        .map(|i| {
            let sent = Arc::clone(&sent);
            let (content_type, body) =
                multipart(&format!("deep-{i}.html"), &hostile_page(12 << 20));
            tokio::spawn(async move {
                http(
                    addr,
                    "POST",
                    "/v1/brief",
                    (&content_type, &body),
                    Some(&sent),
                )
                .await
            })
        })
        .collect();
    // Health checks from when both uploads are sent until both are answered.
    let (mut answered, mut slowest) = (0, Duration::ZERO);
    let mut processing = None;
    while uploads.iter().any(|u| !u.is_finished()) {
        if sent.load(Ordering::SeqCst) < UPLOADS {
            tokio::time::sleep(Duration::from_millis(1)).await;
            continue;
        }
        processing.get_or_insert_with(Instant::now);
        let asked = Instant::now();
        let status = http(addr, "GET", "/healthz", ("text/plain", b""), None).await;
        slowest = slowest.max(asked.elapsed());
        assert_eq!(status, 200);
        if uploads.iter().any(|u| !u.is_finished()) {
            answered += 1;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let took = processing.map(|t| t.elapsed()).unwrap_or_default();
    for upload in uploads {
        // The page holds no article: 422, answered rather than dropped.
        let status = upload.await.unwrap();
        assert!(status == 200 || status == 422, "the upload got {status}");
    }
    assert!(
        slowest < Duration::from_secs(1),
        "a health check took {slowest:?} while the uploads were extracted ({answered} answered in {took:?})"
    );
    assert!(
        answered >= 3,
        "the uploads were answered in {took:?}: too quickly to show anything ({answered} health checks)"
    );
    stop.send(()).unwrap();
    let _ = tokio::time::timeout(Duration::from_secs(30), server).await;
}
