//! Ingest: the detector and a store together — turns arriving articles into stored stories.
//!
//! A batch goes in three steps: a sequential look-up of what is already known (ids stored before,
//! texts stored before: exact copies skip the detector), the profiles of the new articles on all cores,
//! then the detector's decisions in arrival order, written with the articles in one transaction. The
//! detector's state is saved every [`SNAPSHOT_EVERY`] articles and at [`Ingest::checkpoint`]; a store
//! opened again restores it from the latest snapshot and replays the articles stored after it (checking
//! that each gets the story stored), so a killed ingest run again ends as an uninterrupted one.

use std::path::Path;
use std::str::FromStr;

use newsbrief_core::terms::stable_hash;
use newsbrief_core::{Article, Cancel};
use newsbrief_stream::profile::is_furniture;
use newsbrief_stream::{Detector, Profile, Settings, StoryId};
use rustc_hash::FxHashMap;

use crate::brief::Format;
use crate::memory::MemoryStore;
use crate::pipeline;
use crate::postgres::PostgresStore;
use crate::sqlite::SqliteStore;
use crate::store::{NewArticle, Original, ReplayRow, Store, Stored};
use crate::{Order, Outcome, StoreError, StoryQuery, StorySummary};

/// Articles between saved detector states during an ingest (a reopened store replays at most this many).
pub(crate) const SNAPSHOT_EVERY: u64 = 20_000;
/// Articles profiled together during a replay.
const REPLAY_CHUNK: usize = 2_048;

/// A detector and a store together: everything that turns arriving articles into stored stories.
pub struct Ingest {
    store: Box<dyn Store>,
    /// The detector, once restored (a store opened only to be read never restores it).
    detector: Option<Detector>,
    /// The sequence number the latest saved detector state covers.
    snapshot_seq: u64,
}

/// What the look-up step found for one article of a batch.
enum Known {
    /// New: goes to the detector.
    New,
    /// The id was stored before.
    Stored(Stored),
    /// The id came earlier in this batch (at this index).
    Repeat(usize),
    /// The same text was stored before under another id.
    CopyOfStored(Original),
    /// The same text came earlier in this batch (at this index) under another id.
    Copy(usize),
}

/// Where one article of a batch went.
struct Placed {
    story: u64,
    duplicate_of: Option<String>,
    new_story: bool,
    repeated: bool,
    /// For an exact copy, the article holding its text.
    text_of: Option<String>,
}

impl Ingest {
    fn with_store(store: Box<dyn Store>, detector: Option<Detector>) -> Result<Ingest, StoreError> {
        Ok(Ingest {
            snapshot_seq: store.snapshot_seq()?,
            store,
            detector,
        })
    }

    /// An ingest backed by an SQLite file (created and migrated as needed). The detector is restored
    /// from the latest snapshot plus a replay of the articles stored after it when first needed (the
    /// first `add` or `checkpoint`), so opening a database only to read it is quick.
    pub fn open_sqlite(path: &Path) -> Result<Ingest, StoreError> {
        Ingest::with_store(Box::new(SqliteStore::open(path)?), None)
    }

    /// An ingest backed by a PostgreSQL database (`postgres://user@host:port/db`), its schema created and
    /// migrated as needed; the detector is restored as for [`Ingest::open_sqlite`].
    pub fn open_postgres(url: &str) -> Result<Ingest, StoreError> {
        Ingest::with_store(Box::new(PostgresStore::open(url)?), None)
    }

    /// An ingest backed by the store a URL names: `postgres://…` (or `postgresql://…`), or
    /// `sqlite://PATH` (also a bare path) for an SQLite file.
    pub fn open(store: &str) -> Result<Ingest, StoreError> {
        if store.starts_with("postgres://") || store.starts_with("postgresql://") {
            return Ingest::open_postgres(store);
        }
        let path = store.strip_prefix("sqlite://").unwrap_or(store);
        if path.is_empty() || path.contains("://") {
            return Err(StoreError::Invalid(format!(
                "`{store}` names no store (expected postgres://USER@HOST/DB or sqlite://PATH)"
            )));
        }
        Ingest::open_sqlite(Path::new(path))
    }

