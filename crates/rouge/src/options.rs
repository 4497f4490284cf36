//! What a [`crate::Scorer`] reproduces: Google's `rouge-score` or ROUGE-1.5.5 with its switches.

/// Which official scorer to reproduce.
#[derive(Debug, Clone, PartialEq)]
pub enum Compat {
    /// Google's `rouge-score` 0.1.2 with `use_stemmer=True`; several references scored as the
    /// maximum F (its `score_multi`).
    RougeScore,
    /// ROUGE-1.5.5 run as `-n 4 -m -f A|B -t 0 -p ALPHA [-l N | -b N] [-s]` (and `-2 4 -u` for SU4).
    Rouge155(Rouge155Options),
}

/// The ROUGE-1.5.5 switches a user may choose.
#[derive(Debug, Clone, PartialEq)]
pub struct Rouge155Options {
    /// `-l` / `-b`: keep only the first words or bytes of every summary.
    pub truncation: Truncation,
    /// `-s`: remove the SMART stopwords before counting.
    pub remove_stopwords: bool,
    /// `-m`: Porter stemming (with the WordNet exceptions). On by default.
    pub stemming: bool,
    /// `-f`: how several references (models) combine.
    pub multi_ref: MultiRef,
    /// `-p`: the weight of recall in F (0.5 is the harmonic mean).
    pub alpha: f64,
    /// `-r`: bootstrap resamples for the confidence intervals.
    pub resamples: usize,
    /// `-c`: confidence level of the intervals, in percent.
    pub confidence: f64,
}

impl Default for Rouge155Options {
    fn default() -> Self {
        Rouge155Options {
            truncation: Truncation::None,
            remove_stopwords: false,
            stemming: true,
            multi_ref: MultiRef::Average,
            alpha: 0.5,
            resamples: 1000,
            confidence: 95.0,
        }
    }
}

/// Length limit applied to every summary before scoring (ROUGE-1.5.5 `-l` / `-b`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truncation {
    None,
    Words(usize),
    Bytes(usize),
}

impl Truncation {
    /// A zero limit means no limit, as in the Perl.
    pub(crate) fn effective(self) -> Truncation {
        match self {
            Truncation::Words(0) | Truncation::Bytes(0) => Truncation::None,
            other => other,
        }
    }
}

/// ROUGE-1.5.5 `-f`: `A` pools the counts of all models, `B` keeps the model with the best recall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MultiRef {
    Average,
    Best,
}
