//! newsbrief-rouge: ROUGE scoring that reproduces the two official scorers exactly.
//!
//! * [`Compat::RougeScore`]: Google's `rouge-score` 0.1.2 with `use_stemmer=True` (its tokenizer,
//!   NLTK's Porter stemmer on tokens longer than 3 characters, ROUGE-Lsum over `\n`-separated
//!   sentences, several references scored as the maximum F).
//! * [`Compat::Rouge155`]: ROUGE-1.5.5 (`-n 4 -m -t 0 -p 0.5 -f A`, plus `-l`/`-b`/`-s`/`-f B` as
//!   chosen): its tokenisation, its Porter stemmer with the WordNet 2.0 exception list, its pooling
//!   of several models, its 5-decimal rounding and its bootstrap.
//!
//! ```
//! use newsbrief_rouge::{Compat, RougeType, Scorer};
//! let mut scorer = Scorer::new(Compat::RougeScore);
//! let scores = scorer.score("the cat sat", &["the cat sat down"]);
//! assert_eq!(scores.get(RougeType::Rouge1).precision, 1.0);
//! ```
//!
//! The crate does no I/O: [`jsonl`] parses file contents given as strings.

mod bootstrap;
mod counts;
mod jackknife;
pub mod jsonl;
mod lcs;
mod options;
mod porter155;
mod porter_nltk;
mod rouge155;
mod rouge_score;
mod scores;
mod text155;
mod vocab;

pub use bootstrap::{
    aggregate, percentile_intervals, Aggregate, AggregateScore, BootstrapOptions, Estimate,
};
pub use options::{Compat, MultiRef, Rouge155Options, Truncation};
pub use scores::{RougeType, Score, Scores};
pub use vocab::has_rouge_score_tokens;

/// Scores predictions against references; keeps caches between calls, so reuse one per thread.
#[derive(Debug, Clone)]
pub struct Scorer {
    compat: Compat,
    vocab: vocab::Vocab,
    workspace: rouge_score::Workspace,
    lcs: lcs::LcsBuffers,
}

impl Scorer {
    pub fn new(compat: Compat) -> Scorer {
        let stemming = match &compat {
            Compat::RougeScore => vocab::Stemming::Nltk,
            Compat::Rouge155(o) if o.stemming => vocab::Stemming::Rouge155,
            Compat::Rouge155(_) => vocab::Stemming::Off,
        };
        Scorer {
            compat,
            vocab: vocab::Vocab::new(stemming),
            workspace: rouge_score::Workspace::default(),
            lcs: lcs::LcsBuffers::default(),
        }
    }

    /// A scorer reproducing rouge-score 0.1.2's `RougeScorer(use_stemmer=...)`: as
    /// `Scorer::new(Compat::RougeScore)` when `use_stemmer`, else with tokens counted unstemmed.
    pub fn rouge_score(use_stemmer: bool) -> Scorer {
        let mut scorer = Scorer::new(Compat::RougeScore);
        if !use_stemmer {
            scorer.vocab = vocab::Vocab::new(vocab::Stemming::Off);
        }
        scorer
    }

    pub fn compat(&self) -> &Compat {
        &self.compat
    }

    /// All variants of `prediction` against its `references` (no reference counts as one empty one).
    pub fn score(&mut self, prediction: &str, references: &[&str]) -> Scores {
        match &self.compat {
            Compat::RougeScore => {
                rouge_score::score(prediction, references, &mut self.vocab, &mut self.workspace)
            }
            Compat::Rouge155(opts) => {
                rouge155::score(prediction, references, opts, &mut self.vocab, &mut self.lcs)
            }
        }
    }

    /// NIST's jackknifed score: the mean over the leave-one-out subsets of `references` (the plain
    /// score with fewer than two references). Used for DUC 2005–2007 and TAC.
    pub fn score_jackknifed(&mut self, prediction: &str, references: &[&str]) -> Scores {
        jackknife::score_jackknifed(self, prediction, references)
    }

    /// Averages per-cluster scores with the bootstrap that goes with this scorer's mode.
    pub fn aggregate(&self, clusters: &[(&str, &Scores)]) -> Aggregate {
        aggregate(clusters, &BootstrapOptions::for_compat(&self.compat))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rouge_score_with_and_without_the_stemmer() {
        let stemmed = Scorer::rouge_score(true).score("the cats running", &["the cat runs"]);
        let plain = Scorer::rouge_score(false).score("the cats running", &["the cat runs"]);
        assert_eq!(stemmed.get(RougeType::Rouge1).precision, 1.0);
        assert!((plain.get(RougeType::Rouge1).precision - 1.0 / 3.0).abs() < 1e-15);
    }
}