    /// An ingest that keeps only what listings need in memory (no article texts: no briefs). It remembers the
    /// last 500,000 articles for recognising repeated ids and texts (and for [`Ingest::assignments`]), so
    /// its memory is bounded by that and by the open stories, not by the stream's length.
    pub fn in_memory() -> Ingest {
        Ingest {
            store: Box::<MemoryStore>::default(),
            detector: Some(Detector::new(Settings::default())),
            snapshot_seq: 0,
        }
    }

    /// An ingest over an in-memory SQLite database (keeps texts, gives briefs; for the server without
    /// `--db` and tests).
    pub fn sqlite_in_memory() -> Result<Ingest, StoreError> {
        Ingest::with_store(Box::new(SqliteStore::in_memory()?), None)
    }

    /// Takes the articles, in order, in one transaction; one Outcome per article, in order. Profiles are
    /// computed on all cores; the story decisions in order.
    pub fn add(&mut self, articles: &[Article]) -> Result<Vec<Outcome>, StoreError> {
        self.add_with(articles, None)
    }

    /// [`Ingest::add`] with each article's profile computed already (by another process: the workers of a
    /// cluster profile articles in parallel, one of them decides their stories in order). `profiles[i]`
    /// must be `Profile::of(&articles[i])`; the outcome is then the same as `add`'s.
    pub fn add_profiled(
        &mut self,
        articles: &[Article],
        profiles: &[Profile],
    ) -> Result<Vec<Outcome>, StoreError> {
        if profiles.len() != articles.len() {
            return Err(StoreError::Invalid(format!(
                "{} profiles for {} articles",
                profiles.len(),
                articles.len()
            )));
        }
        self.add_with(articles, Some(profiles))
    }

    fn add_with(
        &mut self,
        articles: &[Article],
        profiles: Option<&[Profile]>,
    ) -> Result<Vec<Outcome>, StoreError> {
        if articles.is_empty() {
            return Ok(Vec::new());
        }
        self.restore()?;
        self.store.begin()?;
        let result = self.add_within(articles, profiles).and_then(|outcomes| {
            self.store.commit()?;
            Ok(outcomes)
        });
        if result.is_err() {
            self.store.rollback();
            if self.store.persistent() {
                // The detector may have taken articles that were not stored: restore it from the store.
                self.detector = None;
            }
        }
        result
    }

    /// Saves the detector's state (call at the end of an ingest; `add` also does every 20,000 articles).
    pub fn checkpoint(&mut self) -> Result<(), StoreError> {
        if !self.store.persistent() || self.store.cursor() == self.snapshot_seq {
            return Ok(());
        }
        self.restore()?;
        let Some(detector) = &self.detector else {
            return Ok(());
        };
        let bytes = detector.snapshot();
        let covers = self.store.cursor();
        self.store.begin()?;
        let saved = self
            .store
            .save_snapshot(covers, &bytes)
            .and_then(|()| self.store.commit());
        match saved {
            Ok(()) => {
                self.snapshot_seq = covers;
                Ok(())
            }
            Err(e) => {
                self.store.rollback();
                Err(e)
            }
        }
    }

    /// The stories, filtered and ordered as asked.
    pub fn stories(
        &self,
        query: &StoryQuery,
        order: Order,
    ) -> Result<Vec<StorySummary>, StoreError> {
        self.store.stories(query, order)
    }

    /// One story (`NotFound` when there is no such story).
    pub fn story(&self, id: &str) -> Result<StorySummary, StoreError> {
        let key = story_key(id)?;
        self.store
            .story(key)?
            .ok_or_else(|| crate::sqlite::not_found(key))
    }

    /// The story's articles in arrival order, copies included.
    pub fn story_articles(&self, id: &str) -> Result<Vec<Article>, StoreError> {
        let key = story_key(id)?;
        if self.store.story(key)?.is_none() {
            return Err(crate::sqlite::not_found(key));
        }
        self.store.story_articles(key)
    }

    /// The story's brief rendered as `format` ("md" | "json" | "text"), cached in the store and rebuilt
    /// only when the story has changed since. `NeedsDatabase` for [`Ingest::in_memory`].
    pub fn brief(&mut self, id: &str, format: &str) -> Result<String, StoreError> {
        self.brief_cancellable(id, format, &Cancel::new())
    }

