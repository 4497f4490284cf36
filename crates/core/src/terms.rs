//! Terms: the content words of a sentence as stemmed, interned ids, for comparing sentences.
//!
//! Words are lowercased runs of letters and digits; English stop words are left out and the rest are
//! reduced with the Snowball English stemmer, so "meetings" and "meeting" count as one term.

use std::cell::RefCell;

use newsbrief_ner::names::is_invisible_joiner;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// Most distinct words a thread remembers the stems of (bounds memory; words past it are stemmed
/// each time a story meets them).
const INTERNER_LIMIT: usize = 200_000;

/// The stem id of a stop word (never handed out as a term).
const STOP: u32 = u32::MAX;

thread_local! {
    /// The words this thread has seen, shared by every story it works on.
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::default());
}

/// A thread's table of lowercased words and their stems, each stem with a thread-wide id. Entries are
/// never removed, so an id means the same stem for the life of the thread.
#[derive(Default)]
struct Interner {
    /// Lowercased word → stem id (or [`STOP`]) and whether it is a number word.
    words: FxHashMap<Box<str>, (u32, bool)>,
    /// Stem → stem id.
    stems: FxHashMap<Box<str>, u32>,
    /// Stem id → the stem's stable hash (see [`stem_ids`]).
    hashes: Vec<u64>,
}

/// A stem as the interner knows it: by id, or by text when the interner is full and has never seen it.
enum StemKey {
    Id(u32),
    Text(String),
}

impl Interner {
    /// The stem of a lowercased word, and whether the word is a number word (see [`is_number_word`]).
    fn stem(&mut self, word: &str, stemmer: &Stemmer) -> (StemKey, bool) {
        if let Some(&(id, number_word)) = self.words.get(word) {
            return (StemKey::Id(id), number_word);
        }
        let number_word = is_number_word(word);
        let full = self.words.len() >= INTERNER_LIMIT;
        let id = if is_stop_word(word) {
            STOP
        } else {
            let stem = stemmer.stem(word);
            match self.stems.get(stem.as_ref()) {
                Some(&id) => id,
                None if full => return (StemKey::Text(stem.into_owned()), number_word),
                None => {
                    let id = self.stems.len() as u32;
                    self.stems.insert(stem.as_ref().into(), id);
                    self.hashes.push(stable_hash(stem.as_bytes()));
                    id
                }
            }
        };
        if !full {
            self.words.insert(word.into(), (id, number_word));
        }
        (StemKey::Id(id), number_word)
    }
}

/// A content word as [`Vocabulary::written_terms`] gives it: its term id and how it was written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Written {
    pub id: u32,
    /// Starts with a capital letter.
    pub capitalised: bool,
    /// The first word of the text.
    pub first: bool,
    /// A figure: has a digit, or is a number word ("six", "dozen", "million").
    pub figure: bool,
}

/// Whether a lower-cased word states a figure: a number word below a hundred ("six", "forty") or a
/// count or scale word.
fn is_number_word(lowered: &str) -> bool {
    newsbrief_timex::number_word_value(lowered).is_some()
        || matches!(
            lowered,
            "dozen"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "million"
                | "millions"
                | "billion"
                | "billions"
        )
}

/// Interns stemmed terms as dense ids, in order of first appearance (so ids are deterministic).
pub struct Vocabulary {
    stemmer: Stemmer,
    /// Thread-wide stem id → term id.
    ids: FxHashMap<u32, u32>,
    /// Stem → term id, for the stems the thread's interner could not take.
    overflow: FxHashMap<String, u32>,
    lowered: String,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            stemmer: Stemmer::create(Algorithm::English),
            ids: FxHashMap::default(),
            overflow: FxHashMap::default(),
            lowered: String::new(),
        }
    }
}

impl Vocabulary {
    /// The term ids of the content words of `text`, in order, repeats kept.
    pub fn terms(&mut self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        self.each_term(text, |id, _, _, _| out.push(id));
        out
    }

    /// [`Vocabulary::terms`] with how each word was written.
    pub fn written_terms(&mut self, text: &str) -> Vec<Written> {
        let mut out = Vec::new();
        self.each_term(text, |id, word, number_word, at| {
            out.push(Written {
                id,
                capitalised: word.starts_with(char::is_uppercase),
                first: at == 0,
                figure: number_word || word.bytes().any(|b| b.is_ascii_digit()),
            });
        });
        out
    }

    /// Calls `each` with the term id, the word, whether it is a number word and its index among all the
    /// words of `text`, for every content word.
    fn each_term(&mut self, text: &str, mut each: impl FnMut(u32, &str, bool, usize)) {
        INTERNER.with_borrow_mut(|interner| {
            for (at, word) in words(text).enumerate() {
                lowercase_into(word, &mut self.lowered);
                let next = self.len() as u32;
                let (stem, number_word) = interner.stem(&self.lowered, &self.stemmer);
                let id = match stem {
                    StemKey::Id(STOP) => continue,
                    StemKey::Id(stem) => *self.ids.entry(stem).or_insert(next),
                    StemKey::Text(stem) => *self.overflow.entry(stem).or_insert(next),
                };
                each(id, word, number_word, at);
            }
        });
    }

