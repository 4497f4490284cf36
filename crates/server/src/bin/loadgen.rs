//! loadgen: a bounded HTTP/1.1 load generator for `newsbrief serve`, on 127.0.0.1 only.
//!
//! N clients each keep one connection and post the same body in a loop until the request count or the
//! time limit is reached; optional flood clients meanwhile post bodies over the server's size limit.
//! Prints throughput, latency percentiles, statuses, and the server's peak memory when given its pid.
//!
//! ```text
//! loadgen --port 8080 --body story.json --clients 8 --requests 5000 --seconds 20 [--pid N]
//!         [--flood-clients 4 --flood-bytes 25000000]
//! ```

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Options {
    port: u16,
    path: String,
    body: Vec<u8>,
    clients: usize,
    requests: usize,
    seconds: u64,
    pid: Option<u32>,
    flood_clients: usize,
    flood_bytes: usize,
}

fn main() {
    let options = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("loadgen: {e}");
            std::process::exit(2);
        }
    };
    let addr = SocketAddr::from(([127, 0, 0, 1], options.port));
    let options = Arc::new(options);
    let deadline = Instant::now() + Duration::from_secs(options.seconds);
    let issued = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let statuses = Arc::new(Mutex::new(BTreeMap::<String, usize>::new()));
    let peak_rss = Arc::new(AtomicUsize::new(0));

    let sampler = options.pid.map(|pid| {
        let (done, peak) = (Arc::clone(&done), Arc::clone(&peak_rss));
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                if let Some(kb) = rss_kb(pid) {
                    peak.fetch_max(kb, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    });
    let flood_refused = Arc::new(AtomicUsize::new(0));
    let flood_sent = Arc::new(AtomicUsize::new(0));
    let flooders: Vec<_> = (0..options.flood_clients)
        .map(|_| {
            let (options, done) = (Arc::clone(&options), Arc::clone(&done));
            let (sent, refused) = (Arc::clone(&flood_sent), Arc::clone(&flood_refused));
            std::thread::spawn(move || {
                while !done.load(Ordering::Relaxed) && Instant::now() < deadline {
                    sent.fetch_add(1, Ordering::Relaxed);
                    if oversized_request(addr, &options) {
                        refused.fetch_add(1, Ordering::Relaxed);
                    }
                }
            })
        })
        .collect();

    let started = Instant::now();
    let workers: Vec<_> = (0..options.clients)
        .map(|_| {
            let (options, issued) = (Arc::clone(&options), Arc::clone(&issued));
            let statuses = Arc::clone(&statuses);
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut connection: Option<BufReader<TcpStream>> = None;
                while Instant::now() < deadline
                    && issued.fetch_add(1, Ordering::Relaxed) < options.requests
                {
                    let t = Instant::now();
                    let status = match request(addr, &mut connection, &options) {
                        Ok(status) => status.to_string(),
                        Err(e) => {
                            connection = None;
                            format!("io error ({})", e.kind())
                        }
                    };
                    latencies.push(t.elapsed());
                    *statuses.lock().unwrap().entry(status).or_default() += 1;
                }
                latencies
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap_or_default())
        .collect();
    let elapsed = started.elapsed();
    done.store(true, Ordering::Relaxed);
    for f in flooders {
        let _ = f.join();
    }
    if let Some(s) = sampler {
        let _ = s.join();
    }

    latencies.sort();
    let pct = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let i = ((latencies.len() as f64 * p).ceil() as usize).clamp(1, latencies.len()) - 1;
        latencies[i].as_secs_f64() * 1000.0
    };
    let ok = statuses.lock().unwrap().get("200").copied().unwrap_or(0);
    println!(
        "clients {:>3}  requests {:>6}  ok {:>6}  {:>8.1} req/s  p50 {:>7.2} ms  p90 {:>7.2} ms  p99 {:>7.2} ms  max {:>7.2} ms",
        options.clients,
        latencies.len(),
        ok,
        ok as f64 / elapsed.as_secs_f64(),
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0)
    );
    println!("  statuses {:?}", statuses.lock().unwrap());
    if options.pid.is_some() {
        println!(
            "  server peak RSS during run {:.1} MB",
            peak_rss.load(Ordering::Relaxed) as f64 / 1024.0
        );
    }
    if options.flood_clients > 0 {
        println!(
            "  flood: {} oversized requests of {} bytes sent, {} refused (413 or closed early)",
            flood_sent.load(Ordering::Relaxed),
            options.flood_bytes,
            flood_refused.load(Ordering::Relaxed)
        );
    }
}

