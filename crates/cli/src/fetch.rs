//! Fetching the web pages and feeds a user names by URL (`http://` or `https://`), and only those.
//!
//! One HTTP client (`ureq`, TLS by rustls) with a clear user agent, timeouts, a bounded number of
//! redirects and a bounded body size.

use std::time::Duration;

use anyhow::Context;
use ureq::ResponseExt;

/// The user agent every request sends.
const USER_AGENT: &str = concat!("newsbrief/", env!("CARGO_PKG_VERSION"));
/// The largest body read (a news page is well under a megabyte).
const MAX_BODY_BYTES: u64 = 16 << 20;
const MAX_REDIRECTS: u32 = 5;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The whole exchange, redirects and body included.
const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);

/// A fetched page.
pub struct Fetched {
    /// Where the page was found after redirects.
    pub url: String,
    pub bytes: Vec<u8>,
    /// Whether the server says it is HTML (or XHTML).
    pub html: bool,
    /// The charset the server names in its Content-Type, lowercased.
    pub charset: Option<String>,
}

/// Whether an input names a URL to fetch.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches one URL; an error status, a timeout or a body over the limit is an error naming the URL.
pub fn fetch(url: &str) -> anyhow::Result<Fetched> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .user_agent(USER_AGENT)
        .max_redirects(MAX_REDIRECTS)
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(TOTAL_TIMEOUT))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .with_context(|| format!("cannot fetch {url}"))?;
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let html = content_type.contains("html");
    let final_url = response.get_uri().to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_BODY_BYTES)
        .read_to_vec()
        .with_context(|| format!("cannot read {url} (at most {} MiB)", MAX_BODY_BYTES >> 20))?;
    Ok(Fetched {
        url: final_url,
        bytes,
        html,
        charset: charset(&content_type).map(str::to_owned),
    })
}

/// The `charset` parameter of a Content-Type header value ("text/html; charset=windows-1251").
fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        (name.trim() == "charset").then(|| value.trim().trim_matches(['"', '\'']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charset_parameter_is_read_from_the_content_type() {
        assert_eq!(
            charset("text/html; charset=windows-1251"),
            Some("windows-1251")
        );
        assert_eq!(
            charset("text/html;charset=\"iso-8859-1\""),
            Some("iso-8859-1")
        );
        assert_eq!(charset("text/html"), None);
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("http"));
        assert!(!is_url("./http://x"));
        assert!(!is_url("story.txt"));
    }
}
