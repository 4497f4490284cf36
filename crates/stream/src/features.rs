//! Features: how an article compares with a candidate story, as the numbers the model weighs.
//!
//! Similarities are cosines of IDF-weighted vectors, with document frequencies counted over the stream
//! itself as it arrives (so nothing about the stream's language or subject is assumed in advance).

use rustc_hash::FxHashMap;

use crate::profile::{Profile, Terms};
use crate::story::Story;

/// The names of the features, in the order of [`Features`]'s values.
pub const NAMES: [&str; 12] = [
    "bias",
    "body_cosine",
    "names_cosine",
    "title_cosine",
    "dated",
    "log_days_apart",
    "log_story_size",
    "body_x_names_cosine",
    "best_member_cosine",
    "mean_member_cosine",
    "size_x_body_cosine",
    "key_names_share",
];

/// Values of [`NAMES`] for one (article, story) pair.
pub type Features = [f32; NAMES.len()];

/// Index of the body cosine in [`Features`].
pub const BODY_COSINE: usize = 1;

/// An article with fewer content words than this is "short" (a headline, a brief): the model weighs its
/// features apart.
const SHORT_WORDS: u32 = 40;

/// Whether an article is short (see [`SHORT_WORDS`]).
pub fn is_short(profile: &Profile) -> bool {
    profile.words < SHORT_WORDS
}

/// Inverse document frequencies from the stream's own counts.
pub struct Idf<'a> {
    pub df: &'a FxHashMap<u64, u32>,
    pub docs: u64,
}

impl Idf<'_> {
    pub fn of(&self, term: u64) -> f32 {
        let df = self.df.get(&term).copied().unwrap_or(0) as f32;
        ((self.docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Length of `v` with each entry weighted by its IDF.
    pub fn norm(&self, v: &Terms) -> f32 {
        v.iter()
            .map(|&(t, w)| {
                let x = w * self.of(t);
                x * x
            })
            .sum::<f32>()
            .sqrt()
    }

    /// `v` weighted by IDF and scaled to unit length.
    pub fn weighted(&self, v: &Terms) -> Terms {
        let mut out: Terms = v.iter().map(|&(t, w)| (t, w * self.of(t))).collect();
        let norm = out.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            out.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        out
    }

    /// `v` with each entry weighted by its IDF squared: the dot product of that with a plain vector is
    /// the dot product of both weighted by IDF.
    fn squared(&self, v: &Terms) -> Terms {
        v.iter()
            .map(|&(t, w)| {
                let idf = self.of(t);
                (t, w * idf * idf)
            })
            .collect()
    }
}

/// The IDF-weighted lengths of a story's vectors, as of `docs` articles into the stream.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Norms {
    pub docs: u64,
    pub terms: f32,
    pub names: f32,
    pub title: f32,
}

impl Norms {
    pub(crate) fn of(story: &Story, idf: &Idf) -> Norms {
        let title: Terms = story.title.clone();
        Norms {
            docs: idf.docs,
            terms: idf.norm(&story.terms),
            names: idf.norm(&story.names),
            title: idf.norm(&title),
        }
    }

    /// Whether lengths weighted as of `self.docs` articles still stand at `docs` (document frequencies move
    /// slowly: they are weighed again once the stream has grown by a twentieth).
    pub fn fresh(&self, docs: u64) -> bool {
        docs <= self.docs + self.docs / 20
    }
}

/// An article's vectors prepared for comparing with many stories.
pub struct Query<'p> {
    pub profile: &'p Profile,
    /// The article's terms weighted by IDF, unit length, by term.
    weighted: FxHashMap<u64, f32>,
    /// Terms, names and headline stems weighted by IDF squared (see [`Idf::squared`]).
    terms: Terms,
    names: Terms,
    title: Terms,
    terms_norm: f32,
    names_norm: f32,
    title_norm: f32,
    /// The article's three most telling names (by IDF-weighted frequency).
    key_names: Vec<u64>,
}

impl<'p> Query<'p> {
    pub fn new(profile: &'p Profile, idf: &Idf) -> Query<'p> {
        let title: Terms = profile.title.iter().map(|&t| (t, 1.0)).collect();
        let mut names: Vec<(u64, f32)> = profile
            .names
            .iter()
            .map(|&(t, w)| (t, w * idf.of(t)))
            .collect();
        names.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        Query {
            key_names: names.iter().take(3).map(|&(t, _)| t).collect(),
            terms_norm: idf.norm(&profile.terms),
            names_norm: idf.norm(&profile.names),
            title_norm: idf.norm(&title),
            weighted: idf.weighted(&profile.terms).into_iter().collect(),
            terms: idf.squared(&profile.terms),
            names: idf.squared(&profile.names),
            title: idf.squared(&title),
            profile,
        }
    }
}

/// The features of putting the article of `query` into `story`.
pub(crate) fn features(query: &Query, story: &Story, norms: &Norms) -> Features {
    let p = query.profile;
    let body = cosine(&query.terms, query.terms_norm, &story.terms, norms.terms);
    let names = cosine(&query.names, query.names_norm, &story.names, norms.names);
    let title = cosine(&query.title, query.title_norm, &story.title, norms.title);
    let (dated, days) = match (p.time, story.last_time) {
        (Some(a), Some(b)) => (1.0, ((a - b).abs() as f32 / 86_400.0).ln_1p()),
        _ => (0.0, 0.0),
    };
    let member_cosines: Vec<f32> = story
        .members
        .iter()
        .map(|m| {
            m.iter()
                .filter_map(|(t, w)| Some(w * query.weighted.get(t)?))
                .sum()
        })
        .collect();
    let best_member = member_cosines.iter().copied().fold(0.0f32, f32::max);
    let mean_member = member_cosines.iter().sum::<f32>() / member_cosines.len().max(1) as f32;
    let size = story.size.max(1) as f32;
    let key_names = query
        .key_names
        .iter()
        .map(|n| {
            let w = story
                .names
                .binary_search_by_key(n, |&(t, _)| t)
                .map_or(0.0, |i| story.names[i].1);
            (w / size).min(1.0)
        })
        .sum::<f32>()
        / 3.0;
    [
        1.0,
        body,
        names,
        title,
        dated,
        days,
        (story.size as f32).ln_1p(),
        body * names,
        best_member,
        mean_member,
        (story.size as f32).ln_1p() * body,
        key_names,
    ]
}

/// Cosine of `a` (weighted by IDF squared) and `b`, given their IDF-weighted lengths.
fn cosine(a: &Terms, a_norm: f32, b: &Terms, b_norm: f32) -> f32 {
    if a_norm == 0.0 || b_norm == 0.0 {
        return 0.0;
    }
    (dot(a, b) / (a_norm * b_norm)).min(1.0)
}

/// Dot product of two sparse vectors sorted by id.
fn dot(a: &Terms, b: &Terms) -> f32 {
    newsbrief_core::terms::sparse_dot(a, b)
}