    /// How many distinct terms have been seen.
    pub fn len(&self) -> usize {
        self.ids.len() + self.overflow.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Dot product of two sparse vectors, each a list of (term, weight) sorted by term.
pub fn sparse_dot<K: Ord>(a: &[(K, f32)], b: &[(K, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Stable 64-bit ids of the stemmed content words of `text`, in order, repeats kept. The same stem gets
/// the same id on every thread, run and machine (a hash of the stem), so ids can be kept with a stream's
/// stories and compared with articles that arrive later.
pub fn stem_ids(text: &str) -> Vec<u64> {
    thread_local! {
        static STEMMER: (Stemmer, RefCell<String>) =
            (Stemmer::create(Algorithm::English), RefCell::new(String::new()));
    }
    let mut out = Vec::new();
    STEMMER.with(|(stemmer, lowered)| {
        let mut lowered = lowered.borrow_mut();
        INTERNER.with_borrow_mut(|interner| {
            for word in words(text) {
                lowercase_into(word, &mut lowered);
                match interner.stem(&lowered, stemmer).0 {
                    StemKey::Id(STOP) => {}
                    StemKey::Id(stem) => out.push(interner.hashes[stem as usize]),
                    StemKey::Text(stem) => out.push(stable_hash(stem.as_bytes())),
                }
            }
        });
    });
    out
}

/// FNV-1a, 64 bits: a hash that is the same on every platform and run.
pub fn stable_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Writes `word` lowercased into `out` (a plain byte copy for ASCII words, the common case).
fn lowercase_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(
            word.chars()
                .filter(|&c| !is_invisible_joiner(c))
                .flat_map(char::to_lowercase),
        );
    }
}

/// The words of `text`: runs of letters and digits (an apostrophe inside a word ends it, so "Sessions'"
/// and "Session's" both give "Session"/"Sessions" and a dropped "s").
pub fn words(text: &str) -> Words<'_> {
    Words { text, at: 0 }
}

/// Iterator over the words of a text (see [`words`]); scans bytes, decoding only non-ASCII characters,
/// so every index it uses stays on a character boundary.
pub struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    /// Whether the non-ASCII character at byte `i` (a character boundary) is part of a word — an invisible
    /// joiner (a soft hyphen left by a web page's `&shy;`: "Vladi\u{ad}mir") only `within` one, and its term
    /// drops it — and its length in bytes.
    fn non_ascii(&self, i: usize, within: bool) -> (bool, usize) {
        match self.text.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => (
                c.is_alphanumeric() || (within && is_invisible_joiner(c)),
                c.len_utf8(),
            ),
            None => (false, 1),
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (inside, n) = self.non_ascii(i, false);
                if inside {
                    break;
                }
                i += n;
            }
        }
        if i >= bytes.len() {
            self.at = bytes.len();
            return None;
        }
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                i += 1;
            } else {
                let (inside, n) = self.non_ascii(i, true);
                if !inside {
                    break;
                }
                i += n;
            }
        }
        self.at = i;
        self.text.get(start..i)
    }
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
    fn sparse_dot_multiplies_the_shared_terms_only() {
        let a = [(1u32, 2.0), (3, 1.0), (7, 0.5)];
        let b = [(0u32, 9.0), (3, 4.0), (7, 2.0), (8, 1.0)];
        assert_eq!(sparse_dot(&a, &b), 5.0);
        assert_eq!(sparse_dot(&a, &[]), 0.0);
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let found: Vec<_> = words("Sessions' 2017 meeting—with Kislyak, Straße №5 é").collect();
        assert_eq!(
            found,
            ["Sessions", "2017", "meeting", "with", "Kislyak", "Straße", "5", "é"]
        );
        assert_eq!(words("").count(), 0);
        assert_eq!(words(" ,; ").count(), 0);
        // A soft hyphen (`&shy;`) joins; on its own it is no word.
        let found: Vec<_> = words("Vladi\u{ad}mir \u{ad} Putin").collect();
        assert_eq!(found, ["Vladi\u{ad}mir", "Putin"]);
        assert_eq!(stem_ids("Vladi\u{ad}mir"), stem_ids("Vladimir"));
    }

    #[test]
    fn stem_ids_are_stable_hashes_of_stems() {
        let ids = stem_ids("The meetings; a MEETING met.");
        assert_eq!(ids.len(), 3);
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[0], stable_hash(b"meet"));
        assert_eq!(
            stem_ids("meeting"),
            std::thread::spawn(|| stem_ids("meeting")).join().unwrap()
        );
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
