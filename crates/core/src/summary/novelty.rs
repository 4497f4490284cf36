//! Novelty: what a sentence says that the articles a reader has already seen did not, for update
//! ("what's new") briefs.
//!
//! The seen articles' prose sentences are indexed as TF-IDF vectors (IDF over those sentences, so a term
//! they never use weighs the most). A sentence's novelty combines how unlike its closest seen sentence
//! it is (1 − cosine) with the share of its weight carried by the signature terms of the new articles
//! against the seen ones: terms the new ones use significantly more (Dunning's log-likelihood ratio, as
//! CLASSY's update baseline finds them).

use super::stems::{weighted, Bag, TermTable};

/// The sentences of the articles already seen, ready to be compared with new sentences.
pub struct Seen {
    table: TermTable,
    idf: Vec<f32>,
    unseen_idf: f32,
    /// Term index → (seen sentence, weight) of every seen sentence with the term.
    postings: Vec<Vec<(u32, f32)>>,
    /// Scratch: similarity of each seen sentence to the sentence being compared.
    scratch: Vec<f32>,
    /// Occurrences of each term in the seen sentences, and in all.
    counts: Vec<u32>,
    total: u32,
    /// Terms the new sentences use significantly more than the seen ones ([`Seen::learn_signature`]).
    signature: Vec<bool>,
}

/// Dunning's log-likelihood ratio above which a term is a signature term (p < 0.001).
const SIGNATURE_LLR: f64 = 10.83;

impl Seen {
    /// The index of the seen articles' prose sentences, given stemmed
    /// ([`super::stems::Stemmed::seen_sentences`]).
    pub fn new<'a>(sentences: impl Iterator<Item = &'a [u64]>) -> Seen {
        let mut table = TermTable::default();
        let bags: Vec<Bag> = sentences.map(|s| table.bag_of_stems(s, true)).collect();
        let idf = table.idf();
        let unseen_idf = table.unseen_idf();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); table.len()];
        let mut counts = vec![0u32; table.len()];
        for bag in &bags {
            for &(t, c) in bag {
                counts[t as usize] += c as u32;
            }
        }
        let total = counts.iter().sum();
        for (i, bag) in bags.iter().enumerate() {
            for (t, w) in weighted(bag, &idf, unseen_idf) {
                postings[t as usize].push((i as u32, w));
            }
        }
        Seen {
            table,
            idf,
            unseen_idf,
            postings,
            scratch: vec![0.0; bags.len()],
            counts,
            total,
            signature: Vec::new(),
        }
    }

    /// How each of the new sentences `texts` compares with what was seen, with the signature terms of
    /// them all ([`Seen::compare`] of one text counts none). The sentences are given stemmed.
    pub fn compare_all<'a>(&mut self, texts: impl Iterator<Item = &'a [u64]>) -> Vec<Comparison> {
        let bags: Vec<Bag> = texts.map(|t| self.table.bag_of_stems(t, false)).collect();
        self.learn_signature(&bags);
        bags.iter().map(|b| self.compare_bag(b)).collect()
    }

    /// Finds the signature terms of the new sentences against the seen ones: those used more, with a
    /// log-likelihood ratio over [`SIGNATURE_LLR`] (CLASSY's update signature).
    fn learn_signature(&mut self, bags: &[Bag]) {
        let mut new_counts: Vec<u32> = vec![0; self.table.len()];
        for bag in bags {
            for &(t, c) in bag {
                new_counts[t as usize] += c as u32;
            }
        }
        let new_total: u32 = new_counts.iter().sum();
        let (n1, n2) = (f64::from(new_total), f64::from(self.total));
        self.signature = new_counts
            .iter()
            .enumerate()
            .map(|(t, &k1)| {
                let k2 = f64::from(self.counts.get(t).copied().unwrap_or(0));
                let k1 = f64::from(k1);
                k1 / n1.max(1.0) > k2 / n2.max(1.0)
                    && log_likelihood(k1, n1, k2, n2) > SIGNATURE_LLR
            })
            .collect();
    }

    /// How `text` compares with what was seen.
    pub fn compare(&mut self, text: &str) -> Comparison {
        let bag: Bag = self.table.bag(text, false);
        self.compare_bag(&bag)
    }

    fn compare_bag(&mut self, bag: &Bag) -> Comparison {
        let vector = weighted(bag, &self.idf, self.unseen_idf);
        let mut new_terms = 0.0;
        let mut touched: Vec<u32> = Vec::new();
        for &(t, w) in &vector {
            if let Some(list) = self.postings.get(t as usize) {
                for &(s, ws) in list {
                    if self.scratch[s as usize] == 0.0 {
                        touched.push(s);
                    }
                    self.scratch[s as usize] += w * ws;
                }
            }
            if self.signature.get(t as usize).copied().unwrap_or(false) {
                new_terms += w * w;
            }
        }
        let mut closest = 0.0f32;
        for s in touched {
            closest = closest.max(self.scratch[s as usize]);
            self.scratch[s as usize] = 0.0;
        }
        Comparison {
            closest: closest.min(1.0),
            new_terms: if vector.is_empty() { 0.0 } else { new_terms },
        }
    }
}