    /// [`Ingest::brief`], stopping with [`StoreError::Cancelled`] soon after `cancel` is given (a server
    /// whose time limit passed); a cancelled brief is not cached.
    pub fn brief_cancellable(
        &mut self,
        id: &str,
        format: &str,
        cancel: &Cancel,
    ) -> Result<String, StoreError> {
        let format = Format::parse(format)?;
        self.store.brief(story_key(id)?, format, cancel)
    }

    /// Every stored article's (id, story, duplicate_of), in arrival order; `new_story` marks the first
    /// article of each story.
    pub fn assignments(&self) -> Result<Vec<Outcome>, StoreError> {
        self.store.assignments()
    }

    /// The highest sequence number stored (the polling cursor).
    pub fn cursor(&self) -> u64 {
        self.store.cursor()
    }

    /// Restores the detector, when it is not there, from the latest snapshot and a replay of the
    /// articles stored after it.
    fn restore(&mut self) -> Result<(), StoreError> {
        if self.detector.is_some() {
            return Ok(());
        }
        if !self.store.persistent() && self.store.cursor() > 0 {
            return Err(StoreError::Conflict(
                "the in-memory detector was lost after an earlier error".into(),
            ));
        }
        let (covers, mut detector) = match self.store.latest_snapshot()? {
            None => (0, Detector::new(Settings::default())),
            Some((covers, bytes)) => {
                let detector = Detector::restore(&bytes).map_err(|e| {
                    StoreError::Snapshot(format!(
                        "the snapshot covering articles 1..={covers} ({} bytes) cannot be read — \
                         damaged, or written by another version of newsbrief ({e}); ingest again \
                         into a new database",
                        bytes.len()
                    ))
                })?;
                (covers, detector)
            }
        };
        if covers > self.store.cursor() {
            return Err(StoreError::Snapshot(format!(
                "the snapshot covers articles up to #{covers} but only {} are stored",
                self.store.cursor()
            )));
        }
        self.store.replay(covers, REPLAY_CHUNK, &mut |rows| {
            replay(&mut detector, rows)
        })?;
        self.detector = Some(detector);
        self.snapshot_seq = covers;
        Ok(())
    }

    /// The batch's look-ups, decisions and writes, inside the open transaction.
    fn add_within(
        &mut self,
        articles: &[Article],
        profiles: Option<&[Profile]>,
    ) -> Result<Vec<Outcome>, StoreError> {
        let (known, hashes) = self.look_up(articles)?;
        let detector = self
            .detector
            .as_mut()
            .ok_or_else(|| StoreError::Conflict("the detector is not restored".into()))?;
        let is_new: Vec<bool> = known.iter().map(|k| matches!(k, Known::New)).collect();
        let new: Vec<&Article> = articles
            .iter()
            .zip(&is_new)
            .filter(|(_, &n)| n)
            .map(|(a, _)| a)
            .collect();
        let decisions = match profiles {
            None => pipeline::decide(detector, &new),
            Some(profiles) => new
                .iter()
                .zip(profiles.iter().zip(&is_new).filter(|(_, &n)| n))
                .map(|(a, (p, _))| detector.assign(&a.id, p))
                .collect(),
        };
        let mut decisions = decisions.into_iter();
        let mut placed: Vec<Placed> = Vec::with_capacity(articles.len());
        for known in known {
            let p = match known {
                Known::New => {
                    let d = decisions.next().ok_or_else(|| {
                        StoreError::Conflict(
                            "the detector gave fewer decisions than articles".into(),
                        )
                    })?;
                    Placed {
                        story: d.story.0,
                        duplicate_of: d.duplicate_of,
                        new_story: d.new_story,
                        repeated: false,
                        text_of: None,
                    }
                }
                Known::Stored(s) => Placed {
                    story: s.story,
                    duplicate_of: s.duplicate_of,
                    new_story: false,
                    repeated: true,
                    text_of: None,
                },
                Known::Repeat(j) => Placed {
                    story: placed[j].story,
                    duplicate_of: placed[j].duplicate_of.clone(),
                    new_story: false,
                    repeated: true,
                    text_of: None,
                },
                Known::CopyOfStored(o) => Placed {
                    story: o.story,
                    duplicate_of: Some(o.duplicate_of.unwrap_or_else(|| o.id.clone())),
                    new_story: false,
                    repeated: false,
                    text_of: Some(o.id),
                },
                Known::Copy(j) => Placed {
                    story: placed[j].story,
                    duplicate_of: Some(
                        placed[j]
                            .duplicate_of
                            .clone()
                            .unwrap_or_else(|| articles[j].id.clone()),
                    ),
                    new_story: false,
                    repeated: false,
                    text_of: Some(articles[j].id.clone()),
                },
            };
            placed.push(p);
        }
        let mut seq = self.store.cursor();
        let rows: Vec<NewArticle<'_>> = articles
            .iter()
            .zip(&placed)
            .zip(&hashes)
            .filter(|((_, p), _)| !p.repeated)
            .map(|((article, p), &text_hash)| {
                seq += 1;
                NewArticle {
                    seq,
                    article,
                    text_hash,
                    story: p.story,
                    duplicate_of: p.duplicate_of.as_deref(),
                    text_of: p.text_of.as_deref(),
                }
            })
            .collect();
        self.store.insert(&rows)?;
        if self.store.persistent() && seq - self.snapshot_seq >= SNAPSHOT_EVERY {
            let bytes = detector.snapshot();
            self.store.save_snapshot(seq, &bytes)?;
            // Only valid once committed; a failed commit drops the detector and reads it back.
            self.snapshot_seq = seq;
        }
        Ok(articles
            .iter()
            .zip(placed)
            .map(|(a, p)| Outcome {
                id: a.id.clone(),
                story: StoryId(p.story).to_string(),
                duplicate_of: p.duplicate_of,
                new_story: p.new_story,
                repeated: p.repeated,
            })
            .collect())
    }

