//! Memory store: what listings need, kept in memory — per-story summaries, and for each of the last
//! [`REMEMBERED`] articles its id, story and original (no texts, so no briefs), so that a repeated id or text
//! is recognised. Exact copies are recognised by two independent 64-bit hashes of the text instead of the
//! text itself. Older articles are forgotten, so memory does not grow with the stream's length (a
//! database, `--db`, remembers every article).

use std::collections::{HashMap, VecDeque};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use newsbrief_core::{Article, Cancel};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::brief::Format;
use crate::sqlite::{not_found, parse_since};
use crate::store::{outcome, NewArticle, Original, ReplayRow, Store, Stored};
use crate::summary::StoryRow;
use crate::{Order, Outcome, Since, StoreError, StoryQuery, StorySummary};

/// Articles remembered for recognising repeats (about 150 bytes each).
const REMEMBERED: usize = 500_000;

/// One article seen.
struct Entry {
    id: Arc<str>,
    story: u64,
    duplicate_of: Option<Arc<str>>,
    /// The key of its text in [`MemoryStore::texts`], when it holds one.
    text: Option<(u64, u64)>,
}

/// A store in memory, bounded by the stories and the articles remembered.
pub(crate) struct MemoryStore {
    /// How many articles are remembered ([`REMEMBERED`]).
    remembered: usize,
    /// The last `remembered` articles in arrival order; the first is article `forgotten` (its sequence
    /// number − 1).
    entries: VecDeque<Entry>,
    forgotten: usize,
    ids: HashMap<Arc<str>, usize>,
    /// (text hash, second hash) → the article holding that text.
    texts: FxHashMap<(u64, u64), usize>,
    stories: FxHashMap<u64, StoryRow>,
}

