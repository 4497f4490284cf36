//! The article-body metric of the extraction benchmark (scrapinghub article-extraction-benchmark):
//! text is split into words (`\w+`), shingled into word 4-grams, and the shingle multisets of the
//! predicted and the true body give per-page precision and recall; the benchmark averages them over
//! pages and takes F1 of the two means. Implemented once here and used by the benchmark binary.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Words per shingle.
const SHINGLE_WORDS: usize = 4;

/// Shingle counts of one page's predicted and true text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Shared shingles over predicted shingles, `None` when nothing was predicted and some text expected.
    pub precision: Option<f64>,
    /// Shared shingles over true shingles, `None` when the truth is empty and something was predicted.
    pub recall: Option<f64>,
}

/// Mean precision, mean recall and the F1 of those means over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub pages: usize,
}

fn word_regex() -> &'static regex::Regex {
    static WORDS: OnceLock<regex::Regex> = OnceLock::new();
    WORDS.get_or_init(|| {
        regex::Regex::new(r"\w+").unwrap_or_else(|_| unreachable!("constant regex"))
    })
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words: Vec<&str> = word_regex().find_iter(text).map(|m| m.as_str()).collect();
    let mut counts = HashMap::new();
    if words.is_empty() {
        return counts;
    }
    let windows = words.len().saturating_sub(SHINGLE_WORDS - 1).max(1);
    for start in 0..windows {
        let end = (start + SHINGLE_WORDS).min(words.len());
        *counts.entry(words[start..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Scores one page.
pub fn score_page(predicted: &str, truth: &str) -> PageScore {
    let predicted = shingles(predicted);
    let truth = shingles(truth);
    let shared: usize = predicted
        .iter()
        .map(|(s, &n)| n.min(truth.get(s).copied().unwrap_or(0)))
        .sum();
    let predicted_total: usize = predicted.values().sum();
    let truth_total: usize = truth.values().sum();
    let both_empty = predicted_total == 0 && truth_total == 0;
    let ratio = |total: usize| {
        if both_empty {
            Some(1.0)
        } else if total == 0 {
            None
        } else {
            Some(shared as f64 / total as f64)
        }
    };
    PageScore {
        precision: ratio(predicted_total),
        recall: ratio(truth_total),
    }
}

/// Averages page scores as the benchmark does.
pub fn summarise(scores: &[PageScore]) -> Summary {
    let mean = |values: Vec<f64>| {
        if values.is_empty() {
            0.0
        } else {
            values.iter().sum::<f64>() / values.len() as f64
        }
    };
    let precision = mean(scores.iter().filter_map(|s| s.precision).collect());
    let recall = mean(scores.iter().filter_map(|s| s.recall).collect());
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Summary {
        precision,
        recall,
        f1,
        pages: scores.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = score_page("one two three four five", "one two  three\nfour five");
        assert_eq!(
            s,
            PageScore {
                precision: Some(1.0),
                recall: Some(1.0)
            }
        );
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        let s = score_page("a b c d e f g h", "a b c d e");
        assert_eq!(s.recall, Some(1.0));
        assert!((s.precision.unwrap_or(0.0) - 2.0 / 5.0).abs() < 1e-9);
    }

    #[test]
    fn empty_prediction_has_no_precision_and_zero_recall() {
        let s = score_page("", "a b c d e");
        assert_eq!(
            s,
            PageScore {
                precision: None,
                recall: Some(0.0)
            }
        );
        let summary = summarise(&[s, score_page("a b c d e", "a b c d e")]);
        assert!((summary.precision - 1.0).abs() < 1e-9);
        assert!((summary.recall - 0.5).abs() < 1e-9);
    }
}
