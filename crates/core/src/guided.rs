//! Guided briefs: what a focused or update brief changes beyond its summary. With a focus, the entities,
//! quotes and timeline entries that bear on it come first; in an update, quotes and timeline entries
//! that repeat what the seen articles said are left out, so the reader gets what is new.

use serde::Serialize;

use crate::document::Document;
use crate::entities::Entity;
use crate::quotations::QuoteGroup;
use crate::summary::{focus::Focus, novelty::Seen, stems::Stemmed, SummaryNote};
use crate::terms::stem_ids;
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
    let mut focus = Focus::new(question, &sentences.map(stem_ids).collect::<Vec<_>>());
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

/// Leaves out the quotes and timeline entries the seen articles had: written in them word for word
/// (quotes travel verbatim between outlets), or as similar as `repeat` (cosine) to one of their sentences;
/// returns how many of each went.
pub fn drop_seen(
    seen: &[Article],
    repeat: f32,
    quotes: &mut Vec<QuoteGroup>,
    timeline: &mut Vec<TimelineEntry>,
) -> (usize, usize) {
    let stemmed = Stemmed::new(std::iter::empty(), seen.iter().map(|a| a.text.as_str()));
    let mut index = Seen::new(stemmed.seen_sentences());
    let seen_words: String = seen
        .iter()
        .map(|a| normalised(&a.text))
        .collect::<Vec<_>>()
        .join(" | ");
    let mut had = |text: &str| {
        let words = normalised(text);
        (!words.is_empty() && seen_words.contains(&words)) || index.compare(text).closest >= repeat
    };
    let mut quotes_dropped = 0;
    for group in quotes.iter_mut() {
        let before = group.quotes.len();
        group.quotes.retain(|q| !had(&q.text));
        quotes_dropped += before - group.quotes.len();
    }
    quotes.retain(|g| !g.quotes.is_empty());
    let before = timeline.len();
    timeline.retain(|t| !had(&t.text));
    (quotes_dropped, before - timeline.len())
}

/// The lower-cased words (runs of letters and digits) of `text`, joined by single spaces, with a space
/// at both ends so that a match starts and ends at word boundaries.
fn normalised(text: &str) -> String {
    let mut out = String::from(" ");
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.extend(word.chars().flat_map(char::to_lowercase));
        out.push(' ');
    }
    if out.len() == 1 {
        out.clear();
    }
    out
}

/// A time given to `--since` / `?since=` that is neither an RFC 3339 time nor a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an RFC 3339 time or a date such as 2024-05-01T09:30:00Z or 2024-05-01")]
pub struct BadTime(pub String);

/// Splits a story's articles at `since` (an RFC 3339 time, or a date meaning its midnight UTC): those
/// published before it are the ones the reader has seen, the others (and those without a readable date)
/// are new. Returns (new, seen). When no article is new, every article is both: the update brief then
/// says that nothing is new.
pub fn split_since(
    articles: Vec<Article>,
    since: &str,
) -> Result<(Vec<Article>, Vec<Article>), BadTime> {
    let at = instant(since).ok_or_else(|| BadTime(since.to_owned()))?;
    let (seen, new): (Vec<Article>, Vec<Article>) = articles.into_iter().partition(|a| {
        a.published
            .as_deref()
            .and_then(instant)
            .is_some_and(|p| p < at)
    });
    if new.is_empty() {
        return Ok((seen.clone(), seen));
    }
    Ok((new, seen))
}

/// A time as seconds since the epoch: RFC 3339, or a date (its midnight UTC).
fn instant(text: &str) -> Option<i64> {
    let text = text.trim();
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(t.timestamp());
    }
    let date: chrono::NaiveDate = text.get(..10)?.parse().ok()?;
    Some(date.and_hms_opt(0, 0, 0)?.and_utc().timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(id: &str, published: Option<&str>) -> Article {
        Article {
            published: published.map(str::to_owned),
            ..Article::new(id, "Text.")
        }
    }

    #[test]
    fn articles_before_the_time_are_seen() {
        let articles = vec![
            dated("a", Some("2017-03-01T10:00:00Z")),
            dated("b", Some("2017-03-02")),
            dated("c", None),
            dated("d", Some("2017-03-02T12:00:00+02:00")),
        ];
        let (new, seen) = split_since(articles.clone(), "2017-03-02T09:00:00Z").unwrap();
        let ids = |v: &[Article]| v.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&seen), ["a", "b"]);
        assert_eq!(ids(&new), ["c", "d"]);
        let (new, seen) = split_since(articles.clone(), "2017-03-02").unwrap();
        assert_eq!((ids(&seen), ids(&new).len()), (vec!["a".to_owned()], 3));
        assert!(split_since(articles, "yesterday").is_err());
    }

    #[test]
    fn nothing_after_the_time_means_all_seen() {
        let articles = vec![dated("a", Some("2017-03-01"))];
        let (new, seen) = split_since(articles, "2020-01-01").unwrap();
        assert_eq!((new.len(), seen.len()), (1, 1));
    }
}