/// Posts the body on the client's kept-alive connection (reconnecting when needed); returns the status.
fn request(
    addr: SocketAddr,
    connection: &mut Option<BufReader<TcpStream>>,
    options: &Options,
) -> std::io::Result<u16> {
    if connection.is_none() {
        let stream = TcpStream::connect(addr)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        *connection = Some(BufReader::new(stream));
    }
    let reader = connection.as_mut().expect("connected above");
    let head = format!(
        "POST {} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        options.path,
        options.body.len()
    );
    let stream = reader.get_mut();
    stream.write_all(head.as_bytes())?;
    stream.write_all(&options.body)?;
    let (status, length, close) = read_head(reader)?;
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    if close {
        *connection = None;
    }
    Ok(status)
}

/// Reads a response head: status, content length, and whether the server closes the connection.
fn read_head(reader: &mut BufReader<TcpStream>) -> std::io::Result<(u16, usize, bool)> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no status line"))?;
    let (mut length, mut close) = (None, false);
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 {
            return Err(bad("connection closed in the head"));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            let (name, value) = (name.trim().to_ascii_lowercase(), value.trim());
            if name == "content-length" {
                length = value.parse().ok();
            } else if name == "connection" && value.eq_ignore_ascii_case("close") {
                close = true;
            }
        }
    }
    Ok((
        status,
        length.ok_or_else(|| bad("no content-length"))?,
        close,
    ))
}

/// Sends one request with a body over the limit; true when the server refuses it (413 or closes).
fn oversized_request(addr: SocketAddr, options: &Options) -> bool {
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return false;
    };
    let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let head = format!(
        "POST {} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        options.path, options.flood_bytes
    );
    if stream.write_all(head.as_bytes()).is_err() {
        return true;
    }
    let chunk = vec![b' '; 64 * 1024];
    let mut written = 0;
    while written < options.flood_bytes {
        let n = chunk.len().min(options.flood_bytes - written);
        if stream.write_all(&chunk[..n]).is_err() {
            break;
        }
        written += n;
    }
    let mut reader = BufReader::new(stream);
    match read_head(&mut reader) {
        Ok((status, _, _)) => status == 413,
        Err(_) => true,
    }
}

/// Resident memory of a process, in KiB (Linux).
fn rss_kb(pid: u32) -> Option<usize> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options {
        port: 8080,
        path: "/v1/brief".into(),
        body: Vec::new(),
        clients: 1,
        requests: 1000,
        seconds: 30,
        pid: None,
        flood_clients: 0,
        flood_bytes: 25_000_000,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<usize>().map_err(|_| format!("bad number `{v}`"));
        match flag.as_str() {
            "--port" => options.port = value()?.parse().map_err(|_| "bad port".to_owned())?,
            "--path" => options.path = value()?,
            "--body" => {
                let path = value()?;
                options.body = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
            }
            "--clients" => options.clients = number(value()?)?.clamp(1, 1024),
            "--requests" => options.requests = number(value()?)?.min(10_000_000),
            "--seconds" => options.seconds = number(value()?)?.clamp(1, 600) as u64,
            "--pid" => options.pid = Some(number(value()?)? as u32),
            "--flood-clients" => options.flood_clients = number(value()?)?.min(64),
            "--flood-bytes" => options.flood_bytes = number(value()?)?.min(1 << 30),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if options.body.is_empty() {
        return Err("--body FILE is required".into());
    }
    Ok(options)
}
