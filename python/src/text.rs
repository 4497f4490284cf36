//! The article-level functions: `extract` (HTML to article text and metadata), `entities` (named
//! entities), `quotes` (direct quotes and speakers) and `timex` (time expressions). Spans are byte
//! offsets into the text given.

use std::sync::OnceLock;

use newsbrief_ner::{Mention, Tagger};
use newsbrief_quotes::NameSpan;
use newsbrief_timex::{Anchor, NaiveDate, Timex};
use pyo3::prelude::*;
use serde::Serialize;

use crate::error;

/// The committed tagger, decoded once per process.
fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(Tagger::default)
}

/// An HTML page (text) or a saved page's bytes (HTML, gzip or WARC; charset detected): the first
/// article found, as `{"title", "authors", "published", "site", "url", "language", "text", "warnings"}`.
#[pyfunction]
#[pyo3(signature = (html=None, data=None, *, url=None))]
pub(crate) fn extract_json(
    py: Python<'_>,
    html: Option<&str>,
    data: Option<&[u8]>,
    url: Option<&str>,
) -> PyResult<String> {
    py.detach(|| -> Result<String, String> {
        let page = match (html, data) {
            (Some(html), _) => newsbrief_extract::extract_html(html, url),
            (None, Some(bytes)) => {
                let mut pages = newsbrief_extract::read_document(bytes, "page.html")
                    .map_err(|e| e.to_string())?;
                let mut page = pages.swap_remove(0);
                if page.url.is_none() {
                    page.url = url.map(str::to_owned);
                }
                page
            }
            (None, None) => return Err("nothing to extract".to_owned()),
        };
        serde_json::to_string(&page).map_err(|e| e.to_string())
    })
    .map_err(error)
}

/// One named-entity mention.
#[derive(Serialize)]
struct Entity<'a> {
    text: &'a str,
    kind: newsbrief_ner::EntityKind,
    start: usize,
    end: usize,
}

/// The named entities of a text, in text order.
#[pyfunction]
pub(crate) fn entities_json(py: Python<'_>, text: &str) -> PyResult<String> {
    py.detach(|| -> Result<String, String> {
        let mentions = tagger().entities(text);
        let out: Vec<Entity> = mentions
            .iter()
            .map(|m| Entity {
                text: m.text(text),
                kind: m.kind,
                start: m.start,
                end: m.end,
            })
            .collect();
        serde_json::to_string(&out).map_err(|e| e.to_string())
    })
    .map_err(error)
}

/// The direct quotes of a text, their cues and speakers (speakers resolved against the entities the
/// tagger finds, as in a brief).
#[pyfunction]
pub(crate) fn quotes_json(py: Python<'_>, text: &str) -> PyResult<String> {
    py.detach(|| -> Result<String, String> {
        let mentions: Vec<Mention> = tagger().entities(text);
        let names: Vec<NameSpan> = mentions.iter().map(NameSpan::from).collect();
        let quotes = newsbrief_quotes::extract(text, &names);
        serde_json::to_string(&quotes).map_err(|e| e.to_string())
    })
    .map_err(error)
}

/// One time expression, TIMEX3 style.
#[derive(Serialize)]
struct TimexOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    precision: Option<&'static str>,
    modifier: Option<&'static str>,
    anchored_on_inferred: bool,
}

impl<'a> From<&'a Timex> for TimexOut<'a> {
    fn from(t: &'a Timex) -> Self {
        TimexOut {
            text: &t.text,
            start: t.start,
            end: t.end,
            kind: t.kind.as_str(),
            value: &t.value,
            precision: t.precision.map(|p| p.as_str()),
            modifier: t.modifier,
            anchored_on_inferred: t.anchored_on_inferred,
        }
    }
}

/// The time expressions of a text, relative ones resolved against `date` (`YYYY-MM-DD`), or against
/// the date inferred from the text when none is given.
#[pyfunction]
#[pyo3(signature = (text, date=None))]
pub(crate) fn timex_json(py: Python<'_>, text: &str, date: Option<&str>) -> PyResult<String> {
    let anchor = match date {
        Some(d) => Anchor::known(
            d.trim()
                .parse::<NaiveDate>()
                .map_err(|e| error(format!("date {d:?} is not YYYY-MM-DD: {e}")))?,
        ),
        None => Anchor::known_or_inferred(None, text),
    };
    py.detach(|| -> Result<String, String> {
        let found = newsbrief_timex::annotate(text, anchor);
        let out: Vec<TimexOut> = found.iter().map(TimexOut::from).collect();
        serde_json::to_string(&out).map_err(|e| e.to_string())
    })
    .map_err(error)
}
