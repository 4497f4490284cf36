//! Score values: precision, recall and F of each ROUGE variant.

use serde::Serialize;

/// The ROUGE variants every scorer reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RougeType {
    Rouge1,
    Rouge2,
    Rouge3,
    Rouge4,
    /// LCS over the whole text as one sequence.
    RougeL,
    /// Summary-level union LCS over newline-separated sentences.
    RougeLsum,
    /// Skip bigrams with at most 4 words between them, plus unigrams.
    RougeSU4,
}

impl RougeType {
    /// Every variant, in report order.
    pub const ALL: [RougeType; 7] = [
        RougeType::Rouge1,
        RougeType::Rouge2,
        RougeType::Rouge3,
        RougeType::Rouge4,
        RougeType::RougeL,
        RougeType::RougeLsum,
        RougeType::RougeSU4,
    ];

    /// The key used in JSON and by rouge-score (`rouge1`, …, `rougeLsum`, `rougeSU4`).
    pub fn key(self) -> &'static str {
        match self {
            RougeType::Rouge1 => "rouge1",
            RougeType::Rouge2 => "rouge2",
            RougeType::Rouge3 => "rouge3",
            RougeType::Rouge4 => "rouge4",
            RougeType::RougeL => "rougeL",
            RougeType::RougeLsum => "rougeLsum",
            RougeType::RougeSU4 => "rougeSU4",
        }
    }

    /// A short label for tables (`R-1`, …, `R-Lsum`, `R-SU4`).
    pub fn label(self) -> &'static str {
        match self {
            RougeType::Rouge1 => "R-1",
            RougeType::Rouge2 => "R-2",
            RougeType::Rouge3 => "R-3",
            RougeType::Rouge4 => "R-4",
            RougeType::RougeL => "R-L",
            RougeType::RougeLsum => "R-Lsum",
            RougeType::RougeSU4 => "R-SU4",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Precision, recall and F of one variant, as fractions in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    /// rouge-score's scores from a hit count and the two totals.
    pub(crate) fn from_counts(hits: u32, prediction_total: u32, reference_total: u32) -> Score {
        let precision = f64::from(hits) / f64::from(prediction_total.max(1));
        let recall = f64::from(hits) / f64::from(reference_total.max(1));
        Score {
            precision,
            recall,
            f1: harmonic_mean(precision, recall),
        }
    }
}

/// rouge-score's `fmeasure`.
pub(crate) fn harmonic_mean(precision: f64, recall: f64) -> f64 {
    if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    }
}

/// The scores of all variants for one prediction.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    values: [Score; 7],
}

impl Scores {
    pub fn get(&self, rouge_type: RougeType) -> Score {
        self.values[rouge_type.index()]
    }

    pub fn set(&mut self, rouge_type: RougeType, score: Score) {
        self.values[rouge_type.index()] = score;
    }

    /// `(variant, score)` in report order.
    pub fn iter(&self) -> impl Iterator<Item = (RougeType, Score)> + '_ {
        RougeType::ALL.iter().map(move |&t| (t, self.get(t)))
    }
}
