//! Detector: the single-pass assignment of arriving articles to stories.
//!
//! For each article: a copy of a recent article (by MinHash, [`newsbrief_core::duplicates`]) joins its
//! original's story and is marked as its copy; otherwise the open stories that share its rarest terms and
//! names are the candidates, the [`Model`] gives each the probability that the article belongs there, and
//! the best joins the article if that probability clears the model's threshold, else a new story starts.
//! Then the story's vectors and the stream's document frequencies take in the article. When more than
//! [`Settings::max_open`] stories are open, the least recently active is closed.
//!
//! Every choice is made in a fixed order (ties go to the older story), so the same stream gives the same
//! stories, and a detector restored from a [`Detector::snapshot`] goes on exactly as the original would.

use std::collections::{BTreeMap, VecDeque};
use std::fmt;

use newsbrief_core::duplicates::{Fingerprint, NEAR_DUPLICATE};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::features::{self, Features, Idf, Norms, Query, BODY_COSINE};
use crate::model::Model;
use crate::profile::Profile;
use crate::story::Story;
use crate::StreamError;

/// A story's id: a number given in order of creation, shown as `s1`, `s2`, …
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct StoryId(pub u64);

impl fmt::Display for StoryId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "s{}", self.0)
    }
}

impl std::str::FromStr for StoryId {
    type Err = String;
    /// Reads `s12` (or a bare `12`).
    fn from_str(s: &str) -> Result<StoryId, String> {
        s.strip_prefix('s')
            .unwrap_or(s)
            .parse()
            .map(StoryId)
            .map_err(|_| format!("`{s}` is not a story id (expected s1, s2, …)"))
    }
}

/// How the detector works.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub model: Model,
    /// Most stories kept open; past it the least recently active is closed.
    pub max_open: usize,
    /// Candidate stories scored per article.
    pub candidates: usize,
    /// Recent articles remembered for finding copies.
    pub recent_articles: usize,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            model: Model::shipped(),
            max_open: 5_000,
            candidates: 15,
            recent_articles: 20_000,
        }
    }
}

/// What the detector decided for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub story: StoryId,
    /// Whether the article started its story.
    pub new_story: bool,
    /// The id of the article this one is a copy of (the first of its copies), if any.
    pub duplicate_of: Option<String>,
    /// The model's probability for the story joined (1 for a copy, 0 for a new story).
    pub probability: f32,
    /// Stories closed to make room (they take no more articles).
    pub closed: Vec<StoryId>,
}

/// A recent article, kept for finding its copies.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Recent {
    seq: u64,
    /// The article's id, or the id of the article it is a copy of.
    original: String,
    story: StoryId,
    fingerprint: Fingerprint,
}

/// The least body cosine with which an article may join a story.
const MIN_BODY_COSINE: f32 = 0.05;

/// Terms of an article looked up in the story index (its rarest).
const QUERY_TERMS: usize = 100;
/// A term in more open stories than this says little about which one an article belongs to.
const MAX_POSTINGS: usize = 2_000;
/// Distinct terms past which document frequencies of terms seen once are forgotten.
const MAX_VOCABULARY: usize = 2_000_000;

/// The state of story detection over a stream.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Detector {
    settings: Settings,
    stories: FxHashMap<u64, Story>,
    /// Open stories by last activity (sequence number → story), for closing the quietest.
    activity: BTreeMap<u64, u64>,
    /// Term or name → stories whose vectors hold it (may hold closed stories and dropped terms: checked on use).
    postings: FxHashMap<u64, Vec<u64>>,
    postings_len: usize,
    /// Entries the index would hold if it held only open stories' terms and names.
    live_postings: usize,
    /// Document frequency of each term and name over the stream so far.
    df: FxHashMap<u64, u32>,
    docs: u64,
    recent: VecDeque<Recent>,
    /// MinHash band → sequence numbers of recent articles with it.
    bands: FxHashMap<u64, Vec<u64>>,
    next_story: u64,
    seq: u64,
}

impl Detector {
    pub fn new(settings: Settings) -> Detector {
        Detector {
            settings,
            stories: FxHashMap::default(),
            activity: BTreeMap::new(),
            postings: FxHashMap::default(),
            postings_len: 0,
            live_postings: 0,
            df: FxHashMap::default(),
            docs: 0,
            recent: VecDeque::new(),
            bands: FxHashMap::default(),
            next_story: 1,
            seq: 0,
        }
    }

    /// How many articles the detector has taken.
    pub fn articles(&self) -> u64 {
        self.seq
    }

    /// The id of the latest story started.
    pub(crate) fn last_story(&self) -> u64 {
        self.next_story - 1
    }

    /// How many stories are open.
    pub fn open_stories(&self) -> usize {
        self.stories.len()
    }

