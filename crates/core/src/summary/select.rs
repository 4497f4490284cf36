//! Select: fill the word budget with the best sentences that do not repeat each other, then order them.

use std::collections::HashMap;

use super::candidates::Pool;
use super::concepts::Concepts;
use super::restate::Specifics;
use super::SummaryOptions;

/// Indices of the chosen candidates, in reading order. The word total never exceeds `budget`.
///
/// A candidate that opens with a pronoun ([`super::Candidate::leading_pronoun`]) is never chosen alone: it
/// is open once a candidate ending with the sentence before it in its article (its antecedent) is chosen,
/// and before that it competes together with its antecedent, the two at the gain of the better one; it is read right
/// after its antecedent.
///
/// With `concepts`, a candidate's gain adds the weight of the concepts it would newly cover per word
/// (scaled so the best candidate's first gain equals the scores' span, times the guide's concept weight).
pub fn select(
    pool: &Pool,
    scores: &[f32],
    opts: &SummaryOptions,
    concepts: Option<&Concepts>,
    order: Order,
) -> Vec<usize> {
    let budget = opts.words;
    let n = pool.candidates.len();
    let antecedents = antecedents(pool);
    let mut chosen: Vec<usize> = Vec::new();
    let mut is_chosen = vec![false; n];
    let mut max_sim = vec![0.0f32; n];
    let mut open = vec![true; n];
    let specifics = Specifics::of(pool);
    let mut used = 0usize;
    let dims = pool.vectors.iter().map(|v| v.dims()).max().unwrap_or(0);
    let mut dense = vec![0.0f32; dims];
    let words = |i: usize| pool.candidates[i].summary_words(opts.compress);
    let mut covered = vec![false; concepts.map_or(0, Concepts::len)];
    let concept_scale = concepts.map_or(0.0, |c| {
        let top = (0..n)
            .map(|i| c.gain(i, &covered) / words(i).max(1) as f32)
            .fold(0.0f32, f32::max);
        let span = match super::finite_range(scores) {
            Some((low, high)) if high > low => high - low,
            _ => 1.0,
        };
        if top > 0.0 {
            opts.guide.concepts.gain * span / top
        } else {
            0.0
        }
    });
    loop {
        // The best unit: a candidate, or a pronoun candidate with its antecedent chosen first.
        let mut best: Option<(f32, usize, Option<usize>)> = None;
        {
            // A score of minus infinity marks a candidate left out (it repeats what the reader saw).
            let fresh = |i: usize| open[i] && max_sim[i] < opts.redundancy && scores[i].is_finite();
            let gain = |i: usize| {
                let cover = concepts.map_or(0.0, |c| {
                    concept_scale * c.gain(i, &covered) / words(i).max(1) as f32
                });
                scores[i] - opts.diversity * max_sim[i] + cover
            };
            let resolved = |i: usize| {
                !pool.candidates[i].leading_pronoun || antecedents[i].iter().any(|&a| is_chosen[a])
            };
            for i in (0..n).filter(|&i| fresh(i)) {
                let unit = if resolved(i) {
                    (used + words(i) <= budget).then(|| (gain(i), None))
                } else {
                    antecedents[i]
                        .iter()
                        .filter(|&&a| {
                            fresh(a)
                                && resolved(a)
                                && used + words(a) + words(i) <= budget
                                && pool.vectors[a].cosine(&pool.vectors[i]) < opts.redundancy
                        })
                        .map(|&a| (gain(a).max(gain(i)), Some(a)))
                        .max_by(|x, y| x.0.total_cmp(&y.0))
                };
                if let Some((g, first)) = unit {
                    if best.is_none_or(|(b, _, _)| g > b) {
                        best = Some((g, i, first));
                    }
                }
            }
        }
        let Some((_, pick, first)) = best else { break };
        for k in first.into_iter().chain([pick]) {
            open[k] = false;
            is_chosen[k] = true;
            used += words(k);
            chosen.push(k);
            if let Some(c) = concepts {
                c.cover(k, &mut covered);
            }
            pool.vectors[k].scatter(&mut dense);
            for i in 0..n {
                if open[i] {
                    let (similarity, shared) = pool.vectors[i].dot_and_share_dense(&dense);
                    max_sim[i] = max_sim[i].max(similarity);
                    open[i] = !specifics.restates(i, k, shared);
                }
            }
            pool.vectors[k].unscatter(&mut dense);
        }
    }
    arrange(pool, &antecedents, &mut chosen, order);
    chosen
}

/// How the chosen sentences are read.
#[derive(Debug, Clone, Copy)]
pub enum Order<'a> {
    /// As a story: earlier-in-article sentences first (the news before the background), then by article.
    Story,
    /// The most novel first (one value per candidate, higher is newer), ties in story order: an update
    /// summary leads with what the reader did not know.
    NewestFirst(&'a [f32]),
}

/// For each candidate that opens with a pronoun, the candidates of its article that end with the sentence
/// right before it (empty for the others).
fn antecedents(pool: &Pool) -> Vec<Vec<usize>> {
    let cands = &pool.candidates;
    let mut out = vec![Vec::new(); cands.len()];
    if !cands.iter().any(|c| c.leading_pronoun) {
        return out;
    }
    let mut ending: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (j, a) in cands.iter().enumerate() {
        ending.entry((a.doc, a.sentences.end)).or_default().push(j);
    }
    for (c, slot) in cands.iter().zip(&mut out) {
        if c.leading_pronoun {
            if let Some(before) = ending.get(&(c.doc, c.sentences.start)) {
                slot.clone_from(before);
            }
        }
    }
    out
}

/// Reading order ([`Order`]); a sentence that opens with a pronoun goes right after its antecedent.
fn arrange(pool: &Pool, antecedents: &[Vec<usize>], chosen: &mut Vec<usize>, order: Order) {
    chosen.sort_by(|&a, &b| {
        let (ca, cb) = (&pool.candidates[a], &pool.candidates[b]);
        let rel = |c: &super::Candidate| c.position as f32 / pool.doc_lengths[c.doc].max(1) as f32;
        let newest = match order {
            Order::Story => std::cmp::Ordering::Equal,
            Order::NewestFirst(novelty) => novelty[b].total_cmp(&novelty[a]),
        };
        newest
            .then(rel(ca).total_cmp(&rel(cb)))
            .then(ca.doc.cmp(&cb.doc))
            .then(ca.position.cmp(&cb.position))
    });
    if chosen.iter().all(|&c| antecedents[c].is_empty()) {
        return;
    }
    let follows = |d: usize, a: usize| antecedents[d].contains(&a);
    let mut ordered = Vec::with_capacity(chosen.len());
    for &root in chosen.iter().filter(|&&c| antecedents[c].is_empty()) {
        let mut last = root;
        ordered.push(root);
        // Chains: "A said. She added. It was …" each lean on the one before.
        while let Some(&next) = chosen.iter().find(|&&d| follows(d, last)) {
            ordered.push(next);
            last = next;
        }
    }
    debug_assert_eq!(ordered.len(), chosen.len());
    *chosen = ordered;
}
