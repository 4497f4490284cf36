//! Stems: sentences as bags of stable stem ids ([`crate::terms::stem_ids`]) with TF-IDF weights over a
//! shared term table, so that a focus text, the candidates and the sentences of articles already seen
//! can be compared in one space (the candidate pool's own term ids cover only its articles).

use rustc_hash::FxHashMap;

use crate::document::Document;
use crate::terms::stem_ids;

/// The stem ids of what a focused or update summary compares — the story's candidates and the prose
/// sentences of the articles seen before — computed once for every guide that reads them.
pub struct Stemmed {
    /// One sequence per candidate, in the pool's order.
    pub candidates: Vec<Vec<u64>>,
    /// Per seen article, one sequence per prose sentence.
    pub seen: Vec<Vec<Vec<u64>>>,
}

impl Stemmed {
    /// Stems the candidates' texts, and the prose sentences of the seen articles' full texts.
    pub fn new<'a, 'b>(
        candidates: impl Iterator<Item = &'a str>,
        seen: impl Iterator<Item = &'b str>,
    ) -> Stemmed {
        Stemmed {
            candidates: candidates.map(stem_ids).collect(),
            seen: seen
                .map(|text| {
                    Document::analyse(text)
                        .prose()
                        .map(|s| stem_ids(&text[s.range.clone()]))
                        .collect()
                })
                .collect(),
        }
    }

    /// Every seen prose sentence, article after article.
    pub fn seen_sentences(&self) -> impl Iterator<Item = &[u64]> {
        self.seen.iter().flatten().map(Vec::as_slice)
    }
}

/// Dense term indices for stable stem ids, and document frequencies over the sentences added.
#[derive(Default)]
pub struct TermTable {
    index: FxHashMap<u64, u32>,
    df: Vec<u32>,
    sentences: u32,
}

/// A sentence as (term index, count) pairs, sorted by term index.
pub type Bag = Vec<(u32, f32)>;

impl TermTable {
    /// The bag of `text`; counts it towards the document frequencies when `counted`.
    pub fn bag(&mut self, text: &str, counted: bool) -> Bag {
        self.bag_of_stems(&stem_ids(text), counted)
    }

    /// [`TermTable::bag`] of a text already stemmed.
    pub fn bag_of_stems(&mut self, stems: &[u64], counted: bool) -> Bag {
        let mut bag: Bag = Vec::new();
        for &stem in stems {
            let next = self.df.len() as u32;
            let t = *self.index.entry(stem).or_insert(next);
            if t == next {
                self.df.push(0);
            }
            bag.push((t, 1.0));
        }
        bag.sort_by_key(|&(t, _)| t);
        bag.dedup_by(|b, a| {
            if a.0 == b.0 {
                a.1 += b.1;
                true
            } else {
                false
            }
        });
        if counted {
            self.sentences += 1;
            for &(t, _) in &bag {
                self.df[t as usize] += 1;
            }
        }
        bag
    }

    /// Inverse document frequency of every term, smoothed (a term no counted sentence has gets the most,
    /// [`TermTable::unseen_idf`]).
    pub fn idf(&self) -> Vec<f32> {
        self.df.iter().map(|&df| self.idf_of(df)).collect()
    }

    /// The IDF of a term no counted sentence has.
    pub fn unseen_idf(&self) -> f32 {
        self.idf_of(0)
    }

    fn idf_of(&self, df: u32) -> f32 {
        ((self.sentences as f32 + 1.0) / (df as f32 + 0.5))
            .ln()
            .max(0.0)
    }

    /// How many counted sentences have term `t`.
    pub fn df(&self, t: u32) -> u32 {
        self.df.get(t as usize).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.df.len()
    }
}

/// `bag` weighted by TF-IDF (log-scaled counts) and scaled to unit length; a term `idf` does not cover
/// (added to the table after it was computed) weighs `unknown`.
pub fn weighted(bag: &Bag, idf: &[f32], unknown: f32) -> Bag {
    let mut out: Bag = bag
        .iter()
        .map(|&(t, c)| {
            let idf = idf.get(t as usize).copied().unwrap_or(unknown);
            (t, (1.0 + c.ln()) * idf)
        })
        .filter(|&(_, w)| w > 0.0)
        .collect();
    let norm = out.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for e in &mut out {
            e.1 /= norm;
        }
    }
    out
}

/// Dot product of two bags sorted by term.
pub fn dot(a: &Bag, b: &Bag) -> f32 {
    crate::terms::sparse_dot(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet_and_stop_words_go() {
        let mut table = TermTable::default();
        let a = table.bag("The meetings were held", true);
        let b = table.bag("a meeting is held", true);
        assert_eq!(a.len(), 2, "{a:?}");
        let idf = table.idf();
        let (wa, wb) = (weighted(&a, &idf, 1.0), weighted(&b, &idf, 1.0));
        assert!((dot(&wa, &wb) - 1.0).abs() < 1e-5);
        let c = weighted(&table.bag("Unrelated words entirely", false), &idf, 1.0);
        assert_eq!(dot(&wa, &c), 0.0);
    }
}