    /// Decides the story of the article `id` and takes it in.
    pub fn assign(&mut self, id: &str, profile: &Profile) -> Decision {
        if profile.furniture {
            let closed = self.place(id, profile, None, None);
            return Decision {
                story: StoryId(self.last_story()),
                new_story: true,
                duplicate_of: None,
                probability: 0.0,
                closed,
            };
        }
        if let Some((original, story)) = self.copy_of(profile) {
            let closed = self.place(id, profile, Some(story), Some(original.clone()));
            return Decision {
                story,
                new_story: false,
                duplicate_of: Some(original),
                probability: 1.0,
                closed,
            };
        }
        let short = features::is_short(profile);
        let best = self
            .candidates(profile)
            .into_iter()
            // Whatever else it has in common with a story, an article that shares almost none of its
            // words tells another story.
            .filter(|(_, f)| f[BODY_COSINE] >= MIN_BODY_COSINE)
            .map(|(story, f)| (story, self.settings.model.probability(&f, short)))
            .fold(None, |best: Option<(StoryId, f32)>, (s, p)| match best {
                Some((_, bp)) if bp >= p => best,
                _ => Some((s, p)),
            });
        let joined = best.filter(|&(_, p)| p >= self.settings.model.threshold);
        let story = joined.map(|(s, _)| s);
        let closed = self.place(id, profile, story, None);
        Decision {
            story: story.unwrap_or(StoryId(self.next_story - 1)),
            new_story: story.is_none(),
            duplicate_of: None,
            probability: joined.map_or(0.0, |(_, p)| p),
            closed,
        }
    }

    /// The saved state, to go on from later with [`Detector::restore`].
    pub fn snapshot(&self) -> Vec<u8> {
        postcard::to_stdvec(self).unwrap_or_default()
    }

    pub fn restore(bytes: &[u8]) -> Result<Detector, StreamError> {
        postcard::from_bytes(bytes).map_err(|e| StreamError::Snapshot(e.to_string()))
    }

    /// The candidate stories of an article with their features, most promising first (at most
    /// [`Settings::candidates`]).
    pub(crate) fn candidates(&mut self, profile: &Profile) -> Vec<(StoryId, Features)> {
        let ranked = self.ranked(profile);
        self.refresh_norms(&ranked);
        self.score(profile, &ranked)
    }

    /// The open stories that share the article's rarest terms and names, most promising first.
    fn ranked(&self, profile: &Profile) -> Vec<u64> {
        let idf = self.idf();
        let mut weighted: Vec<(u64, f32)> = profile
            .terms
            .iter()
            .chain(&profile.names)
            .map(|&(t, w)| (t, w * idf.of(t)))
            .collect();
        weighted.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        weighted.truncate(QUERY_TERMS);
        let mut scores: FxHashMap<u64, f32> = FxHashMap::default();
        for (t, w) in weighted {
            let Some(list) = self.postings.get(&t) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &s in list {
                *scores.entry(s).or_insert(0.0) += w;
            }
        }
        let mut ranked: Vec<(u64, f32)> = scores
            .into_iter()
            .filter(|(s, _)| self.stories.contains_key(s))
            .collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(self.settings.candidates);
        ranked.into_iter().map(|(s, _)| s).collect()
    }

    /// Weighs again the lengths of the given stories' vectors where they are stale.
    fn refresh_norms(&mut self, stories: &[u64]) {
        let idf = Idf {
            df: &self.df,
            docs: self.docs,
        };
        for s in stories {
            if let Some(story) = self.stories.get_mut(s) {
                if story.norms.is_none_or(|n| !n.fresh(idf.docs)) {
                    story.norms = Some(Norms::of(story, &idf));
                }
            }
        }
    }

    /// The features of the article with each of `stories` (open, with fresh norms).
    fn score(&self, profile: &Profile, stories: &[u64]) -> Vec<(StoryId, Features)> {
        let idf = self.idf();
        let query = Query::new(profile, &idf);
        stories
            .iter()
            .filter_map(|s| {
                let story = self.stories.get(s)?;
                let norms = story.norms?;
                Some((story.id, features::features(&query, story, &norms)))
            })
            .collect()
    }

    /// The features of putting the article into `story`, if it is open.
    pub(crate) fn features_for(&mut self, profile: &Profile, story: StoryId) -> Option<Features> {
        self.refresh_norms(&[story.0]);
        self.score(profile, &[story.0]).pop().map(|(_, f)| f)
    }

