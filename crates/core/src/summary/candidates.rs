//! Candidates: the sentences of a story that may enter its summary, with their term vectors.

use std::ops::Range;

use super::vector::{self, SparseVec};
use crate::document::Document;
use crate::terms::Vocabulary;
use crate::Article;

/// A sentence that may enter the summary.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub doc: usize,
    pub range: Range<usize>,
    /// The sentence text with its inner line breaks folded into spaces.
    pub text: String,
    /// Position among its article's prose sentences.
    pub position: usize,
    pub words: usize,
    /// Share of the sentence's characters that stand inside quotation marks.
    pub quoted: f32,
    /// Starts in a way that needs the sentence before it ("He added:", "But ...").
    pub needs_context: bool,
}

/// All candidates of a story with their TF-IDF vectors and per-article vectors.
pub struct Pool {
    pub candidates: Vec<Candidate>,
    pub vectors: Vec<SparseVec>,
    /// One vector per article (over all its candidate sentences).
    pub doc_vectors: Vec<SparseVec>,
    /// How many prose sentences each article has.
    pub doc_lengths: Vec<usize>,
}

/// Shortest and longest sentences worth putting in a summary, in words.
const MIN_WORDS: usize = 6;
const MAX_WORDS: usize = 80;

/// Cleans and splits every article and keeps the sentences that can stand in a summary.
pub fn collect(articles: &[Article]) -> Pool {
    let mut vocabulary = Vocabulary::default();
    let mut candidates = Vec::new();
    let mut bags = Vec::new();
    let mut doc_lengths = Vec::with_capacity(articles.len());
    for (doc, article) in articles.iter().enumerate() {
        let analysed = Document::analyse(&article.text);
        doc_lengths.push(analysed.prose().count());
        for s in analysed.prose() {
            let raw = &article.text[s.range.clone()];
            let words = super::word_count(raw);
            if !(MIN_WORDS..=MAX_WORDS).contains(&words) || !stands_alone(raw) {
                continue;
            }
            bags.push(vocabulary.terms(raw));
            candidates.push(Candidate {
                doc,
                range: s.range.clone(),
                text: raw.split_whitespace().collect::<Vec<_>>().join(" "),
                position: s.position,
                words,
                quoted: quoted_share(raw),
                needs_context: needs_context(raw),
            });
        }
    }
    let idf = vector::idf(bags.iter().map(Vec::as_slice), vocabulary.len());
    let vectors: Vec<SparseVec> = bags.iter().map(|b| SparseVec::tf_idf(b, &idf)).collect();
    let doc_vectors = (0..articles.len())
        .map(|d| {
            SparseVec::centroid(
                candidates
                    .iter()
                    .zip(&vectors)
                    .filter(|(c, _)| c.doc == d)
                    .map(|(_, v)| v),
            )
        })
        .collect();
    Pool {
        candidates,
        vectors,
        doc_vectors,
        doc_lengths,
    }
}

/// Fragments and lead-ins that cannot open a summary line: a lowercase start, a trailing colon.
fn stands_alone(sentence: &str) -> bool {
    let first = sentence.trim_start_matches(|c: char| {
        matches!(
            c,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '-' | '–' | '—' | '•' | '*' | ' '
        )
    });
    let starts_well = first
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let ends_well = !sentence.trim_end().ends_with([':', ',', ';']);
    starts_well && ends_well
}

/// Openers that lean on the previous sentence.
fn needs_context(sentence: &str) -> bool {
    const OPENERS: &[&str] = &[
        "But ",
        "And ",
        "Or ",
        "So ",
        "Yet ",
        "Still, ",
        "However, ",
        "Also, ",
        "Instead, ",
        "Meanwhile, ",
        "He added",
        "She added",
        "They added",
        "It added",
        "That ",
        "This ",
        "These ",
        "Those ",
        "Such ",
    ];
    OPENERS.iter().any(|o| sentence.starts_with(o))
}

/// Share of characters inside quotation marks (straight or curly double quotes).
fn quoted_share(sentence: &str) -> f32 {
    let mut inside = false;
    let (mut quoted, mut total) = (0usize, 0usize);
    for c in sentence.chars() {
        match c {
            '"' => inside = !inside,
            '“' => inside = true,
            '”' => inside = false,
            _ if !c.is_whitespace() => {
                total += 1;
                if inside {
                    quoted += 1;
                }
            }
            _ => {}
        }
    }
    if total == 0 {
        0.0
    } else {
        quoted as f32 / total as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_ins_and_fragments_are_left_out() {
        assert!(!stands_alone("and then he left the building quietly."));
        assert!(!stands_alone(
            "He added the following statement to the record:"
        ));
        assert!(stands_alone("“It is false,” he said in the statement."));
        assert!(needs_context("But the senator said nothing more about it."));
    }

    #[test]
    fn quoted_share_counts_inside_marks() {
        assert!(quoted_share("“All of this is quoted.”") > 0.9);
        assert_eq!(quoted_share("Nothing here is quoted."), 0.0);
    }

    #[test]
    fn collects_from_every_article() {
        let articles = [
            Article::new(
                "a",
                "Headline\n\nThe senator met the ambassador twice last year. Too short.",
            ),
            Article::new(
                "b",
                "The ambassador met the senator twice, officials said on Wednesday.",
            ),
        ];
        let pool = collect(&articles);
        assert_eq!(pool.candidates.len(), 2);
        assert!(pool.vectors[0].cosine(&pool.vectors[1]) > 0.3);
    }
}
