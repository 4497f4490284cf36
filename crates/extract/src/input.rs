//! Input detection: gzip, WARC, HTML or plain text, decided from the bytes first and the file name
//! second, and the dispatch of each kind to decoding and extraction.

use std::io::Read;

use crate::{charset, extract_html, warc, ExtractError, Page, MAX_PAGE_BYTES};

/// Largest amount of data a gzip stream may expand to (protects against decompression bombs).
const MAX_DECOMPRESSED_BYTES: u64 = 512 * 1024 * 1024;

/// True when `bytes` should go through article extraction (HTML, gzip, WARC) rather than be read as
/// plain text. Content wins over the name: a `.txt` file starting with `<!DOCTYPE html>` is markup.
pub fn is_markup(bytes: &[u8], name_hint: &str) -> bool {
    if is_gzip(bytes) || is_warc(bytes) || looks_like_html(bytes) {
        return true;
    }
    let name = name_hint.to_ascii_lowercase();
    let markup_names = [
        ".html", ".htm", ".xhtml", ".html.gz", ".htm.gz", ".warc", ".warc.gz",
    ];
    markup_names.iter().any(|ext| name.ends_with(ext)) && !bytes.is_empty()
}

/// Reads one document; `http_charset` is the charset of the Content-Type it was served with, if any (a
/// WARC archive's records carry their own).
pub(crate) fn read_document(
    bytes: &[u8],
    name_hint: &str,
    http_charset: Option<&str>,
) -> Result<Vec<Page>, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    if is_gzip(bytes) {
        let inflated = gunzip(bytes)?;
        let inner_name = name_hint.strip_suffix(".gz").unwrap_or(name_hint);
        return read_document(&inflated, inner_name, http_charset);
    }
    if is_warc(bytes) {
        return warc::read_pages(bytes);
    }
    if is_markup(bytes, name_hint) {
        return Ok(vec![read_html(bytes, http_charset, None)?]);
    }
    let decoded = charset::decode(bytes, http_charset);
    let mut page = Page {
        text: normalise_plain_text(&decoded.text),
        ..Page::default()
    };
    page.warnings.extend(decoded.warning);
    Ok(vec![page])
}

/// Decodes and extracts one HTML document; `http_charset` comes from a WARC record's headers.
pub(crate) fn read_html(
    bytes: &[u8],
    http_charset: Option<&str>,
    url: Option<&str>,
) -> Result<Page, ExtractError> {
    if bytes.len() > MAX_PAGE_BYTES {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: MAX_PAGE_BYTES,
        });
    }
    let decoded = charset::decode(bytes, http_charset);
    let mut page = extract_html(&decoded.text, url);
    page.warnings.extend(decoded.warning);
    Ok(page)
}

/// Decompresses a gzip stream (several members allowed, as in `.warc.gz`), bounded in size.
pub(crate) fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, ExtractError> {
    let mut out = Vec::new();
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    match decoder
        .take(MAX_DECOMPRESSED_BYTES + 1)
        .read_to_end(&mut out)
    {
        Ok(_) if out.len() as u64 > MAX_DECOMPRESSED_BYTES => Err(ExtractError::TooLarge {
            size: out.len(),
            limit: MAX_DECOMPRESSED_BYTES as usize,
        }),
        Ok(_) => Ok(out),
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
            Err(ExtractError::Gzip("the stream is truncated".to_string()))
        }
        Err(e) => Err(ExtractError::Gzip(e.to_string())),
    }
}

fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

fn is_warc(bytes: &[u8]) -> bool {
    skip_bom_and_space(bytes).starts_with(b"WARC/")
}

fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

/// Sniffs the start of the document for HTML markers, as browsers do for untyped files.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = skip_bom_and_space(bytes);
    let head = &head[..head.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let starts = [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<!--",
        b"<meta",
        b"<title",
    ];
    if starts.iter().any(|s| lower.starts_with(s)) {
        return true;
    }
    lower.starts_with(b"<?xml") && contains(&lower, b"<html")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Plain text: unifies line ends, keeps paragraphs separated by one blank line, and starts and ends with
/// text (no blank space, whatever counts as space: tabs, vertical tabs, form feeds, Unicode spaces).
fn normalise_plain_text(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(unified.len());
    let mut blank_run = 0;
    for line in unified.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(if out.is_empty() {
            line.trim_start()
        } else {
            line
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_starts_and_ends_with_text() {
        // The first found by the long fuzz run (2026-11-27): a vertical tab before the text.
        let fuzzed = b"\x0b\x00\x00\x00\x82\x82\xa2\x88\x82W";
        for bytes in [
            &fuzzed[..],
            b"  Hello\n\nWorld  ",
            b"\x0bHello",
            b"\t\x0c\n Hello\n",
        ] {
            let pages = read_document(bytes, "article", None).unwrap();
            assert_eq!(pages[0].text.trim(), pages[0].text, "{bytes:?}");
        }
        let pages = read_document(b"  Hello\n    indented\n", "notes", None).unwrap();
        assert_eq!(pages[0].text, "Hello\n    indented");
    }

    #[test]
    fn markup_is_detected_by_content_and_name() {
        assert!(is_markup(b"  <!DOCTYPE html><p>x", "notes.txt"));
        assert!(is_markup(b"\x1f\x8b\x08", "page"));
        assert!(is_markup(b"WARC/1.0\r\n", "crawl"));
        assert!(is_markup(b"Just words", "page.htm"));
        assert!(!is_markup(b"Just words about <b>", "story.txt"));
    }

    #[test]
    fn plain_text_paragraphs_are_kept() {
        let pages =
            read_document(b"First line\r\n\r\n\r\nSecond para", "a.txt", None).unwrap_or_default();
        assert_eq!(pages.len(), 1);
        assert_eq!(pages[0].text, "First line\n\nSecond para");
    }

    #[test]
    fn the_servers_charset_comes_before_the_pages_own() {
        // Served as windows-1252, the page still declaring UTF-8 (a transcoding server's usual slip).
        let page = b"<html><head><meta charset=\"utf-8\"><title>Caf\xe9 owner sues city</title></head><body>\
                     <article><p>The owner of the Caf\xe9 Rouge sued the city on Monday over the closure \
                     of the street outside, saying trade had fallen by half since March.</p></article></body></html>";
        let served = read_document(page, "page.html", Some("windows-1252")).unwrap_or_default();
        assert_eq!(served[0].title.as_deref(), Some("Café owner sues city"));
        assert!(served[0].text.contains("Café Rouge"), "{}", served[0].text);
        let saved = read_document(page, "page.html", None).unwrap_or_default();
        assert!(
            saved[0].text.contains("Caf\u{fffd} Rouge"),
            "{}",
            saved[0].text
        );
        let text =
            read_document(b"Caf\xe9 cr\xe8me", "page.txt", Some("iso-8859-1")).unwrap_or_default();
        assert_eq!(text[0].text, "Café crème");
    }

    #[test]
    fn empty_input_is_an_error() {
        assert_eq!(read_document(b"", "a.html", None), Err(ExtractError::Empty));
        assert_eq!(
            read_document(b" \n ", "a.txt", None),
            Err(ExtractError::Empty)
        );
    }
}
