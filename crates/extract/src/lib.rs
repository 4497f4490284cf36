//! Article extraction for newsbrief: turns the bytes of a saved web page, a gzip-compressed page, a
//! WARC crawl archive or a plain-text file into [`Page`]s holding the article body (paragraphs
//! separated by a blank line) and its metadata (headline, authors, ISO 8601 publication date, site,
//! canonical URL, language).
//!
//! The crate does no I/O: callers hand it bytes and a file name used only as a hint.
//!
//! Every pass is linear in the page. The one cap: HTML is parsed with its nesting depth bounded at
//! 512 elements and at most 16 open formatting elements (`<b>`, `<font>`…); markup deeper than that
//! is flattened into the deepest element kept, its text preserved, and the page gets a warning
//! (see `parse.rs`; real news pages nest at most ~60 deep).

mod blocks;
mod body;
mod boilerplate;
mod charset;
mod dates;
mod input;
pub mod learn;
mod metadata;
pub mod metric;
mod model;
mod paragraphs;
mod parse;
mod warc;

use serde::Serialize;

pub use input::is_markup;

/// Largest decoded HTML document extracted; larger pages are refused with [`ExtractError::TooLarge`]
/// so that memory stays bounded (the parsed tree takes several times the page size).
pub const MAX_PAGE_BYTES: usize = 32 * 1024 * 1024;

/// One article read from an input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Page {
    /// Headline.
    pub title: Option<String>,
    /// Author names, in page order, without duplicates.
    pub authors: Vec<String>,
    /// Publication date, ISO 8601 (`2019-11-19` or `2019-11-19T10:30:00Z`).
    pub published: Option<String>,
    /// Outlet / site name.
    pub site: Option<String>,
    /// Canonical URL of the article.
    pub url: Option<String>,
    /// Language tag, lower case (`en`, `en-us`).
    pub language: Option<String>,
    /// Extracted article body; paragraphs are separated by `"\n\n"`. Byte offsets that a brief
    /// reports point into this string.
    pub text: String,
    /// Problems met while reading this page (empty article, skipped WARC records, charset guesses…).
    pub warnings: Vec<String>,
}

/// Why an input gave no page at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    /// The input holds no bytes (or only whitespace).
    #[error("the input is empty")]
    Empty,
    /// A gzip stream could not be decompressed (truncated or corrupt).
    #[error("cannot decompress gzip data: {0}")]
    Gzip(String),
    /// The decompressed or decoded document is larger than the extractor accepts.
    #[error("the document is {size} bytes, more than the {limit} bytes accepted")]
    TooLarge { size: usize, limit: usize },
    /// A WARC file that is malformed or holds no HTML response.
    #[error("WARC file: {0}")]
    Warc(String),
}

/// Reads one input file: detects gzip, WARC, HTML or plain text from the content (and the name),
/// decodes the charset and returns one [`Page`] per article. A WARC file gives one page per HTML
/// response record; records that are not HTML are skipped with a warning on the first page.
pub fn read_document(bytes: &[u8], name_hint: &str) -> Result<Vec<Page>, ExtractError> {
    input::read_document(bytes, name_hint, None)
}

/// [`read_document`] for a document fetched over HTTP: the charset its Content-Type header names
/// (`http_charset`, "windows-1251") comes before the one the page declares in `<meta>`, as the HTML
/// standard decides (a server that transcodes a page often leaves its old declaration in place); a
/// byte-order mark still comes first, and bytes that are valid UTF-8 are read as UTF-8.
pub fn read_fetched_document(
    bytes: &[u8],
    name_hint: &str,
    http_charset: Option<&str>,
) -> Result<Vec<Page>, ExtractError> {
    input::read_document(bytes, name_hint, http_charset)
}

/// Extracts the article and metadata of an HTML document already decoded to text. `url_hint`
/// (for example a WARC record's target URI) is used when the page declares no canonical URL.
pub fn extract_html(html: &str, url_hint: Option<&str>) -> Page {
    let parse::Parsed {
        document,
        flattened_tags,
    } = parse::parse_document(html);
    let meta = metadata::extract(&document, url_hint);
    let text = body::extract(&document, meta.article_body.as_deref());
    let mut warnings = Vec::new();
    if flattened_tags > 0 {
        warnings.push(format!(
            "the page nests elements more than {} deep (or leaves more than {} formatting \
             elements open); {flattened_tags} tags were flattened, their text kept",
            parse::MAX_OPEN_ELEMENTS,
            parse::MAX_ACTIVE_FORMATTING
        ));
    }
    if text.trim().is_empty() {
        warnings.push(
            "no article text found in the page (home page, error page or empty page?)".to_string(),
        );
    }
    Page {
        title: meta.title,
        authors: meta.authors,
        published: meta.published,
        site: meta.site,
        url: meta.url,
        language: meta.language,
        text,
        warnings,
    }
}
