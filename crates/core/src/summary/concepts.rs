//! Concepts: the facts an update ("what's new") summary should cover, as ICSI's summariser counted them
//! (Gillick and Favre, 2009): bigrams of stemmed content words, each weighing the number of new articles
//! that use it. A concept only one article uses is left out; a concept the seen articles used already
//! weighs less (by the share of seen articles that have it); one that shares a word with the focus weighs
//! more. Selection adds, to a candidate's score, the weight of the concepts it would newly cover per word
//! ([`Concepts::gain`]), so a summary covers many new concepts once rather than a few twice. On the DUC
//! 2007 update topics (sets B and C, 100 words) R-2 / SU4 0.1040 / 0.1464 → 0.1300 / 0.1634 (leave one
//! topic out: 0.1124 / 0.1559); on focused summaries without seen articles (set A) it lowered the scores,
//! so it is used for updates only.

use rustc_hash::{FxHashMap, FxHashSet};

use super::candidates::Pool;
use super::stems::Stemmed;
use crate::terms::stem_ids;

/// How concepts are counted and weighed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConceptWeights {
    /// Weight of the concept gain per word beside the candidate's score, in an update summary (0: concepts
    /// are not used).
    pub gain: f32,
    /// A concept counts only when at least this many of the summarised articles use it.
    pub min_df: u32,
    /// How the seen articles lower a concept.
    pub seen: SeenConcepts,
    /// A concept that shares a word with the focus weighs `1 + focus` times more.
    pub focus: f32,
}

/// How a concept the seen articles used weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeenConcepts {
    /// Times 1 − the share of seen articles that have it.
    Share,
    /// Not at all.
    Dropped,
    /// Times ICSI's novelty factor n_new / (seen_df + n_new).
    NoveltyFactor,
}

impl Default for ConceptWeights {
    fn default() -> Self {
        ConceptWeights {
            gain: 5.0,
            min_df: 2,
            seen: SeenConcepts::Share,
            focus: 1.0,
        }
    }
}

/// The concepts of a story's candidates and their weights.
pub struct Concepts {
    /// Concept indices of each candidate, sorted, without repeats.
    of: Vec<Vec<u32>>,
    weight: Vec<f32>,
}

impl Concepts {
    /// The concepts of `pool`'s candidates, weighed against the seen articles and the `focus`; `stemmed`
    /// holds the candidates' and the seen articles' stems.
    pub fn new(pool: &Pool, stemmed: &Stemmed, focus: Option<&str>, w: ConceptWeights) -> Concepts {
        let mut index: FxHashMap<(u64, u64), u32> = FxHashMap::default();
        let mut docs: Vec<FxHashSet<u32>> = Vec::new();
        let mut of: Vec<Vec<u32>> = Vec::with_capacity(pool.candidates.len());
        for (c, stems) in pool.candidates.iter().zip(&stemmed.candidates) {
            let mut mine: Vec<u32> = bigrams(stems)
                .map(|b| {
                    let next = index.len() as u32;
                    *index.entry(b).or_insert(next)
                })
                .collect();
            mine.sort_unstable();
            mine.dedup();
            if docs.len() <= c.doc {
                docs.resize_with(c.doc + 1, FxHashSet::default);
            }
            docs[c.doc].extend(mine.iter().copied());
            of.push(mine);
        }
        let mut weight = vec![0.0f32; index.len()];
        for doc in &docs {
            for &k in doc {
                weight[k as usize] += 1.0;
            }
        }
        for x in &mut weight {
            if *x < w.min_df as f32 {
                *x = 0.0;
            }
        }
        let seen = &stemmed.seen;
        if !seen.is_empty() {
            let mut seen_df = vec![0u32; index.len()];
            for sentences in seen {
                let mut found: Vec<u32> = sentences
                    .iter()
                    .flat_map(|s| bigrams(s))
                    .filter_map(|b| index.get(&b).copied())
                    .collect();
                found.sort_unstable();
                found.dedup();
                for k in found {
                    seen_df[k as usize] += 1;
                }
            }
            let n_new = docs.len() as f32;
            for (x, &s) in weight.iter_mut().zip(&seen_df) {
                if s > 0 {
                    *x *= match w.seen {
                        SeenConcepts::Share => 1.0 - s as f32 / seen.len() as f32,
                        SeenConcepts::Dropped => 0.0,
                        SeenConcepts::NoveltyFactor => n_new / (s as f32 + n_new),
                    };
                }
            }
        }
        if let Some(focus) = focus.filter(|_| w.focus > 0.0) {
            let asked: FxHashSet<u64> = stem_ids(focus).into_iter().collect();
            for (&(a, b), &k) in &index {
                if asked.contains(&a) || asked.contains(&b) {
                    weight[k as usize] *= 1.0 + w.focus;
                }
            }
        }
        Concepts { of, weight }
    }

