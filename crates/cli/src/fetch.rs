//! Fetching the web pages and feeds a user names by URL (`http://` or `https://`), and only those.
//!
//! One HTTP client (`ureq`, TLS by rustls) with a clear user agent, timeouts, a bounded number of
//! redirects and a bounded body size.

use std::time::Duration;

use anyhow::Context;
use encoding_rs::Encoding;
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

/// A page's body decoded with the charset the server named, as UTF-8 behind a byte-order mark, which the
/// readers honour first: the HTTP header comes before the page's own `<meta charset>` (a page the server
/// transcoded often keeps its old declaration). Bytes that are valid UTF-8 (what any declaration is then
/// read as), a body with its own byte-order mark, or an unknown charset are left as they are. Not for
/// feeds, whose XML declaration their parser reads.
pub fn in_declared_charset(bytes: Vec<u8>, charset: Option<&str>) -> Vec<u8> {
    let Some(encoding) = charset.and_then(|label| Encoding::for_label(label.as_bytes())) else {
        return bytes;
    };
    if Encoding::for_bom(&bytes).is_some() || std::str::from_utf8(&bytes).is_ok() {
        return bytes;
    }
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    let mut utf8 = Vec::with_capacity(3 + text.len());
    utf8.extend_from_slice("\u{feff}".as_bytes());
    utf8.extend_from_slice(text.as_bytes());
    utf8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_charset_the_server_names_comes_before_the_pages_own() {
        assert_eq!(
            charset("text/html; charset=windows-1251"),
            Some("windows-1251")
        );
        assert_eq!(
            charset("text/html;charset=\"iso-8859-1\""),
            Some("iso-8859-1")
        );
        assert_eq!(charset("text/html"), None);
        // Served as windows-1252, the page still declaring UTF-8 (a transcoding server's usual slip).
        let page = b"<html><head><meta charset=\"utf-8\"><title>Caf\xe9 owner sues city</title></head><body>\
                     <article><p>The owner of the Caf\xe9 Rouge sued the city on Monday over the closure \
                     of the street outside, saying trade had fallen by half since March.</p></article></body></html>";
        let fixed = in_declared_charset(page.to_vec(), Some("windows-1252"));
        let (articles, _) =
            newsbrief_core::ingest::articles_from_file_noted("page.html", &fixed).unwrap();
        assert_eq!(articles[0].title.as_deref(), Some("Café owner sues city"));
        assert!(
            articles[0].text.contains("Café Rouge"),
            "{}",
            articles[0].text
        );
        // Valid UTF-8, an unknown label, no label: untouched.
        let utf8 = "Café".as_bytes().to_vec();
        assert_eq!(
            in_declared_charset(utf8.clone(), Some("windows-1252")),
            utf8
        );
        assert_eq!(
            in_declared_charset(page.to_vec(), Some("no-such-charset")),
            page.to_vec()
        );
        assert_eq!(in_declared_charset(page.to_vec(), None), page.to_vec());
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
