//! Scoring the corroboration judgements against a gold set of labelled sentence pairs.
//!
//! Each gold pair is "agree" (same claim, same details), "discrepancy" (same claim, a detail differs) or
//! "different" (another claim). Two tasks are scored: "same claim" (agree and discrepancy pairs are the
//! positives) and "discrepancy" (only discrepancy pairs are positives; a pair counts as found when it is
//! judged the same claim with at least one differing detail).

use serde::{Deserialize, Serialize};

use super::{judge_pairs, PairJudgement, SentencePair};

/// One labelled pair.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldPair {
    pub id: String,
    /// The Multi-News cluster the pair comes from, and the indices of its two articles there.
    pub cluster: String,
    pub doc_a: usize,
    pub doc_b: usize,
    pub a: String,
    pub b: String,
    /// "agree", "discrepancy" or "different".
    pub label: String,
    /// For discrepancies: "number", "date", "name" or "place".
    pub kind: Option<String>,
}

/// Precision, recall and F1 of one task, with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    fn from_counts(true_positives: usize, false_positives: usize, false_negatives: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(true_positives, true_positives + false_positives);
        let recall = ratio(true_positives, true_positives + false_negatives);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            true_positives,
            false_positives,
            false_negatives,
            precision,
            recall,
            f1,
        }
    }
}

/// The scores of both tasks, and the pairs judged wrongly (by id).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Evaluation {
    pub pairs: usize,
    pub same_claim: Prf,
    pub discrepancy: Prf,
    pub errors: Vec<String>,
}

/// Parses a JSONL gold set; a line that does not parse is an error naming its number.
pub fn parse(jsonl: &str) -> Result<Vec<GoldPair>, String> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}

/// Judges every pair on its own and scores the judgements.
pub fn evaluate(gold: &[GoldPair]) -> Evaluation {
    let pairs: Vec<SentencePair> = gold
        .iter()
        .map(|g| SentencePair {
            story: g.cluster.clone(),
            a: g.a.clone(),
            b: g.b.clone(),
        })
        .collect();
    let judged = judge_pairs(&pairs);
    let decisions: Vec<(bool, bool)> = judged
        .iter()
        .map(|j| (j.same, found_discrepancy(j)))
        .collect();
    let mut e = score(gold, &decisions);
    e.errors = gold
        .iter()
        .zip(&judged)
        .zip(&decisions)
        .filter(|((g, _), &(same, differ))| {
            (g.label != "different") != same || (g.label == "discrepancy") != differ
        })
        .map(|((g, j), _)| {
            format!(
                "{} gold={} same={} score={:.2} discrepancies={:?}",
                g.id, g.label, j.same, j.score, j.discrepancies
            )
        })
        .collect();
    e
}

/// Scores decisions (same claim, discrepancy found), one per gold pair; errors name the pairs judged wrongly.
pub fn score(gold: &[GoldPair], decisions: &[(bool, bool)]) -> Evaluation {
    let mut same = (0, 0, 0);
    let mut differ = (0, 0, 0);
    let mut errors = Vec::new();
    for (g, &(found_same, found_differ)) in gold.iter().zip(decisions) {
        let gold_same = g.label != "different";
        let gold_differ = g.label == "discrepancy";
        tally(&mut same, gold_same, found_same);
        tally(&mut differ, gold_differ, found_differ);
        if gold_same != found_same || gold_differ != found_differ {
            errors.push(format!(
                "{} gold={} same={found_same} discrepancy={found_differ}",
                g.id, g.label
            ));
        }
    }
    Evaluation {
        pairs: gold.len(),
        same_claim: Prf::from_counts(same.0, same.1, same.2),
        discrepancy: Prf::from_counts(differ.0, differ.1, differ.2),
        errors,
    }
}

fn found_discrepancy(j: &PairJudgement) -> bool {
    j.same && !j.discrepancies.is_empty()
}

/// Adds one decision to (true positives, false positives, false negatives).
fn tally(counts: &mut (usize, usize, usize), gold: bool, predicted: bool) {
    match (gold, predicted) {
        (true, true) => counts.0 += 1,
        (false, true) => counts.1 += 1,
        (true, false) => counts.2 += 1,
        (false, false) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_count_as_expected() {
        let p = Prf::from_counts(3, 1, 2);
        assert_eq!(p.precision, 0.75);
        assert_eq!(p.recall, 0.6);
        assert!(parse("{\"id\":\"x\"}").is_err());
    }
}
