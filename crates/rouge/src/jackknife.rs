//! Jackknifing over the references, as NIST scored DUC 2005–2007 and TAC: with N ≥ 2 references,
//! a summary is scored N times, each time against the N−1 references left when one is set aside,
//! and the N scores (each already rounded as the scorer prints it) are averaged. Human summaries,
//! which cannot be scored against themselves, are thereby comparable with systems. With one
//! reference there is nothing to leave out and the plain score is returned.

use crate::scores::{RougeType, Score, Scores};
use crate::Scorer;

/// The jackknifed score of `prediction`: the mean over every leave-one-out subset of `references`.
pub fn score_jackknifed(scorer: &mut Scorer, prediction: &str, references: &[&str]) -> Scores {
    if references.len() < 2 {
        return scorer.score(prediction, references);
    }
    let subsets: Vec<Scores> = (0..references.len())
        .map(|left_out| {
            let rest: Vec<&str> = references
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != left_out)
                .map(|(_, r)| *r)
                .collect();
            scorer.score(prediction, &rest)
        })
        .collect();
    mean_of(&subsets)
}

/// The per-variant mean of R, P and F over `all` (not empty).
fn mean_of(all: &[Scores]) -> Scores {
    let n = all.len() as f64;
    let mut mean = Scores::default();
    for t in RougeType::ALL {
        let (mut p, mut r, mut f) = (0.0, 0.0, 0.0);
        for s in all {
            let one = s.get(t);
            p += one.precision;
            r += one.recall;
            f += one.f1;
        }
        mean.set(
            t,
            Score {
                precision: p / n,
                recall: r / n,
                f1: f / n,
            },
        );
    }
    mean
}

#[cfg(test)]
mod tests {
    use super::score_jackknifed;
    use crate::{Compat, Rouge155Options, RougeType, Scorer};

    fn scorer() -> Scorer {
        Scorer::new(Compat::Rouge155(Rouge155Options::default()))
    }

    #[test]
    fn one_reference_is_the_plain_score() {
        let mut s = scorer();
        let plain = s.score("the cat sat on the mat", &["a cat sat on a mat"]);
        let jk = score_jackknifed(&mut s, "the cat sat on the mat", &["a cat sat on a mat"]);
        assert_eq!(plain, jk);
    }

    #[test]
    fn averages_the_leave_one_out_subsets() {
        let mut s = scorer();
        let peer = "the cat sat on the mat";
        let refs = ["the cat sat", "a dog ran home", "the mat was red"];
        let r1 = |s: &mut Scorer, rs: &[&str]| s.score(peer, rs).get(RougeType::Rouge1).recall;
        let expected = (r1(&mut s, &[refs[1], refs[2]])
            + r1(&mut s, &[refs[0], refs[2]])
            + r1(&mut s, &[refs[0], refs[1]]))
            / 3.0;
        let jk = score_jackknifed(&mut s, peer, &refs)
            .get(RougeType::Rouge1)
            .recall;
        assert!((jk - expected).abs() < 1e-12, "{jk} vs {expected}");
        // Pooling all three references at once gives another figure: the subsets matter.
        let pooled = s.score(peer, &refs).get(RougeType::Rouge1).recall;
        assert!((jk - pooled).abs() > 1e-3, "{jk} vs {pooled}");
    }
}
