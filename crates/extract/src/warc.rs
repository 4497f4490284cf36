//! WARC reading: splits an (already decompressed) WARC file into records, keeps the `response`
//! records whose HTTP payload is HTML (and `resource` records of type HTML), undoes HTTP chunked
//! transfer and gzip content encoding, and extracts one page per record.

use crate::{input, ExtractError, Page};

/// One WARC record: its named headers (lower-cased names) and its content block.
struct Record<'a> {
    headers: Vec<(String, String)>,
    block: &'a [u8],
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

pub(crate) fn read_pages(bytes: &[u8]) -> Result<Vec<Page>, ExtractError> {
    let mut pages = Vec::new();
    let mut skipped = Vec::new();
    let mut rest = bytes;
    let mut index = 0;
    while let Some(start) = rest.iter().position(|b| !b.is_ascii_whitespace()) {
        rest = &rest[start..];
        index += 1;
        let (record, after) = match next_record(rest) {
            Ok(parsed) => parsed,
            Err(e) => {
                skipped.push(format!(
                    "WARC record {index}: {e}; the rest of the file is ignored"
                ));
                break;
            }
        };
        rest = after;
        match page_of(&record) {
            Ok(Some(page)) => pages.push(page),
            Ok(None) => {}
            Err(reason) => skipped.push(format!("WARC record {index} skipped: {reason}")),
        }
    }
    if pages.is_empty() {
        let detail = if skipped.is_empty() {
            String::new()
        } else {
            format!(" ({})", skipped.join("; "))
        };
        return Err(ExtractError::Warc(format!(
            "no HTML response record found{detail}"
        )));
    }
    pages[0].warnings.extend(skipped);
    Ok(pages)
}

fn next_record(bytes: &[u8]) -> Result<(Record<'_>, &[u8]), String> {
    if !bytes.starts_with(b"WARC/") {
        return Err("does not start with a WARC/ version line".to_string());
    }
    let head_end = find(bytes, b"\r\n\r\n").ok_or("header block is not terminated")?;
    let head = String::from_utf8_lossy(&bytes[..head_end]);
    let headers = parse_headers(head.lines().skip(1));
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .ok_or("missing or invalid Content-Length")?;
    let block_start = head_end + 4;
    let block_end = block_start
        .checked_add(length)
        .filter(|&end| end <= bytes.len())
        .ok_or("record is truncated")?;
    Ok((
        Record {
            headers,
            block: &bytes[block_start..block_end],
        },
        &bytes[block_end..],
    ))
}

fn parse_headers<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_string()))
        .collect()
}

/// The page of an HTML record, `None` for records that never carry pages (warcinfo, request,
/// metadata…), and an error message for responses that are not usable HTML.
fn page_of(record: &Record) -> Result<Option<Page>, String> {
    let url = record
        .header("warc-target-uri")
        .map(|u| u.trim_matches(|c| c == '<' || c == '>'));
    match record.header("warc-type").unwrap_or("") {
        "response" => {
            let content_type = record.header("content-type").unwrap_or("");
            if !content_type.starts_with("application/http") {
                return html_page(record.block, content_type, url).map(Some);
            }
            let head_end =
                find(record.block, b"\r\n\r\n").ok_or("HTTP header is not terminated")?;
            let head = String::from_utf8_lossy(&record.block[..head_end]);
            let mut lines = head.lines();
            let status = lines.next().unwrap_or("");
            let http_headers = parse_headers(lines);
            let get = |name: &str| {
                http_headers
                    .iter()
                    .find(|(n, _)| n == name)
                    .map(|(_, v)| v.as_str())
            };
            let code = status.split_whitespace().nth(1).unwrap_or("");
            if !code.starts_with('2') {
                return Err(format!("HTTP status {code} for {}", url.unwrap_or("?")));
            }
            let mut body = record.block[head_end + 4..].to_vec();
            if get("transfer-encoding").is_some_and(|v| v.eq_ignore_ascii_case("chunked")) {
                body = dechunk(&body);
            }
            if get("content-encoding").is_some_and(|v| v.contains("gzip"))
                || body.starts_with(&[0x1f, 0x8b])
            {
                body = input::gunzip(&body).map_err(|e| e.to_string())?;
            }
            html_page(&body, get("content-type").unwrap_or(""), url).map(Some)
        }
        "resource" => html_page(
            record.block,
            record.header("content-type").unwrap_or(""),
            url,
        )
        .map(Some),
        _ => Ok(None),
    }
}

fn html_page(body: &[u8], content_type: &str, url: Option<&str>) -> Result<Page, String> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let is_html = mime == "text/html"
        || mime == "application/xhtml+xml"
        || (mime.is_empty() && input::is_markup(body, ""));
    if !is_html {
        return Err(format!(
            "not HTML ({}) for {}",
            if mime.is_empty() { "no type" } else { &mime },
            url.unwrap_or("?")
        ));
    }
    let charset = content_type
        .split(';')
        .filter_map(|part| part.trim().split_once('='))
        .find(|(key, _)| key.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, value)| value.trim().trim_matches('"'));
    input::read_html(body, charset, url).map_err(|e| e.to_string())
}

/// Undoes HTTP/1.1 chunked transfer encoding; stops at the first malformed chunk.
fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    while let Some(line_end) = find(rest, b"\r\n") {
        let size_text = String::from_utf8_lossy(&rest[..line_end]);
        let size_hex = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_hex, 16) else {
            break;
        };
        let start = line_end + 2;
        if size == 0 || start >= rest.len() {
            break;
        }
        let end = start.saturating_add(size).min(rest.len());
        out.extend_from_slice(&rest[start..end]);
        rest = &rest[end..];
        rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, content_type: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://example.com/a\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
            b"hello world"
        );
    }

    #[test]
    fn html_responses_become_pages_and_others_are_skipped() {
        let html = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><article><p>The council approved the new budget on Monday after a long debate about schools and roads in the city.</p></article></body></html>";
        let png = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\u{1}PNG";
        let warc = format!(
            "{}{}{}",
            record("warcinfo", "application/warc-fields", "software: test"),
            record("response", "application/http; msgtype=response", png),
            record("response", "application/http; msgtype=response", html)
        );
        let pages = read_pages(warc.as_bytes()).unwrap_or_default();
        assert_eq!(pages.len(), 1);
        assert!(pages[0].text.contains("approved the new budget"));
        assert_eq!(pages[0].url.as_deref(), Some("https://example.com/a"));
        assert!(
            pages[0].warnings.iter().any(|w| w.contains("image/png")),
            "{:?}",
            pages[0].warnings
        );
    }

    #[test]
    fn a_warc_without_html_is_an_error() {
        let warc = record(
            "response",
            "application/http; msgtype=response",
            "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF",
        );
        assert!(matches!(
            read_pages(warc.as_bytes()),
            Err(ExtractError::Warc(_))
        ));
    }

    #[test]
    fn a_truncated_record_is_an_error() {
        let warc = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort";
        assert!(matches!(
            read_pages(warc.as_bytes()),
            Err(ExtractError::Warc(_))
        ));
    }
}
