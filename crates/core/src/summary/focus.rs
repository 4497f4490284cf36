//! Focus: how relevant a sentence is to a reader's question, for focused briefs.
//!
//! The question's content words (stemmed; instruction words such as "describe" or "discuss" left out)
//! form a query weighted by IDF over the story's sentences, names (capitalised inside a sentence) twice
//! as much as other words. The query is then expanded from the story's
//! own vocabulary by pseudo-relevance feedback: the terms that the sentences matching the question best
//! use most, weighted by their IDF, join it at a lower weight. A sentence's relevance is its BM25 score
//! with the expanded query's weights, scaled so the most relevant sentence has 1: unlike the cosine, it
//! does not favour a short sentence that shares one rare word with the question over a longer one that
//! answers it (on the DUC 2007 topics' set A, 100 words: R-2 0.1264 → 0.1407). Single texts (a quote,
//! an entity's context) are ranked by the cosine of [`Focus::relevance`].

use rustc_hash::FxHashSet;

use super::stems::{dot, weighted, Bag, TermTable};
use crate::terms::stem_ids;

/// Words that say what to do with the question, not what it is about.
const INSTRUCTION_WORDS: &str =
    "describe description discuss discussion identify explain explanation \
    include including specify specific detail details information give provide tell list mention \
    mentioned happen happened regarding concerning related relate aspect aspects etc also report \
    reported reports account accounts well various";

/// Sentences that feed the expansion (the best matches of the question).
const FEEDBACK_SENTENCES: usize = 10;
/// Terms added by the expansion.
const EXPANSION_TERMS: usize = 10;
/// Weight of the expansion terms beside the question's own (which weigh 1 before IDF).
const EXPANSION_WEIGHT: f32 = 0.5;
/// Weight of the question's names beside its other words.
const NAME_WEIGHT: f32 = 2.0;
/// BM25's term-frequency saturation and length normalisation, at their usual values (not tuned).
const BM25_K1: f32 = 1.2;
const BM25_B: f32 = 0.75;

/// A question turned into an expanded query over one story's sentences.
pub struct Focus {
    table: TermTable,
    idf: Vec<f32>,
    query: Bag,
    /// The term counts of the story's sentences given to [`Focus::new`].
    counts: Vec<Bag>,
    /// Whether any sentence of the story has a term of the question.
    matched: bool,
}

impl Focus {
    /// The query of `question` over the story told by `sentences` (given stemmed, as
    /// [`super::stems::Stemmed::candidates`]).
    pub fn new(question: &str, sentences: &[Vec<u64>]) -> Focus {
        let mut table = TermTable::default();
        let bags: Vec<Bag> = sentences
            .iter()
            .map(|s| table.bag_of_stems(s, true))
            .collect();
        let instructions: FxHashSet<u64> = stem_ids(INSTRUCTION_WORDS).into_iter().collect();
        let content: String = question
            .split_whitespace()
            .filter(|w| {
                let ids = stem_ids(w);
                ids.is_empty() || ids.iter().any(|id| !instructions.contains(id))
            })
            .collect::<Vec<_>>()
            .join(" ");
        let names: Vec<u32> = names(question)
            .flat_map(|name| table.bag(name, false))
            .map(|(t, _)| t)
            .collect();
        let mut question_bag = table.bag(&content, false);
        for e in &mut question_bag {
            e.1 = if names.contains(&e.0) {
                NAME_WEIGHT
            } else {
                1.0
            };
        }
        let idf = table.idf();
        let matched = question_bag.iter().any(|&(t, _)| table.df(t) > 0);
        let first = weighted(&question_bag, &idf, 0.0);
        let weighted_bags: Vec<Bag> = bags.iter().map(|b| weighted(b, &idf, 0.0)).collect();
        let query = if matched {
            expand(&first, &question_bag, &bags, &weighted_bags, &idf)
        } else {
            first
        };
        Focus {
            table,
            idf,
            query,
            counts: bags,
            matched,
        }
    }

    /// Whether the story has any term of the question at all.
    pub fn matched(&self) -> bool {
        self.matched
    }

    /// Cosine of `text` with the expanded query (0 when nothing is shared).
    pub fn relevance(&mut self, text: &str) -> f32 {
        let bag = self.table.bag(text, false);
        dot(&weighted(&bag, &self.idf, 0.0), &self.query)
    }

    /// Relevance of each of the story's sentences (those given to [`Focus::new`]) by BM25 with the
    /// expanded query's weights, scaled so the highest is 1 (all 0 when none matches).
    pub fn scaled(&self) -> Vec<f32> {
        let lengths: Vec<f32> = self
            .counts
            .iter()
            .map(|c| c.iter().map(|e| e.1).sum())
            .collect();
        let average = (lengths.iter().sum::<f32>() / lengths.len().max(1) as f32).max(1.0);
        let mut out: Vec<f32> = self
            .counts
            .iter()
            .zip(&lengths)
            .map(|(counts, &length)| {
                let norm = 1.0 - BM25_B + BM25_B * length / average;
                let saturated: Bag = counts
                    .iter()
                    .map(|&(t, n)| (t, n * (BM25_K1 + 1.0) / (n + BM25_K1 * norm)))
                    .collect();
                dot(&saturated, &self.query)
            })
            .collect();
        let top = out.iter().copied().fold(0.0f32, f32::max);
        if top > 0.0 {
            for r in &mut out {
                *r /= top;
            }
        }
        out
    }
}

