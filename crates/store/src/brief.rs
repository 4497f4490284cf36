//! Brief: a story's brief built over its articles with `newsbrief_core::build_brief` and rendered in one of
//! the formats the store caches.

use newsbrief_core::{build_brief_cancellable, render, Article, BriefError, BriefOptions, Cancel};

use crate::StoreError;

/// A rendering of a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Markdown,
    Json,
    Text,
}

impl Format {
    /// Reads "md" (or "markdown"), "json", "text" (or "txt").
    pub(crate) fn parse(name: &str) -> Result<Format, StoreError> {
        match name.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "text" | "txt" => Ok(Format::Text),
            _ => Err(StoreError::Invalid(format!(
                "unknown brief format `{name}` (expected md, json or text)"
            ))),
        }
    }

    /// The key the cache keeps it under: the format and the engine's version ("md@0.1.0"), so that a
    /// brief cached by another version of newsbrief is built again, not served.
    pub(crate) fn cache_key(self) -> &'static str {
        match self {
            Format::Markdown => concat!("md@", env!("CARGO_PKG_VERSION")),
            Format::Json => concat!("json@", env!("CARGO_PKG_VERSION")),
            Format::Text => concat!("text@", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Keys of this format cached by any version (`md`, from before versions were kept, and `md@%`).
    pub(crate) fn any_version(self) -> (&'static str, &'static str) {
        match self {
            Format::Markdown => ("md", "md@%"),
            Format::Json => ("json", "json@%"),
            Format::Text => ("text", "text@%"),
        }
    }
}

/// The brief of the story told by `articles`, rendered; [`StoreError::Cancelled`] once `cancel` is given.
pub(crate) fn render(
    articles: &[Article],
    format: Format,
    cancel: &Cancel,
) -> Result<String, StoreError> {
    let brief = build_brief_cancellable(articles, &BriefOptions::default(), cancel).map_err(
        |e| match e {
            BriefError::Cancelled => StoreError::Cancelled,
            other => StoreError::Brief(other.to_string()),
        },
    )?;
    Ok(match format {
        Format::Markdown => render::markdown(&brief),
        Format::Json => render::json(&brief),
        Format::Text => render::text(&brief),
    })
}
