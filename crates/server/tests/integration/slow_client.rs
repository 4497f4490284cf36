//! A client trickling its body is answered 408 once the per-request time limit has passed.

use std::time::Duration;

use newsbrief_server::{serve_until, Config};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[tokio::test]
async fn a_body_that_never_arrives_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let config = Config {
        timeout: Duration::from_millis(300),
        ..Config::default()
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve_until(listener, config, async {
        let _ = stopped.await;
    }));
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "POST /v1/brief HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{{\"articles\": ["
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut response = vec![0; 512];
    let n = tokio::time::timeout(Duration::from_secs(10), stream.read(&mut response))
        .await
        .expect("the server answers without the rest of the body")
        .unwrap();
    let response = String::from_utf8_lossy(&response[..n]);
    assert!(response.starts_with("HTTP/1.1 408"), "{response}");
    assert!(response.contains("\"timeout\""));
    drop(stream);
    stop.send(()).unwrap();
    let _ = tokio::time::timeout(Duration::from_secs(10), server).await;
}
