//! Terms: the content words of a sentence as stemmed, interned ids, for comparing sentences.
//!
//! Words are lowercased runs of letters and digits; English stop words are left out and the rest are
//! reduced with the Snowball English stemmer, so "meetings" and "meeting" count as one term.

use std::cell::RefCell;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// Most distinct words a thread keeps the stems of before starting afresh (bounds memory).
const STEM_CACHE_LIMIT: usize = 200_000;

thread_local! {
    /// Stems of the words this thread has seen, shared by every story it summarises.
    static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

/// Interns stemmed terms as dense ids, in order of first appearance (so ids are deterministic).
pub struct Vocabulary {
    stemmer: Stemmer,
    /// Stem → term id.
    ids: HashMap<String, u32>,
    /// Lowercased word → term id, so each distinct word is stemmed once.
    words: HashMap<String, u32>,
    lowered: String,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            stemmer: Stemmer::create(Algorithm::English),
            ids: HashMap::new(),
            words: HashMap::new(),
            lowered: String::new(),
        }
    }
}

impl Vocabulary {
    /// The term ids of the content words of `text`, in order, repeats kept.
    pub fn terms(&mut self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for word in words(text) {
            self.lowered.clear();
            self.lowered
                .extend(word.chars().flat_map(char::to_lowercase));
            if is_stop_word(&self.lowered) {
                continue;
            }
            if let Some(&id) = self.words.get(self.lowered.as_str()) {
                out.push(id);
                continue;
            }
            let stem = STEMS.with_borrow_mut(|cache| {
                if cache.len() >= STEM_CACHE_LIMIT {
                    cache.clear();
                }
                cache
                    .entry(self.lowered.clone())
                    .or_insert_with(|| self.stemmer.stem(&self.lowered).into_owned())
                    .clone()
            });
            let next = self.ids.len() as u32;
            let id = *self.ids.entry(stem).or_insert(next);
            self.words.insert(self.lowered.clone(), id);
            out.push(id);
        }
        out
    }

    /// How many distinct terms have been seen.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The words of `text`: runs of letters and digits (an apostrophe inside a word ends it, so "Sessions'"
/// and "Session's" both give "Session"/"Sessions" and a dropped "s").
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
        || (word.len() == 1 && !word.chars().all(|c| c.is_ascii_digit()))
}

/// English function words (sorted, for binary search).
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "ll",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "re",
    "s",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "ve",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn stems_and_skips_function_words() {
        let mut v = Vocabulary::default();
        let a = v.terms("The meetings were held.");
        let b = v.terms("A meeting is held");
        assert_eq!(a, b);
        assert_eq!(a.len(), 2);
    }
}
