//! Bad inputs of issue 7 point 6: each gives a clear error or an empty-article warning, never a
//! panic, in bounded time.

use std::io::Write;
use std::time::{Duration, Instant};

use newsbrief_extract::{read_document, ExtractError, MAX_PAGE_BYTES};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap_or_default();
    encoder.finish().unwrap_or_default()
}

const ARTICLE: &str = "<html><head><title>Flood</title></head><body><nav><a href='/'>Home</a></nav><article>\
<p>The river burst its banks on Tuesday night, flooding dozens of homes in the lower town.</p>\
<p>Residents were evacuated to the school gym, where volunteers served soup until dawn.</p></article></body></html>";

#[test]
fn empty_file_is_an_error() {
    assert_eq!(read_document(b"", "empty.html"), Err(ExtractError::Empty));
}

#[test]
fn truncated_gzip_is_an_error() {
    let compressed = gzip(ARTICLE.as_bytes());
    let truncated = &compressed[..compressed.len() / 2];
    assert!(matches!(
        read_document(truncated, "page.html.gz"),
        Err(ExtractError::Gzip(_))
    ));
}

#[test]
fn gzip_page_is_read() {
    let pages = read_document(&gzip(ARTICLE.as_bytes()), "page.html.gz").unwrap_or_default();
    assert!(pages[0].text.contains("river burst its banks"));
    assert!(!pages[0].text.contains("Home"));
}

#[test]
fn not_found_page_gives_an_empty_article_warning() {
    let page = b"<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>";
    let pages = read_document(page, "404.html").unwrap_or_default();
    assert_eq!(pages.len(), 1);
    assert!(pages[0].text.is_empty(), "{:?}", pages[0].text);
    assert!(pages[0]
        .warnings
        .iter()
        .any(|w| w.contains("no article text")));
}

#[test]
fn home_page_of_links_gives_no_article() {
    let links: String = (0..60)
        .map(|i| {
            format!(
                "<li><a href='/story/{i}'>Headline number {i} about the news of the day</a></li>"
            )
        })
        .collect();
    let page = format!("<html><body><ul class='headlines'>{links}</ul></body></html>");
    let pages = read_document(page.as_bytes(), "index.html").unwrap_or_default();
    assert!(pages[0].text.is_empty(), "{:?}", pages[0].text);
}

#[test]
fn undeclared_shift_jis_is_decoded() {
    let body = "<html><body><article><p>東京都は火曜日、新しい防災計画を発表した。計画では、地震や洪水に備えて避難所を増やし、食料の備蓄を拡大する。</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(body);
    let pages = read_document(&bytes, "jp.html").unwrap_or_default();
    assert!(
        pages[0].text.contains("新しい防災計画"),
        "{:?}",
        pages[0].text
    );
}

#[test]
fn undeclared_windows_1252_is_decoded() {
    let body = "<html><body><article><p>Le comité a voté mardi une réforme très attendue : les élèves étudieront à côté du musée, a déclaré la ministre.</p></article></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(body);
    let pages = read_document(&bytes, "fr.html").unwrap_or_default();
    assert!(
        pages[0].text.contains("réforme très attendue"),
        "{:?}",
        pages[0].text
    );
}

#[test]
fn ten_thousand_unclosed_divs_are_handled_quickly() {
    let page = format!(
        "<html><body>{}<p>{}</p></body></html>",
        "<div>".repeat(10_000),
        "Deep text about the election results. ".repeat(5)
    );
    let start = Instant::now();
    let pages = read_document(page.as_bytes(), "deep.html").unwrap_or_default();
    assert!(start.elapsed() < Duration::from_secs(20));
    assert!(pages[0].text.contains("election results"));
}

#[test]
fn malformed_markup_does_not_panic() {
    let page = format!(
        "<html><body>{}<p>Unclosed <b><i>tags</p></table></td>{}</body>",
        "<a><b><table><tr><td>".repeat(2_000),
        "</div>".repeat(500)
    );
    assert!(read_document(page.as_bytes(), "bad.html").is_ok());
}

#[test]
fn oversized_page_is_refused_with_a_message() {
    let mut page = b"<html><body><p>".to_vec();
    page.resize(MAX_PAGE_BYTES + 10, b'a');
    let error = read_document(&page, "huge.html").err();
    assert!(
        matches!(error, Some(ExtractError::TooLarge { .. })),
        "{error:?}"
    );
    assert!(error
        .map(|e| e.to_string())
        .unwrap_or_default()
        .contains("bytes"));
}

#[test]
fn warc_with_html_and_non_html_records() {
    let record = |kind: &str, content_type: &str, block: &str| {
        format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://news.example/flood\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n", block.len())
    };
    let html = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{ARTICLE}");
    let json = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}";
    let warc = format!(
        "{}{}{}",
        record(
            "request",
            "application/http; msgtype=request",
            "GET /flood HTTP/1.1\r\n\r\n"
        ),
        record("response", "application/http; msgtype=response", json),
        record("response", "application/http; msgtype=response", &html)
    );
    let pages = read_document(&gzip(warc.as_bytes()), "crawl.warc.gz").unwrap_or_default();
    assert_eq!(pages.len(), 1);
    assert!(pages[0].text.contains("volunteers served soup"));
    assert!(pages[0]
        .warnings
        .iter()
        .any(|w| w.contains("application/json")));
}