    /// The weight of candidate `i`'s concepts not yet `covered`.
    pub fn gain(&self, i: usize, covered: &[bool]) -> f32 {
        self.of[i]
            .iter()
            .filter(|&&k| !covered[k as usize])
            .map(|&k| self.weight[k as usize])
            .sum()
    }

    /// Marks candidate `i`'s concepts covered.
    pub fn cover(&self, i: usize, covered: &mut [bool]) {
        for &k in &self.of[i] {
            covered[k as usize] = true;
        }
    }

    /// How many concepts there are (the length of a `covered` table).
    pub fn len(&self) -> usize {
        self.weight.len()
    }
}

/// Adjacent pairs of a sentence's stemmed content words (stop words left out first).
fn bigrams(stems: &[u64]) -> impl Iterator<Item = (u64, u64)> + '_ {
    stems.windows(2).map(|w| (w[0], w[1]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::Prepared;
    use crate::Article;

    const NEW: [&str; 3] = [
        "Rescue teams reached the flooded village on Monday after two days of heavy rain. \
         The army opened a field hospital near the river bank for the injured residents.",
        "Rescue teams reached the flooded village by boat, officials said. \
         A field hospital now treats dozens of injured residents, doctors said on Monday.",
        "The flooded village had been cut off since Saturday. \
         Rescue teams reached it on Monday and a field hospital opened nearby.",
    ];
    const SEEN: &str = "Heavy rain flooded a village in the north. Rescue teams reached the \
        flooded village late on Saturday evening, the officials said.";

    fn concepts(seen: &[String], focus: Option<&str>, w: ConceptWeights) -> (Prepared, Concepts) {
        let articles: Vec<Article> = NEW
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("a{i}"), *t))
            .collect();
        let prepared = Prepared::new(&articles);
        let texts = prepared.pool.candidates.iter().map(|c| c.text.as_str());
        let concepts = Concepts::new(
            &prepared.pool,
            &Stemmed::new(texts, seen.iter().map(String::as_str)),
            focus,
            w,
        );
        (prepared, concepts)
    }

    fn index_of(prepared: &Prepared, words: &str) -> usize {
        prepared
            .pool
            .candidates
            .iter()
            .position(|c| c.text.contains(words))
            .expect("candidate")
    }

    #[test]
    fn shared_bigrams_weigh_by_articles_and_coverage_counts_once() {
        let (prepared, concepts) = concepts(&[], None, ConceptWeights::default());
        let hospital = index_of(&prepared, "army opened a field hospital");
        let mut covered = vec![false; concepts.len()];
        let before = concepts.gain(hospital, &covered);
        assert!(before > 0.0, "field hospital, injured residents: {before}");
        concepts.cover(hospital, &mut covered);
        assert_eq!(concepts.gain(hospital, &covered), 0.0);
        let other = index_of(&prepared, "now treats dozens");
        assert!(concepts.gain(other, &covered) < before);
    }

    #[test]
    fn seen_concepts_weigh_less_and_focus_ones_more() {
        let plain = ConceptWeights::default();
        let (prepared, fresh) = concepts(&[], None, plain);
        let reached = index_of(
            &prepared,
            "Rescue teams reached the flooded village on Monday",
        );
        let none = vec![false; fresh.len()];
        // Two seen articles, one with the rescue: its concepts keep half their weight.
        let seen = [
            SEEN.to_owned(),
            "Forecasters expect more storms this week.".to_owned(),
        ];
        let (_, share) = concepts(&seen, None, plain);
        let dropped = ConceptWeights {
            seen: SeenConcepts::Dropped,
            ..plain
        };
        let (_, gone) = concepts(&seen, None, dropped);
        assert!(share.gain(reached, &none) < fresh.gain(reached, &none));
        assert!(gone.gain(reached, &none) < share.gain(reached, &none));
        let (_, asked) = concepts(&[], Some("What did the field hospital do?"), plain);
        let hospital = index_of(&prepared, "army opened a field hospital");
        assert!(asked.gain(hospital, &none) > fresh.gain(hospital, &none));
    }
}
