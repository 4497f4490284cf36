//! Connections that trickle a request head, or send nothing at all, are closed once the header-read or
//! idle timeout has passed; a request whose head is complete is not cut by them. Loopback only, each
//! test bounded by a few seconds.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use newsbrief_server::{serve_until_with, Config, ConnectionTimeouts};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

const HEADER: Duration = Duration::from_secs(2);
const IDLE: Duration = Duration::from_secs(3);

/// A server with short connection timeouts; dropping the sender stops it.
async fn start() -> (SocketAddr, oneshot::Sender<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let timeouts = ConnectionTimeouts {
        header: HEADER,
        idle: IDLE,
    };
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(serve_until_with(
        listener,
        Config::default(),
        timeouts,
        async {
            let _ = stopped.await;
        },
    ));
    (addr, stop)
}

/// Whether the server closed the connection: a read gives end of file or a reset.
async fn closed(stream: &mut TcpStream) -> bool {
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return true,
            // A 408 or 400 before closing is fine.
            Ok(_) => continue,
        }
    }
}

#[tokio::test]
async fn a_head_sent_one_header_at_a_time_is_cut_off() {
    let (addr, _stop) = start().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    stream.write_all(b"GET /healthz HTT").await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let trickle = tokio::spawn(async move {
        writer.write_all(b"P/1.1\r\n").await?;
        for i in 0.. {
            tokio::time::sleep(Duration::from_millis(500)).await;
            writer
                .write_all(format!("x-slow-{i}: {i}\r\n").as_bytes())
                .await?;
        }
        Ok::<_, std::io::Error>(())
    });
    let mut buf = [0u8; 4096];
    let result = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match reader.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(_) => continue,
            }
        }
    })
    .await;
    let took = started.elapsed();
    trickle.abort();
    assert!(
        result.is_ok(),
        "the connection trickling its headers is still open after {took:?}"
    );
    assert!(
        took >= HEADER - Duration::from_millis(100) && took < HEADER + Duration::from_secs(2),
        "closed after {took:?}, the header timeout is {HEADER:?}"
    );
}

#[tokio::test]
async fn a_silent_connection_is_closed_after_the_idle_timeout() {
    let (addr, _stop) = start().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let started = Instant::now();
    let result = tokio::time::timeout(Duration::from_secs(10), closed(&mut stream)).await;
    let took = started.elapsed();
    assert!(
        result.is_ok(),
        "a silent connection is still open after {took:?}"
    );
    assert!(
        took >= IDLE - Duration::from_millis(100) && took < IDLE + Duration::from_secs(2),
        "closed after {took:?}, the idle timeout is {IDLE:?}"
    );
}

#[tokio::test]
async fn keep_alive_requests_are_answered_and_the_idle_connection_closed() {
    let (addr, _stop) = start().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    for _ in 0..3 {
        stream
            .write_all(format!("GET /healthz HTTP/1.1\r\nhost: {addr}\r\n\r\n").as_bytes())
            .await
            .unwrap();
        let mut buf = [0u8; 4096];
        let n = tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buf))
            .await
            .expect("an answer")
            .unwrap();
        let answer = String::from_utf8_lossy(&buf[..n]);
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.contains("\"ok\""), "{answer}");
        // Within the idle timeout the connection stays usable.
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let started = Instant::now();
    let result = tokio::time::timeout(Duration::from_secs(10), closed(&mut stream)).await;
    assert!(
        result.is_ok(),
        "the idle keep-alive connection is still open"
    );
    assert!(started.elapsed() < IDLE + Duration::from_secs(2));
}

/// The timeouts are about heads and idle connections: a request whose body comes after the header
/// timeout (within the request time limit) is answered.
#[tokio::test]
async fn a_complete_head_is_not_cut_by_the_header_timeout() {
    let (addr, _stop) = start().await;
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let body = "The council approved the new budget on Monday after a long debate about roads and schools.";
    stream
        .write_all(
            format!(
                "POST /v1/brief HTTP/1.1\r\nhost: {addr}\r\ncontent-type: text/plain\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            )
            .as_bytes(),
        )
        .await
        .unwrap();
    tokio::time::sleep(HEADER + Duration::from_millis(500)).await;
    stream.write_all(body.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .expect("an answer")
        .unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}