    /// Takes the article into `story` (a new story when `None`), returning the stories closed to make room.
    pub(crate) fn place(
        &mut self,
        id: &str,
        profile: &Profile,
        story: Option<StoryId>,
        original: Option<String>,
    ) -> Vec<StoryId> {
        self.seq += 1;
        let seq = self.seq;
        let key = match story.filter(|s| self.stories.contains_key(&s.0)) {
            Some(s) => s.0,
            None => {
                let key = self.next_story;
                self.next_story += 1;
                self.stories.insert(key, Story::new(StoryId(key), seq));
                key
            }
        };
        let Some(story) = self.stories.get_mut(&key) else {
            return Vec::new();
        };
        let mut before: Vec<u64> = story
            .terms
            .iter()
            .chain(&story.names)
            .map(|&(t, _)| t)
            .collect();
        before.sort_unstable();
        self.activity.remove(&story.last_seq);
        let weighted = Idf {
            df: &self.df,
            docs: self.docs,
        }
        .weighted(&profile.terms);
        story.add(profile, weighted, seq);
        self.live_postings =
            self.live_postings + story.terms.len() + story.names.len() - before.len();
        self.activity.insert(seq, key);
        let mut added: Vec<u64> = story
            .terms
            .iter()
            .chain(&story.names)
            .map(|&(t, _)| t)
            .filter(|t| before.binary_search(t).is_err())
            .collect();
        added.sort_unstable();
        if profile.furniture {
            // Page furniture is evidence of no story: nothing is found through it.
            added.clear();
        }
        for t in added {
            self.postings.entry(t).or_default().push(key);
            self.postings_len += 1;
        }
        for &(t, _) in profile.terms.iter().chain(&profile.names) {
            *self.df.entry(t).or_insert(0) += 1;
        }
        self.docs += 1;
        if self.df.len() > MAX_VOCABULARY {
            self.df.retain(|_, n| *n > 1);
        }
        if !profile.furniture {
            self.remember(seq, id, original, StoryId(key), &profile.fingerprint);
        }
        let closed = self.close_quietest();
        self.compact_postings();
        closed
    }

    fn idf(&self) -> Idf<'_> {
        Idf {
            df: &self.df,
            docs: self.docs,
        }
    }

    /// The original and open story of a recent article this one is a copy of (the most similar; ties to
    /// the earliest).
    fn copy_of(&self, profile: &Profile) -> Option<(String, StoryId)> {
        let front = self.recent.front()?.seq;
        let mut seen: Vec<u64> = profile
            .fingerprint
            .bands()
            .iter()
            .filter_map(|b| self.bands.get(b))
            .flatten()
            .copied()
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let mut best: Option<(&Recent, f32)> = None;
        for seq in seen {
            let Some(recent) = self.recent.get((seq - front) as usize) else {
                continue;
            };
            let similarity = recent.fingerprint.similarity(&profile.fingerprint);
            if similarity >= NEAR_DUPLICATE
                && self.stories.contains_key(&recent.story.0)
                && best.is_none_or(|(_, s)| similarity > s)
            {
                best = Some((recent, similarity));
            }
        }
        best.map(|(r, _)| (r.original.clone(), r.story))
    }

    fn remember(
        &mut self,
        seq: u64,
        id: &str,
        original: Option<String>,
        story: StoryId,
        fingerprint: &Fingerprint,
    ) {
        for band in fingerprint.bands() {
            self.bands.entry(band).or_default().push(seq);
        }
        self.recent.push_back(Recent {
            seq,
            original: original.unwrap_or_else(|| id.to_owned()),
            story,
            fingerprint: fingerprint.clone(),
        });
        while self.recent.len() > self.settings.recent_articles {
            let Some(old) = self.recent.pop_front() else {
                break;
            };
            for band in old.fingerprint.bands() {
                if let Some(list) = self.bands.get_mut(&band) {
                    list.retain(|&s| s != old.seq);
                    if list.is_empty() {
                        self.bands.remove(&band);
                    }
                }
            }
        }
    }

    /// Closes the least recently active stories while more than [`Settings::max_open`] are open.
    fn close_quietest(&mut self) -> Vec<StoryId> {
        let mut closed = Vec::new();
        while self.stories.len() > self.settings.max_open {
            let Some((_, key)) = self.activity.pop_first() else {
                break;
            };
            if let Some(story) = self.stories.remove(&key) {
                self.live_postings -= story.terms.len() + story.names.len();
            }
            closed.push(StoryId(key));
        }
        closed
    }

    /// Rebuilds the story index when most of its entries point at closed stories or dropped terms.
    fn compact_postings(&mut self) {
        if self.postings_len <= 2 * self.live_postings + 10_000 {
            return;
        }
        let mut keys: Vec<u64> = self.stories.keys().copied().collect();
        keys.sort_unstable();
        self.postings.clear();
        self.postings_len = 0;
        for key in keys {
            let story = &self.stories[&key];
            for &(t, _) in story.terms.iter().chain(&story.names) {
                self.postings.entry(t).or_default().push(key);
                self.postings_len += 1;
            }
        }
    }
}
