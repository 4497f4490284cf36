//! Config: the limits a server runs under, with the defaults `newsbrief serve` starts with.

use std::time::Duration;

/// Limits and access control of one server.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Largest request body accepted, in bytes (larger ones get 413).
    pub max_body: usize,
    /// Most articles in one brief request (more get 413).
    pub max_articles: usize,
    /// Most clusters (lines) in one `/v1/summarize` request (more get 413).
    pub max_clusters: usize,
    /// Longest a request may compute before it is answered 503.
    pub timeout: Duration,
    /// Most requests in progress at once (computing or waiting for a worker); one more is answered 503
    /// at once.
    pub max_concurrent: usize,
    /// Requests computing at once: the CPU-bound work runs on this many threads of the blocking pool,
    /// the others wait their turn (within their time limit). One per core by default.
    pub workers: usize,
    /// When set, the API asks for `Authorization: Bearer <token>`.
    pub token: Option<String>,
}

pub use newsbrief_api::{DEFAULT_WORDS, MAX_WORDS};

impl Default for Config {
    fn default() -> Self {
        Config {
            max_body: 20 * 1024 * 1024,
            max_articles: 200,
            max_clusters: 1_000,
            timeout: Duration::from_secs(10),
            max_concurrent: 128,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
            token: None,
        }
    }
}

/// Parses a size such as `20MB`, `512k`, `1GiB` or `1048576` into bytes.
pub fn parse_size(text: &str) -> Result<usize, String> {
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let number: usize = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size (e.g. 20MB)"))?;
    let factor: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => {
            return Err(format!(
                "unknown size unit in `{text}` (use B, KB, MB or GB)"
            ))
        }
    };
    number
        .checked_mul(factor)
        .ok_or_else(|| format!("`{text}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("20MB"), Ok(20 * 1024 * 1024));
        assert_eq!(parse_size("512k"), Ok(512 * 1024));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("MB").is_err());
        assert!(parse_size("12 parsecs").is_err());
        assert!(parse_size("99999999999999999999GB").is_err());
    }
}