/// A second hash of a text, independent of the store's `text_hash`.
fn second_hash(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl Default for MemoryStore {
    fn default() -> MemoryStore {
        MemoryStore::remembering(REMEMBERED)
    }
}

impl MemoryStore {
    /// A store that remembers the last `remembered` articles.
    fn remembering(remembered: usize) -> MemoryStore {
        MemoryStore {
            remembered,
            entries: VecDeque::new(),
            forgotten: 0,
            ids: HashMap::new(),
            texts: FxHashMap::default(),
            stories: FxHashMap::default(),
        }
    }

    /// Forgets the oldest article remembered.
    fn forget_oldest(&mut self) {
        let Some(old) = self.entries.pop_front() else {
            return;
        };
        let index = self.forgotten;
        self.forgotten += 1;
        if self.ids.get(&old.id) == Some(&index) {
            self.ids.remove(&old.id);
        }
        if let Some(key) = old.text {
            if self.texts.get(&key) == Some(&index) {
                self.texts.remove(&key);
            }
        }
    }

    fn id_arc(&self, id: &str) -> Arc<str> {
        self.ids
            .get_key_value(id)
            .map_or_else(|| Arc::from(id), |(k, _)| Arc::clone(k))
    }
}

impl Store for MemoryStore {
    fn cursor(&self) -> u64 {
        (self.forgotten + self.entries.len()) as u64
    }

    fn persistent(&self) -> bool {
        false
    }

    fn begin(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        Ok(())
    }

    fn rollback(&mut self) {}

    fn find_id(&mut self, id: &str) -> Result<Option<Stored>, StoreError> {
        Ok(self.ids.get(id).map(|&i| {
            let e = &self.entries[i - self.forgotten];
            Stored {
                story: e.story,
                duplicate_of: e.duplicate_of.as_deref().map(str::to_owned),
            }
        }))
    }

    fn find_text(&mut self, text_hash: u64, text: &str) -> Result<Option<Original>, StoreError> {
        Ok(self.texts.get(&(text_hash, second_hash(text))).map(|&i| {
            let e = &self.entries[i - self.forgotten];
            Original {
                id: e.id.to_string(),
                story: e.story,
                duplicate_of: e.duplicate_of.as_deref().map(str::to_owned),
            }
        }))
    }

    fn insert(&mut self, rows: &[NewArticle<'_>]) -> Result<(), StoreError> {
        for r in rows {
            let index = self.forgotten + self.entries.len();
            let id: Arc<str> = Arc::from(r.article.id.as_str());
            let duplicate_of = r.duplicate_of.map(|d| self.id_arc(d));
            self.ids.insert(Arc::clone(&id), index);
            let mut text_key = None;
            if r.text_of.is_none() {
                let text = r.article.text.trim();
                if !text.is_empty() {
                    let key = (r.text_hash, second_hash(text));
                    if let std::collections::hash_map::Entry::Vacant(slot) = self.texts.entry(key) {
                        slot.insert(index);
                        text_key = Some(key);
                    }
                }
            }
            self.entries.push_back(Entry {
                id,
                story: r.story,
                duplicate_of,
                text: text_key,
            });
            if self.entries.len() > self.remembered {
                self.forget_oldest();
            }
            self.stories
                .entry(r.story)
                .or_insert_with(|| StoryRow::new(r.story))
                .take(r.article, r.seq, r.duplicate_of.is_some());
        }
        Ok(())
    }

    fn snapshot_seq(&self) -> Result<u64, StoreError> {
        Ok(0)
    }

    fn latest_snapshot(&self) -> Result<Option<(u64, Vec<u8>)>, StoreError> {
        Ok(None)
    }

    fn save_snapshot(&mut self, _covers_seq: u64, _bytes: &[u8]) -> Result<(), StoreError> {
        Ok(())
    }

    fn replay(
        &self,
        _after: u64,
        _chunk: usize,
        _each: &mut dyn FnMut(Vec<ReplayRow>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    fn stories(&self, query: &StoryQuery, order: Order) -> Result<Vec<StorySummary>, StoreError> {
        let keep: Box<dyn Fn(&StoryRow) -> bool> = match &query.since {
            None => Box::new(|_| true),
            Some(Since::Cursor(n)) => {
                let n = *n;
                Box::new(move |s| s.updated > n)
            }
            Some(Since::Time(t)) => {
                let t = parse_since(t)?;
                Box::new(move |s| s.last.as_ref().and_then(|l| l.time).is_some_and(|l| l >= t))
            }
        };
        let mut rows: Vec<&StoryRow> = self.stories.values().filter(|s| keep(s)).collect();
        match order {
            Order::Biggest => rows.sort_unstable_by(|a, b| {
                (b.sources, b.updated, a.id).cmp(&(a.sources, a.updated, b.id))
            }),
            Order::MostActive => {
                rows.sort_unstable_by(|a, b| (b.updated, a.id).cmp(&(a.updated, b.id)))
            }
        }
        rows.truncate(query.limit.unwrap_or(usize::MAX));
        Ok(rows.into_iter().map(StoryRow::summary).collect())
    }

    fn story(&self, id: u64) -> Result<Option<StorySummary>, StoreError> {
        Ok(self.stories.get(&id).map(StoryRow::summary))
    }

    fn story_articles(&self, id: u64) -> Result<Vec<Article>, StoreError> {
        if !self.stories.contains_key(&id) {
            return Err(not_found(id));
        }
        Err(StoreError::NeedsDatabase)
    }

    fn brief(&mut self, id: u64, _format: Format, _cancel: &Cancel) -> Result<String, StoreError> {
        self.story_articles(id).map(|_| String::new())
    }

    fn assignments(&self) -> Result<Vec<Outcome>, StoreError> {
        let mut seen = FxHashSet::default();
        Ok(self
            .entries
            .iter()
            .map(|e| {
                let dup = e.duplicate_of.as_deref().map(str::to_owned);
                outcome(e.id.to_string(), e.story, dup, &mut seen)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(article: &Article, seq: u64) -> NewArticle<'_> {
        NewArticle {
            article,
            seq,
            text_hash: newsbrief_core::terms::stable_hash(article.text.trim().as_bytes()),
            story: seq,
            duplicate_of: None,
            text_of: None,
        }
    }

    #[test]
    fn forgets_the_oldest_articles_but_not_the_stories() {
        let mut store = MemoryStore::remembering(2);
        let articles: Vec<Article> = (0..3)
            .map(|i| Article::new(format!("a{i}"), format!("text {i}")))
            .collect();
        let rows: Vec<NewArticle> = articles.iter().zip(1..).map(|(a, s)| row(a, s)).collect();
        store.insert(&rows).unwrap();
        assert_eq!(store.cursor(), 3);
        assert!(store.find_id("a0").unwrap().is_none());
        assert_eq!(store.find_id("a2").unwrap().map(|s| s.story), Some(3));
        let hash = rows[1].text_hash;
        assert!(store.find_text(hash, "text 1").unwrap().is_some());
        assert!(store
            .find_text(rows[0].text_hash, "text 0")
            .unwrap()
            .is_none());
        assert_eq!(store.assignments().unwrap().len(), 2);
        assert_eq!(
            store
                .stories(&StoryQuery::default(), Order::Biggest)
                .unwrap()
                .len(),
            3
        );
    }
}
