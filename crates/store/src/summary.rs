//! Story rows: a story's running summary (article and source counts, outlets, first and last seen),
//! updated article by article in the same way by every store.

use std::collections::btree_map::{BTreeMap, Entry};

use newsbrief_core::Article;
use newsbrief_stream::profile::parse_time;
use newsbrief_stream::StoryId;

use crate::{StoreError, StorySummary};

/// A `published` value as given, with its time when it reads as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Seen {
    pub text: String,
    /// Seconds since 1970.
    pub time: Option<i64>,
}

impl Seen {
    pub(crate) fn new(text: String) -> Seen {
        let time = parse_time(&text);
        Seen { text, time }
    }

    /// Whether `self` is earlier than `other`: times compare as times; a readable time comes before
    /// an unreadable one; unreadable ones compare as text.
    fn earlier(&self, other: &Seen) -> bool {
        match (self.time, other.time) {
            (Some(a), Some(b)) => a < b,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => self.text < other.text,
        }
    }

    /// Whether `self` is later than `other` (a readable time wins over an unreadable one).
    fn later(&self, other: &Seen) -> bool {
        match (self.time, other.time) {
            (Some(a), Some(b)) => a > b,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => self.text > other.text,
        }
    }
}

/// The stories one batch of articles touches: each loaded once, given its new articles, and its version
/// raised once (every store writes a batch this way).
#[derive(Default)]
pub(crate) struct Touched(BTreeMap<u64, StoryRow>);

impl Touched {
    /// Gives `article` (stored as `seq`) to its story, loading the story with `load` the first time.
    pub(crate) fn take(
        &mut self,
        story: u64,
        article: &Article,
        seq: u64,
        copy: bool,
        load: impl FnOnce(u64) -> Result<Option<StoryRow>, StoreError>,
    ) -> Result<(), StoreError> {
        let row = match self.0.entry(story) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(load(story)?.unwrap_or_else(|| StoryRow::new(story))),
        };
        row.take(article, seq, copy);
        Ok(())
    }

    /// The touched stories, each with its version raised, to save.
    pub(crate) fn into_rows(self) -> impl Iterator<Item = StoryRow> {
        self.0.into_values().map(|mut row| {
            row.version += 1;
            row
        })
    }
}

/// One story's summary as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoryRow {
    pub id: u64,
    pub title: Option<String>,
    pub articles: u64,
    pub sources: u64,
    pub outlets: Vec<String>,
    pub first: Option<Seen>,
    pub last: Option<Seen>,
    /// Sequence number of its latest article.
    pub updated: u64,
    /// Goes up with every ingest batch that changes the story (the key of its cached briefs).
    pub version: u64,
}

impl StoryRow {
    /// A story with no articles yet.
    pub(crate) fn new(id: u64) -> StoryRow {
        StoryRow {
            id,
            title: None,
            articles: 0,
            sources: 0,
            outlets: Vec::new(),
            first: None,
            last: None,
            updated: 0,
            version: 0,
        }
    }

    /// Takes in the article stored as `seq`; `copy` when it is a copy of another article.
    pub(crate) fn take(&mut self, article: &Article, seq: u64, copy: bool) {
        self.articles += 1;
        if !copy {
            self.sources += 1;
        }
        if self.title.is_none() {
            self.title = non_empty(article.title.as_deref()).or_else(|| headline(&article.text));
        }
        if let Some(outlet) = non_empty(article.outlet.as_deref()) {
            if !self.outlets.contains(&outlet) {
                self.outlets.push(outlet);
            }
        }
        if let Some(published) = non_empty(article.published.as_deref()) {
            let seen = Seen::new(published);
            if self.first.as_ref().is_none_or(|f| seen.earlier(f)) {
                self.first = Some(seen.clone());
            }
            if self.last.as_ref().is_none_or(|l| seen.later(l)) {
                self.last = Some(seen);
            }
        }
        self.updated = self.updated.max(seq);
    }

    /// The story as listings show it.
    pub(crate) fn summary(&self) -> StorySummary {
        StorySummary {
            id: StoryId(self.id).to_string(),
            title: self.title.clone(),
            articles: self.articles as usize,
            sources: self.sources as usize,
            outlets: self.outlets.clone(),
            first_seen: self.first.as_ref().map(|s| s.text.clone()),
            last_seen: self.last.as_ref().map(|s| s.text.clone()),
            updated: self.updated,
        }
    }
}

/// The headline an untitled article opens with, when its first kept line reads as one: 3 to 25 words, and
/// not a publication stamp ("Published on Feb 23, 2016").
fn headline(text: &str) -> Option<String> {
    let cleaned = newsbrief_core::clean::clean(text);
    let first = cleaned.blocks.first()?;
    let line = text[first.range.clone()].trim();
    let words = line.split_whitespace().count();
    let stamp = ["published", "updated", "posted", "last updated"]
        .iter()
        .any(|p| line.to_lowercase().starts_with(p));
    (first.kind == newsbrief_core::clean::BlockKind::Headline
        && (3..=25).contains(&words)
        && !stamp)
        .then(|| line.to_owned())
}

/// The value trimmed, when anything is left.
fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(title: Option<&str>, outlet: &str, published: &str) -> Article {
        Article {
            title: title.map(str::to_owned),
            outlet: Some(outlet.to_owned()),
            published: Some(published.to_owned()),
            ..Article::new("a", "")
        }
    }

    #[test]
    fn an_untitled_story_takes_the_headline_its_article_opens_with() {
        let mut untitled = StoryRow::new(2);
        let mut a = article(None, "Outlet", "2020-01-01");
        a.text =
            "Storm closes the coast road\n\nThe coast road was closed on Monday after a storm \
            brought down trees and power lines along a ten-mile stretch, officials said."
                .into();
        untitled.take(&a, 1, false);
        assert_eq!(
            untitled.title.as_deref(),
            Some("Storm closes the coast road")
        );
    }

    #[test]
    fn counts_outlets_and_times() {
        let mut row = StoryRow::new(3);
        row.take(&article(None, "AP", "2024-03-02"), 1, false);
        row.take(
            &article(Some("Headline"), "BBC", "2024-03-01T10:00:00Z"),
            2,
            false,
        );
        row.take(
            &article(Some("Later"), "AP", "2024-03-05T00:00:00+02:00"),
            5,
            true,
        );
        row.take(&article(None, "AP", "someday"), 6, false);
        let s = row.summary();
        assert_eq!(s.id, "s3");
        assert_eq!(s.title.as_deref(), Some("Headline"));
        assert_eq!((s.articles, s.sources), (4, 3));
        assert_eq!(s.outlets, ["AP", "BBC"]);
        assert_eq!(s.first_seen.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(s.last_seen.as_deref(), Some("2024-03-05T00:00:00+02:00"));
        assert_eq!(s.updated, 6);
    }
}