/// The words of `question` that are names: capitalised, and not the first word of a sentence.
fn names(question: &str) -> impl Iterator<Item = &str> {
    let mut sentence_start = true;
    question.split_whitespace().filter_map(move |word| {
        let opens = sentence_start;
        sentence_start = word.ends_with(['.', '?', '!', ':']);
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        (!opens && bare.starts_with(char::is_uppercase)).then_some(bare)
    })
}

/// The query `first` (the question's terms, `question` as a bag) with the expansion terms of the
/// sentences it matches best, normalised to unit length.
fn expand(first: &Bag, question: &Bag, bags: &[Bag], weighted_bags: &[Bag], idf: &[f32]) -> Bag {
    let mut ranked: Vec<(f32, usize)> = weighted_bags
        .iter()
        .enumerate()
        .map(|(i, b)| (dot(b, first), i))
        .filter(|&(s, _)| s > 0.0)
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut counts: Vec<f32> = vec![0.0; idf.len()];
    for &(_, i) in ranked.iter().take(FEEDBACK_SENTENCES) {
        for &(t, _) in &bags[i] {
            counts[t as usize] += 1.0;
        }
    }
    let asked: FxHashSet<u32> = question.iter().map(|&(t, _)| t).collect();
    let mut candidates: Vec<(f32, u32)> = counts
        .iter()
        .enumerate()
        .filter(|&(t, &c)| c >= 2.0 && !asked.contains(&(t as u32)))
        .map(|(t, &c)| (c * idf[t], t as u32))
        .filter(|&(w, _)| w > 0.0)
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let top = candidates.first().map_or(1.0, |c| c.0);
    let first_max = first.iter().map(|e| e.1).fold(0.0f32, f32::max);
    let mut query: Bag = first.clone();
    for &(w, t) in candidates.iter().take(EXPANSION_TERMS) {
        query.push((t, EXPANSION_WEIGHT * first_max * w / top));
    }
    query.sort_by_key(|e| e.0);
    let norm = query.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt();
    if norm > 0.0 {
        for e in &mut query {
            e.1 /= norm;
        }
    }
    query
}

#[cfg(test)]
mod tests {
    use super::super::stems::Stemmed;
    use super::Focus;

    /// The story's sentences stemmed as candidates are.
    fn stemmed(sentences: &[&str]) -> Vec<Vec<u64>> {
        Stemmed::new(sentences.iter().copied(), std::iter::empty()).candidates
    }

    const STORY: [&str; 5] = [
        "The senator met the ambassador twice during the campaign.",
        "The meetings with the ambassador were not disclosed at the hearing.",
        "Stocks rose on Tuesday as oil prices fell.",
        "The ambassador's meetings drew questions from the committee.",
        "Rain is expected over the weekend in the capital.",
    ];

    #[test]
    fn relevant_sentences_rank_first() {
        let mut focus = Focus::new(
            "Describe the senator's meetings with the ambassador.",
            &stemmed(&STORY),
        );
        assert!(focus.matched());
        let r = focus.scaled();
        assert!(r[0] > r[2] && r[1] > r[2] && r[3] > r[4], "{r:?}");
        assert_eq!(r[2], 0.0);
        assert!(r.iter().any(|&x| (x - 1.0).abs() < 1e-6));
        // A single text is compared by the cosine with the same query.
        assert!(focus.relevance(STORY[3]) > focus.relevance(STORY[4]));
        assert_eq!(focus.relevance(STORY[2]), 0.0);
    }

    #[test]
    fn a_sentence_that_answers_outranks_a_short_one_sharing_a_word() {
        let story = [
            "Ambassador arrives.",
            "The senator said his meetings with the ambassador were routine and that he had disclosed them.",
            "Stocks rose on Tuesday as oil prices fell.",
            "The weather stayed mild over the weekend.",
        ];
        let focus = Focus::new(
            "What did the senator say about his meetings with the ambassador?",
            &stemmed(&story),
        );
        let r = focus.scaled();
        assert!(r[1] > r[0] && r[0] > r[2], "{r:?}");
    }

    #[test]
    fn expansion_reaches_sentences_without_the_question_words() {
        // "committee" and "hearing" share no word with the question, but the story's best matches
        // use "ambassador" and "meetings": the query grows from the story's own vocabulary.
        let story = [
            "The ambassador meetings raised questions in the hearing.",
            "The ambassador meetings came up at the hearing again.",
            "The hearing lasted four hours.",
            "Stocks rose on Tuesday.",
        ];
        let focus = Focus::new("What about the ambassador?", &stemmed(&story));
        let r = focus.scaled();
        assert!(r[2] > 0.0 && r[3] == 0.0, "{r:?}");
    }

    #[test]
    fn names_are_capitalised_words_inside_a_sentence() {
        let found: Vec<&str> =
            super::names("What did Sessions tell Al Franken? Describe the (Senate) hearing.")
                .collect();
        assert_eq!(found, ["Sessions", "Al", "Franken", "Senate"]);
    }

    #[test]
    fn absent_question_terms_are_reported() {
        let focus = Focus::new("volcanic eruptions in Iceland", &stemmed(&STORY));
        assert!(!focus.matched());
    }
}
