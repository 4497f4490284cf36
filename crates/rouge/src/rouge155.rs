//! Scoring that reproduces ROUGE-1.5.5 (`-n 4 -m -t 0 -p ALPHA -f A|B`, `-2 4 -u` for SU4, `-l`/
//! `-b`, `-s`): its reading and truncation of summaries, its tokens and stemmer, its pooling of
//! several models (`-f A`) or choice of the best one (`-f B`), and its rounding of every
//! per-summary score to 5 decimals (F is computed from the rounded P and R, as the Perl does).

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::counts::{ngrams, skip_bigrams_with_unigrams, Grams};
use crate::lcs::{counts, union_lcs_hits, LcsBuffers};
use crate::options::{MultiRef, Rouge155Options};
use crate::scores::{RougeType, Score, Scores};
use crate::text155::{read_text, read_text_lcs, sentences, tokens};
use crate::vocab::Vocab;

const SMART_STOPWORDS: &str = include_str!("../data/smart_common_words.txt");

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| SMART_STOPWORDS.lines().collect())
}

/// Perl's `sprintf("%7.5f", x)` read back as a number.
pub fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(0.0)
}

/// A summary as ROUGE-1.5.5 sees it.
struct Summary {
    /// Tokens of `readText` (n-grams, unigram counts, peer length).
    ids: Vec<u32>,
    /// Tokens of each `readText_LCS` unit.
    units: Vec<Vec<u32>>,
}

fn ids_of(unit: &[u8], opts: &Rouge155Options, vocab: &mut Vocab) -> Vec<u32> {
    tokens(unit)
        .filter(|t| !(opts.remove_stopwords && stopwords().contains(t)))
        .map(|t| vocab.id(t))
        .collect()
}

fn read(text: &str, opts: &Rouge155Options, vocab: &mut Vocab) -> Summary {
    let lines = sentences(text);
    let ids = ids_of(&read_text(&lines, opts.truncation), opts, vocab);
    let units = read_text_lcs(&lines, opts.truncation)
        .iter()
        .map(|u| ids_of(u, opts, vocab))
        .collect();
    Summary { ids, units }
}

/// Hit and length totals of one variant against one model.
#[derive(Clone, Copy)]
struct Tally {
    hits: u32,
    model_total: u32,
    peer_total: u32,
    /// What `-f B` ranks models by.
    rank: f64,
}

/// Combines per-model tallies as `-f` says and turns them into rounded R, P, F.
fn combine(tallies: &[Tally], opts: &Rouge155Options) -> Score {
    let (mut hits, mut model_total, mut peer_total) = (0u64, 0u64, 0u64);
    match opts.multi_ref {
        MultiRef::Average => {
            for t in tallies {
                hits += u64::from(t.hits);
                model_total += u64::from(t.model_total);
                peer_total += u64::from(t.peer_total);
            }
        }
        MultiRef::Best => {
            let mut best_rank = -1.0;
            for t in tallies {
                if t.rank > best_rank {
                    best_rank = t.rank;
                    (hits, model_total, peer_total) =
                        (t.hits.into(), t.model_total.into(), t.peer_total.into());
                }
            }
        }
    }
    let ratio = |total: u64| {
        if total != 0 {
            round5(hits as f64 / total as f64)
        } else {
            0.0
        }
    };
    let recall = ratio(model_total);
    let precision = ratio(peer_total);
    let alpha = opts.alpha;
    let denominator = (1.0 - alpha) * precision + alpha * recall;
    let f1 = if denominator > 0.0 {
        round5(precision * recall / denominator)
    } else {
        0.0
    };
    Score {
        precision,
        recall,
        f1,
    }
}

fn gram_tally<K: Ord + Copy>(model: &Grams<K>, peer: &Grams<K>) -> Tally {
    let hits = model.overlap(peer);
    let rank = if model.total != 0 {
        round5(f64::from(hits) / f64::from(model.total))
    } else {
        0.0
    };
    Tally {
        hits,
        model_total: model.total,
        peer_total: peer.total,
        rank,
    }
}

fn lcs_tally(
    model: &Summary,
    model_units: &[&[u32]],
    peer: &Summary,
    peer_units: &[&[u32]],
    buf: &mut LcsBuffers,
) -> Tally {
    let mut model_counts = counts(std::iter::once(model.ids.as_slice()));
    let mut peer_counts = counts(std::iter::once(peer.ids.as_slice()));
    let hits = union_lcs_hits(
        model_units,
        peer_units,
        &mut model_counts,
        &mut peer_counts,
        buf,
    );
    let base: usize = model_units.iter().map(|u| u.len()).sum();
    let rank = if base > 0 {
        f64::from(hits) / base as f64
    } else {
        0.0
    };
    Tally {
        hits,
        model_total: base as u32,
        peer_total: peer.ids.len() as u32,
        rank,
    }
}

/// Scores one peer summary against its models.
pub fn score(
    peer: &str,
    models: &[&str],
    opts: &Rouge155Options,
    vocab: &mut Vocab,
    lcs: &mut LcsBuffers,
) -> Scores {
    vocab.trim();
    let peer = read(peer, opts, vocab);
    let models: Vec<Summary> = models.iter().map(|m| read(m, opts, vocab)).collect();
    let peer_grams: Vec<Grams> = (1..=4).map(|n| ngrams(&peer.ids, n)).collect();
    let peer_su4 = skip_bigrams_with_unigrams(&peer.ids, 4);
    let peer_units: Vec<&[u32]> = peer.units.iter().map(Vec::as_slice).collect();
    let peer_whole: Vec<u32> = peer.units.concat();
    let orders = [
        RougeType::Rouge1,
        RougeType::Rouge2,
        RougeType::Rouge3,
        RougeType::Rouge4,
    ];
    let mut tallies: Vec<Vec<Tally>> = vec![Vec::with_capacity(models.len()); RougeType::ALL.len()];
    for model in &models {
        for (k, &t) in orders.iter().enumerate() {
            tallies[t as usize].push(gram_tally(&ngrams(&model.ids, k + 1), &peer_grams[k]));
        }
        tallies[RougeType::RougeSU4 as usize].push(gram_tally(
            &skip_bigrams_with_unigrams(&model.ids, 4),
            &peer_su4,
        ));
        let model_units: Vec<&[u32]> = model.units.iter().map(Vec::as_slice).collect();
        tallies[RougeType::RougeLsum as usize].push(lcs_tally(
            model,
            &model_units,
            &peer,
            &peer_units,
            lcs,
        ));
        let model_whole: Vec<u32> = model.units.concat();
        tallies[RougeType::RougeL as usize].push(lcs_tally(
            model,
            &[&model_whole],
            &peer,
            &[&peer_whole],
            lcs,
        ));
    }
    let mut scores = Scores::default();
    for t in RougeType::ALL {
        scores.set(t, combine(&tallies[t as usize], opts));
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::round5;

    #[test]
    fn rounds_half_to_even_like_c() {
        assert_eq!(round5(0.015625), 0.01562);
        assert_eq!(round5(1.0 / 3.0), 0.33333);
    }
}
