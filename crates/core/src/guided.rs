//! Guided briefs: what a focused or update brief changes beyond its summary. With a focus, the entities,
//! quotes and timeline entries that bear on it come first; in an update, quotes and timeline entries
//! that repeat what the seen articles said are left out, so the reader gets what is new.

use serde::Serialize;

use crate::document::Document;
use crate::entities::Entity;
use crate::quotations::QuoteGroup;
use crate::summary::{focus::Focus, novelty::Seen, SummaryNote};
use crate::timeline::TimelineEntry;
use crate::Article;

/// What an update brief was built against.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Update {
    /// The articles the reader had seen.
    pub seen: Vec<SeenArticle>,
    /// Quotes of the new articles left out because the seen ones had them.
    pub quotes_already_seen: usize,
    /// Timeline entries left out because the seen articles had them.
    pub timeline_already_seen: usize,
}

/// An article the reader had seen.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeenArticle {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
}

/// A note on a focused or update brief, for the reader.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefNote {
    pub kind: SummaryNote,
    pub message: String,
}

impl From<SummaryNote> for BriefNote {
    fn from(kind: SummaryNote) -> Self {
        BriefNote {
            kind,
            message: kind.message().to_owned(),
        }
    }
}

/// Puts the entities, quote groups (and their quotes) and timeline entries that bear on `question`
/// first, keeping the brief's order among equals; the timeline stays oldest first within the entries
/// that bear on the question and within those that do not.
pub fn rank(
    question: &str,
    articles: &[Article],
    docs: &[Document],
    entities: &mut [Entity],
    quotes: &mut [QuoteGroup],
    timeline: &mut [TimelineEntry],
) {
    let sentences = articles
        .iter()
        .zip(docs)
        .flat_map(|(a, d)| d.prose().map(|s| &a.text[s.range.clone()]));
    let mut focus = Focus::new(question, sentences);
    let mut most_relevant_first = |text: &str| std::cmp::Reverse(ordered(focus.relevance(text)));
    entities.sort_by_cached_key(|e| {
        let mut names = e.name.clone();
        for a in &e.aliases {
            names.push(' ');
            names.push_str(&a.text);
        }
        most_relevant_first(&names)
    });
    for group in quotes.iter_mut() {
        group
            .quotes
            .sort_by_cached_key(|q| most_relevant_first(&q.text));
    }
    quotes.sort_by_cached_key(|g| {
        let texts: Vec<&str> = g.quotes.iter().map(|q| q.text.as_str()).collect();
        most_relevant_first(&format!("{} {}", g.speaker, texts.join(" ")))
    });
    timeline.sort_by_cached_key(|t| focus.relevance(&t.text) <= 0.0);
}

/// A relevance as an integer key (relevances are 0–1; ties within 1e-6 keep their order).
fn ordered(relevance: f32) -> i64 {
    (relevance * 1e6).round() as i64
}

/// Leaves out the quotes and timeline entries that repeat a sentence of `seen` (cosine at least
/// `repeat`); returns how many of each went.
pub fn drop_seen(
    seen: &[Article],
    repeat: f32,
    quotes: &mut Vec<QuoteGroup>,
    timeline: &mut Vec<TimelineEntry>,
) -> (usize, usize) {
    let mut index = Seen::new(seen.iter().map(|a| a.text.as_str()));
    let mut quotes_dropped = 0;
    for group in quotes.iter_mut() {
        let before = group.quotes.len();
        group
            .quotes
            .retain(|q| index.compare(&q.text).closest < repeat);
        quotes_dropped += before - group.quotes.len();
    }
    quotes.retain(|g| !g.quotes.is_empty());
    let before = timeline.len();
    timeline.retain(|t| index.compare(&t.text).closest < repeat);
    (quotes_dropped, before - timeline.len())
}
