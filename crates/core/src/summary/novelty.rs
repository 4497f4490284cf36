//! Novelty: what a sentence says that the articles a reader has already seen did not, for update
//! ("what's new") briefs.
//!
//! The seen articles' prose sentences are indexed as TF-IDF vectors (IDF over those sentences, so a term
//! they never use weighs the most). A sentence's novelty combines how unlike its closest seen sentence
//! it is (1 − cosine) with the share of its weight carried by terms the seen articles never use (the
//! signature terms of the new articles against the old, after CLASSY's update baseline).

use super::stems::{weighted, Bag, TermTable};
use crate::document::Document;

/// The sentences of the articles already seen, ready to be compared with new sentences.
pub struct Seen {
    table: TermTable,
    idf: Vec<f32>,
    unseen_idf: f32,
    /// Term index → (seen sentence, weight) of every seen sentence with the term.
    postings: Vec<Vec<(u32, f32)>>,
    /// Scratch: similarity of each seen sentence to the sentence being compared.
    scratch: Vec<f32>,
}

impl Seen {
    /// The index of the prose sentences of `texts` (articles' full texts).
    pub fn new<'a>(texts: impl Iterator<Item = &'a str>) -> Seen {
        let mut table = TermTable::default();
        let mut bags = Vec::new();
        for text in texts {
            let doc = Document::analyse(text);
            for s in doc.prose() {
                bags.push(table.bag(&text[s.range.clone()], true));
            }
        }
        let idf = table.idf();
        let unseen_idf = table.unseen_idf();
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); table.len()];
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
        }
    }

    /// How `text` compares with what was seen.
    pub fn compare(&mut self, text: &str) -> Comparison {
        let bag: Bag = self.table.bag(text, false);
        let vector = weighted(&bag, &self.idf, self.unseen_idf);
        let mut new_terms = 0.0;
        let mut touched: Vec<u32> = Vec::new();
        for &(t, w) in &vector {
            match self.postings.get(t as usize) {
                Some(list) if !list.is_empty() => {
                    for &(s, ws) in list {
                        if self.scratch[s as usize] == 0.0 {
                            touched.push(s);
                        }
                        self.scratch[s as usize] += w * ws;
                    }
                }
                _ => new_terms += w * w,
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

/// A sentence against the seen articles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Comparison {
    /// Cosine with the closest seen sentence (1: said already, word for word).
    pub closest: f32,
    /// Share (0–1) of the sentence's TF-IDF weight on terms no seen sentence has.
    pub new_terms: f32,
}

impl Comparison {
    /// Novelty, 0–1: half unlikeness to the closest seen sentence, half weight on unseen terms.
    pub fn novelty(&self) -> f32 {
        0.5 * (1.0 - self.closest) + 0.5 * self.new_terms
    }
}

#[cfg(test)]
mod tests {
    use super::Seen;

    const OLD: &str = "The council approved the new budget on Monday after a long debate.\n\n\
        The mayor said the budget protects schools and libraries.";

    #[test]
    fn repeated_sentences_are_not_new() {
        let mut seen = Seen::new([OLD].into_iter());
        let same =
            seen.compare("The council approved the new budget on Monday after a long debate.");
        assert!(same.closest > 0.99 && same.new_terms == 0.0, "{same:?}");
        let new = seen.compare("Protesters blocked the bridge downtown, police said.");
        assert!(new.closest < 0.2 && new.new_terms > 0.8, "{new:?}");
        assert!(new.novelty() > 0.8 && same.novelty() < 0.01);
        let partly = seen.compare("The budget cuts bus routes to the airport.");
        assert!(partly.novelty() > same.novelty() && partly.novelty() < new.novelty());
    }

    #[test]
    fn nothing_seen() {
        let mut seen = Seen::new(std::iter::empty());
        assert_eq!(seen.compare("Anything at all here.").closest, 0.0);
    }
}
