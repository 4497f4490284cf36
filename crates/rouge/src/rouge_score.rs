//! Scoring that reproduces Google's `rouge-score` 0.1.2 (`use_stemmer=True`): its tokenizer,
//! NLTK's Porter stemmer, ROUGE-N, ROUGE-L, ROUGE-Lsum, and `score_multi` (best F per variant).
//! ROUGE-SU4, which rouge-score lacks, is counted as ROUGE-1.5.5 counts it, on these tokens.

use crate::counts::{ngrams, short_ngrams, skip_bigrams_with_unigrams, Grams};
use crate::lcs::{counts, lcs_len, union_lcs_hits, LcsBuffers};
use crate::scores::{harmonic_mean, RougeType, Score, Scores};
use crate::vocab::{tokenize_rouge_score, TokenizedText, Vocab};

/// Working state reused across calls.
#[derive(Debug, Clone, Default)]
pub struct Workspace {
    prediction: TokenizedText,
    reference: TokenizedText,
    text_buf: String,
    lcs: LcsBuffers,
}

/// The n-gram and skip-bigram multisets of one text.
struct TextGrams {
    short: [Grams<u64>; 2],
    long: [Grams<u128>; 2],
    su4: Grams<u64>,
}

impl TextGrams {
    fn of(ids: &[u32]) -> TextGrams {
        TextGrams {
            short: [short_ngrams(ids, 1), short_ngrams(ids, 2)],
            long: [ngrams(ids, 3), ngrams(ids, 4)],
            su4: skip_bigrams_with_unigrams(ids, 4),
        }
    }
}

fn gram_score<K: Ord + Copy>(prediction: &Grams<K>, reference: &Grams<K>) -> Score {
    Score::from_counts(
        reference.overlap(prediction),
        prediction.total,
        reference.total,
    )
}

/// Scores `prediction` against each of `references`, keeping per variant the reference with the
/// highest F (the first one on ties); no reference scores as one empty reference.
pub fn score(
    prediction: &str,
    references: &[&str],
    vocab: &mut Vocab,
    ws: &mut Workspace,
) -> Scores {
    vocab.trim();
    tokenize_rouge_score(prediction, vocab, &mut ws.prediction, &mut ws.text_buf);
    let prediction_grams = TextGrams::of(&ws.prediction.ids);
    let mut best: Option<Scores> = None;
    for reference in references
        .iter()
        .copied()
        .chain(references.is_empty().then_some(""))
    {
        tokenize_rouge_score(reference, vocab, &mut ws.reference, &mut ws.text_buf);
        let scores = pair(
            &ws.prediction,
            &prediction_grams,
            &ws.reference,
            &mut ws.lcs,
        );
        best = Some(match best {
            None => scores,
            Some(mut kept) => {
                for (t, s) in scores.iter() {
                    if s.f1 > kept.get(t).f1 {
                        kept.set(t, s);
                    }
                }
                kept
            }
        });
    }
    best.unwrap_or_default()
}

fn pair(
    prediction: &TokenizedText,
    prediction_grams: &TextGrams,
    reference: &TokenizedText,
    lcs: &mut LcsBuffers,
) -> Scores {
    let mut scores = Scores::default();
    let reference_grams = TextGrams::of(&reference.ids);
    let (p, r) = (prediction_grams, &reference_grams);
    scores.set(RougeType::Rouge1, gram_score(&p.short[0], &r.short[0]));
    scores.set(RougeType::Rouge2, gram_score(&p.short[1], &r.short[1]));
    scores.set(RougeType::Rouge3, gram_score(&p.long[0], &r.long[0]));
    scores.set(RougeType::Rouge4, gram_score(&p.long[1], &r.long[1]));
    scores.set(RougeType::RougeSU4, gram_score(&p.su4, &r.su4));
    scores.set(
        RougeType::RougeL,
        lcs_score(&reference.ids, &prediction.ids, lcs),
    );
    scores.set(RougeType::RougeLsum, lsum_score(reference, prediction, lcs));
    scores
}

fn ratio_score(hits: u32, prediction_len: usize, reference_len: usize) -> Score {
    let precision = f64::from(hits) / prediction_len as f64;
    let recall = f64::from(hits) / reference_len as f64;
    Score {
        precision,
        recall,
        f1: harmonic_mean(precision, recall),
    }
}

fn lcs_score(reference: &[u32], prediction: &[u32], lcs: &mut LcsBuffers) -> Score {
    if reference.is_empty() || prediction.is_empty() {
        return Score::default();
    }
    ratio_score(
        lcs_len(reference, prediction, lcs),
        prediction.len(),
        reference.len(),
    )
}

fn lsum_score(
    reference: &TokenizedText,
    prediction: &TokenizedText,
    lcs: &mut LcsBuffers,
) -> Score {
    if reference.ids.is_empty() || prediction.ids.is_empty() {
        return Score::default();
    }
    let reference_units: Vec<&[u32]> = reference.sentences().filter(|s| !s.is_empty()).collect();
    let prediction_units: Vec<&[u32]> = prediction.sentences().filter(|s| !s.is_empty()).collect();
    let mut reference_counts = counts(reference_units.iter().copied());
    let mut prediction_counts = counts(prediction_units.iter().copied());
    let hits = union_lcs_hits(
        &reference_units,
        &prediction_units,
        &mut reference_counts,
        &mut prediction_counts,
        lcs,
    );
    ratio_score(hits, prediction.ids.len(), reference.ids.len())
}
