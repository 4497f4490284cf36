//! Connections: the header-read and idle timeouts of every HTTP/1 connection.
//!
//! `axum::serve` runs hyper without a timer, so hyper's own `header_read_timeout` never fires and a client
//! sending one header line every few seconds kept its connection (and its task) forever. [`TimedListener`]
//! hands hyper connections wrapped in [`TimedIo`], which watches the bytes read:
//!
//! - **idle**: from the accept, and from each byte of a response written, a connection has
//!   [`ConnectionTimeouts::idle`] to start its next request; past it, the connection is closed;
//! - **head**: from the first byte of a request, its head (request line and headers, up to the empty line)
//!   must be complete within [`ConnectionTimeouts::header`]; past it, the connection is closed.
//!
//! Once a head is complete, nothing here times the request: its body and its computation are bounded by
//! the per-request time limit of [`crate::Config`]. The server speaks HTTP/1 only, so the end of a head is
//! the first empty line after a non-empty one (`\r\n\r\n`, or `\n\n` as hyper accepts it too).

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::{Instant, Sleep};

/// How long a connection may take to send a request head, and may wait between requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionTimeouts {
    /// Longest a request head (request line and headers) may take from its first byte to its end.
    pub header: Duration,
    /// Longest a connection may stay open without a request: after it is accepted, or after the last
    /// byte of a response is written.
    pub idle: Duration,
}

impl Default for ConnectionTimeouts {
    fn default() -> Self {
        ConnectionTimeouts {
            header: Duration::from_secs(10),
            idle: Duration::from_secs(30),
        }
    }
}

/// A TCP listener whose connections are [`TimedIo`].
pub struct TimedListener {
    listener: TcpListener,
    timeouts: ConnectionTimeouts,
}

impl TimedListener {
    pub fn new(listener: TcpListener, timeouts: ConnectionTimeouts) -> Self {
        TimedListener { listener, timeouts }
    }
}

impl axum::serve::Listener for TimedListener {
    type Io = TimedIo;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, addr) = axum::serve::Listener::accept(&mut self.listener).await;
        // Small answers go out at once rather than waiting on Nagle (the slow-header test reads them).
        let _ = stream.set_nodelay(true);
        (TimedIo::new(stream, self.timeouts), addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.listener.local_addr()
    }
}

/// Where a connection is in reading a request head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// No byte of the next request yet (the idle timeout runs).
    Idle,
    /// Reading a head (the header timeout runs). `line` is whether the current line has a byte other
    /// than `\r`, `seen` whether a non-empty line has ended.
    Head { line: bool, seen: bool },
    /// The head is complete: the request is being read or answered (no timeout here).
    Request,
}

/// A TCP stream that fails its reads once a head or an idle period has lasted too long, which makes hyper
/// close the connection.
pub struct TimedIo {
    stream: TcpStream,
    timeouts: ConnectionTimeouts,
    phase: Phase,
    deadline: Pin<Box<Sleep>>,
}

impl TimedIo {
    fn new(stream: TcpStream, timeouts: ConnectionTimeouts) -> Self {
        TimedIo {
            stream,
            timeouts,
            phase: Phase::Idle,
            deadline: Box::pin(tokio::time::sleep(timeouts.idle)),
        }
    }

    /// Follows the request head through the bytes just read.
    fn observe(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            let (line, seen) = match self.phase {
                Phase::Request => return,
                Phase::Idle => {
                    self.deadline
                        .as_mut()
                        .reset(Instant::now() + self.timeouts.header);
                    (false, false)
                }
                Phase::Head { line, seen } => (line, seen),
            };
            self.phase = match byte {
                b'\n' if !line && seen => Phase::Request,
                b'\n' => Phase::Head {
                    line: false,
                    seen: seen || line,
                },
                b'\r' => Phase::Head { line, seen },
                _ => Phase::Head { line: true, seen },
            };
        }
    }

    /// A response is being written: the connection is idle again once it is out.
    fn wrote(&mut self, bytes: &[u8]) {
        // An interim answer (`100 Continue`) comes before the body; the request is not over.
        if bytes.is_empty() || bytes.starts_with(b"HTTP/1.1 1") || bytes.starts_with(b"HTTP/1.0 1")
        {
            return;
        }
        self.phase = Phase::Idle;
        self.deadline
            .as_mut()
            .reset(Instant::now() + self.timeouts.idle);
    }
}

impl AsyncRead for TimedIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        if this.phase != Phase::Request && this.deadline.as_mut().poll(cx).is_ready() {
            let what = match this.phase {
                Phase::Idle => "the connection was idle too long",
                _ => "the request head took too long",
            };
            return Poll::Ready(Err(io::Error::new(io::ErrorKind::TimedOut, what)));
        }
        let before = buf.filled().len();
        let result = Pin::new(&mut this.stream).poll_read(cx, buf);
        if let Poll::Ready(Ok(())) = result {
            this.observe(&buf.filled()[before..]);
            if this.phase != Phase::Request {
                // Registers the waker on the (possibly new) deadline.
                let _ = this.deadline.as_mut().poll(cx);
            }
        }
        result
    }
}

impl AsyncWrite for TimedIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_write(cx, buf);
        if let Poll::Ready(Ok(n)) = result {
            this.wrote(&buf[..n]);
        }
        result
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        if let Poll::Ready(Ok(n)) = result {
            if n > 0 {
                let first = bufs
                    .iter()
                    .find(|b| !b.is_empty())
                    .map_or(&[][..], |b| &b[..]);
                this.wrote(&first[..first.len().min(n)]);
            }
        }
        result
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn io() -> TimedIo {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap());
        let ((server, _), _client) =
            tokio::join!(async { listener.accept().await.unwrap() }, async {
                client.await.unwrap()
            });
        TimedIo::new(server, ConnectionTimeouts::default())
    }

    #[tokio::test]
    async fn a_head_ends_at_its_first_empty_line() {
        let mut io = io().await;
        io.observe(b"\r\n");
        assert_eq!(
            io.phase,
            Phase::Head {
                line: false,
                seen: false
            },
            "an empty line before the request line does not end a head"
        );
        io.observe(b"GET / HTTP/1.1\r\nhost: x\r");
        assert!(matches!(io.phase, Phase::Head { .. }));
        io.observe(b"\n\r\nbody\r\n\r\n");
        assert_eq!(io.phase, Phase::Request);
        io.wrote(b"HTTP/1.1 100 Continue\r\n\r\n");
        assert_eq!(io.phase, Phase::Request);
        io.wrote(b"HTTP/1.1 200 OK\r\n");
        assert_eq!(io.phase, Phase::Idle);
        io.observe(b"GET / HTTP/1.0\n\n");
        assert_eq!(io.phase, Phase::Request);
    }
}
