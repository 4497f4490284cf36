//! An open story as the detector keeps it: the sums of its articles' term, name and headline vectors
//! (pruned to their heaviest entries, so a story's size is bounded however many articles it gathers),
//! its size and when it was last active.

use serde::{Deserialize, Serialize};

use crate::detector::StoryId;
use crate::features::Norms;
use crate::profile::{Profile, Terms};

/// Most term entries a story keeps (its heaviest).
const MAX_TERMS: usize = 400;
/// Most name entries a story keeps.
const MAX_NAMES: usize = 120;
/// Most headline-stem entries a story keeps.
const MAX_TITLE: usize = 120;
/// Recent articles whose own vectors a story keeps, for comparing an arrival with each of them.
const RECENT_MEMBERS: usize = 8;
/// Heaviest terms kept of each of those vectors.
const MEMBER_TERMS: usize = 60;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Story {
    pub id: StoryId,
    /// Sum of its articles' term vectors, sorted by id.
    pub terms: Terms,
    pub names: Terms,
    /// Headline stems with how many of its articles' headlines carry each, sorted by id.
    pub title: Terms,
    /// The IDF-weighted, unit-length term vectors of its latest articles (weighted when they arrived).
    pub members: Vec<Terms>,
    pub size: u32,
    /// Time of its latest dated article.
    pub last_time: Option<i64>,
    /// Sequence number of the last article it took (for closing the least recently active stories).
    pub last_seq: u64,
    /// Weighted lengths of its vectors, kept until it changes or the stream has grown (see [`Norms::fresh`]).
    pub norms: Option<Norms>,
}

impl Story {
    pub fn new(id: StoryId, seq: u64) -> Story {
        Story {
            id,
            terms: Vec::new(),
            names: Vec::new(),
            title: Vec::new(),
            members: Vec::new(),
            size: 0,
            last_time: None,
            last_seq: seq,
            norms: None,
        }
    }

    /// Adds an article to the story; `weighted` is its IDF-weighted unit vector.
    pub fn add(&mut self, profile: &Profile, weighted: Terms, seq: u64) {
        if self.members.len() == RECENT_MEMBERS {
            self.members.remove(0);
        }
        self.members.push(heaviest(weighted, MEMBER_TERMS));
        add_into(&mut self.terms, &profile.terms, MAX_TERMS);
        add_into(&mut self.names, &profile.names, MAX_NAMES);
        let title: Terms = profile.title.iter().map(|&t| (t, 1.0)).collect();
        add_into(&mut self.title, &title, MAX_TITLE);
        self.size += 1;
        self.last_time = match (self.last_time, profile.time) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        self.last_seq = seq;
        self.norms = None;
    }
}

/// The `cap` heaviest entries of `v`, sorted by id.
fn heaviest(mut v: Terms, cap: usize) -> Terms {
    if v.len() > cap {
        v.select_nth_unstable_by(cap, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(cap);
        v.sort_unstable_by_key(|&(t, _)| t);
    }
    v
}

/// Adds `other` into `sum` (both sorted by id), then keeps the `cap` heaviest entries.
fn add_into(sum: &mut Terms, other: &Terms, cap: usize) {
    let mut merged = Vec::with_capacity(sum.len() + other.len());
    let (mut i, mut j) = (0, 0);
    while i < sum.len() || j < other.len() {
        match (sum.get(i), other.get(j)) {
            (Some(&(a, wa)), Some(&(b, wb))) if a == b => {
                merged.push((a, wa + wb));
                i += 1;
                j += 1;
            }
            (Some(&(a, wa)), Some(&(b, _))) if a < b => {
                merged.push((a, wa));
                i += 1;
            }
            (Some(&(a, wa)), None) => {
                merged.push((a, wa));
                i += 1;
            }
            (_, Some(&(b, wb))) => {
                merged.push((b, wb));
                j += 1;
            }
            (None, None) => break,
        }
    }
    // Heaviest first, ties by id, so the kept set does not depend on anything but the weights.
    *sum = heaviest(merged, cap);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_merge_and_prune_to_the_heaviest() {
        let mut sum = vec![(1, 1.0), (3, 1.0)];
        add_into(&mut sum, &vec![(2, 0.5), (3, 2.0)], 2);
        assert_eq!(sum, vec![(1, 1.0), (3, 3.0)]);
    }
}