    /// What is already known of each article, and the hash of each one's trimmed text.
    fn look_up(&mut self, articles: &[Article]) -> Result<(Vec<Known>, Vec<u64>), StoreError> {
        let mut known = Vec::with_capacity(articles.len());
        let mut hashes = Vec::with_capacity(articles.len());
        let mut ids: FxHashMap<&str, usize> = FxHashMap::default();
        let mut texts: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        for (i, a) in articles.iter().enumerate() {
            let text = a.text.trim();
            let hash = stable_hash(text.as_bytes());
            hashes.push(hash);
            if let Some(&j) = ids.get(a.id.as_str()) {
                known.push(Known::Repeat(j));
                continue;
            }
            ids.insert(&a.id, i);
            if let Some(stored) = self.store.find_id(&a.id)? {
                known.push(Known::Stored(stored));
                continue;
            }
            if text.is_empty() {
                // No text to be a copy of (a headline-only article, say): the detector decides.
                known.push(Known::New);
                continue;
            }
            let earlier = texts
                .get(&hash)
                .and_then(|list| list.iter().find(|&&j| articles[j].text.trim() == text));
            // The same crawl notice or sign-up form under two ids is not one report run twice: page
            // furniture goes to the detector, which keeps it apart.
            if let Some(&j) = earlier {
                if !is_furniture(&a.text) {
                    known.push(Known::Copy(j));
                    continue;
                }
            } else if let Some(original) = self.store.find_text(hash, text)? {
                if !is_furniture(&a.text) {
                    known.push(Known::CopyOfStored(original));
                    continue;
                }
            }
            texts.entry(hash).or_default().push(i);
            known.push(Known::New);
        }
        Ok((known, hashes))
    }
}

/// Replays stored articles through the detector, checking each gets the story (and original) stored.
fn replay(detector: &mut Detector, rows: Vec<ReplayRow>) -> Result<(), StoreError> {
    let articles: Vec<&Article> = rows.iter().map(|r| &r.article).collect();
    let decisions = pipeline::decide(detector, &articles);
    for (row, d) in rows.iter().zip(decisions) {
        if d.story.0 != row.story || d.duplicate_of != row.duplicate_of {
            let show = |story: u64, dup: &Option<String>| match dup {
                Some(original) => format!("{} (as a copy of {original})", StoryId(story)),
                None => StoryId(story).to_string(),
            };
            return Err(StoreError::Diverged {
                id: row.article.id.clone(),
                stored: show(row.story, &row.duplicate_of),
                replayed: show(d.story.0, &d.duplicate_of),
            });
        }
    }
    Ok(())
}

/// A story id ("s12" or "12") as stored.
fn story_key(id: &str) -> Result<u64, StoreError> {
    StoryId::from_str(id.trim())
        .map(|s| s.0)
        .map_err(|_| StoreError::NotFound(format!("no story {id}")))
}