/// Dunning's G² of a term seen `k1` times in `n1` words and `k2` times in `n2` words.
fn log_likelihood(k1: f64, n1: f64, k2: f64, n2: f64) -> f64 {
    let cell = |o: f64, e: f64| {
        if o > 0.0 && e > 0.0 {
            o * (o / e).ln()
        } else {
            0.0
        }
    };
    let n = n1 + n2;
    let (k, rest) = (k1 + k2, n - k1 - k2);
    2.0 * (cell(k1, n1 * k / n)
        + cell(k2, n2 * k / n)
        + cell(n1 - k1, n1 * rest / n)
        + cell(n2 - k2, n2 * rest / n))
}

/// A sentence against the seen articles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// Cosine with the closest seen sentence (1: said already, word for word).
    pub closest: f32,
    /// Share (0–1) of the sentence's TF-IDF weight on the signature terms of the new articles.
    pub new_terms: f32,
}

impl Comparison {
    /// Novelty, 0–1: half unlikeness to the closest seen sentence, half weight on signature terms.
    pub fn novelty(&self) -> f32 {
        0.5 * (1.0 - self.closest) + 0.5 * self.new_terms
    }
}

#[cfg(test)]
mod tests {
    use super::super::stems::Stemmed;
    use super::Seen;

    /// The index of `texts` as seen articles.
    fn seen(texts: &[&str]) -> Seen {
        Seen::new(Stemmed::new(std::iter::empty(), texts.iter().copied()).seen_sentences())
    }

    /// `texts` stemmed as candidates are.
    fn stemmed(texts: &[&str]) -> Vec<Vec<u64>> {
        Stemmed::new(texts.iter().copied(), std::iter::empty()).candidates
    }

    const OLD: &str = "The council approved the new budget on Monday after a long debate.\n\n\
        The mayor said the budget protects schools and libraries.";

    const SAME: &str = "The council approved the new budget on Monday after a long debate.";
    const NEW: &str = "Protesters blocked the bridge downtown, police said.";
    const PARTLY: &str = "The budget cuts bus routes to the airport.";

    #[test]
    fn repeated_sentences_are_not_new() {
        let mut seen = seen(&[OLD; 6]);
        // The new articles talk of the protest again and again: its terms are their signature.
        let new_texts: Vec<&str> = [SAME, PARTLY].into_iter().chain([NEW; 8]).collect();
        let all = seen.compare_all(stemmed(&new_texts).iter().map(Vec::as_slice));
        let (same, partly, new) = (all[0], all[1], all[2]);
        assert!(same.closest > 0.99 && same.new_terms == 0.0, "{same:?}");
        assert!(new.closest < 0.2 && new.new_terms > 0.8, "{new:?}");
        assert!(new.novelty() > 0.8 && same.novelty() < 0.01);
        // Compared alone, a sentence has no signature to share.
        assert_eq!(seen.compare(NEW).closest, new.closest);
        assert!(partly.novelty() > same.novelty() && partly.novelty() < new.novelty());
    }

    #[test]
    fn log_likelihood_grows_with_the_difference() {
        use super::log_likelihood;
        assert!(log_likelihood(10.0, 100.0, 10.0, 100.0) < 1e-9);
        let some = log_likelihood(20.0, 100.0, 5.0, 100.0);
        let more = log_likelihood(40.0, 100.0, 5.0, 100.0);
        assert!(some > super::SIGNATURE_LLR && more > some, "{some} {more}");
    }

    #[test]
    fn nothing_seen() {
        let mut seen = seen(&[]);
        assert_eq!(seen.compare("Anything at all here.").closest, 0.0);
    }
}
