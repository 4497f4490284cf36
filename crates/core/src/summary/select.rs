//! Select: fill the word budget with the best sentences that do not repeat each other, then order them.

use super::candidates::Pool;
use super::SummaryOptions;

/// Indices of the chosen candidates, in reading order. The word total never exceeds `budget`.
pub fn select(pool: &Pool, scores: &[f32], opts: &SummaryOptions) -> Vec<usize> {
    let budget = opts.words;
    let n = pool.candidates.len();
    let mut chosen: Vec<usize> = Vec::new();
    let mut max_sim = vec![0.0f32; n];
    let mut open = vec![true; n];
    let mut used = 0usize;
    let dims = pool.vectors.iter().map(|v| v.dims()).max().unwrap_or(0);
    let mut dense = vec![0.0f32; dims];
    loop {
        let best = (0..n)
            .filter(|&i| {
                open[i]
                    && used + pool.candidates[i].summary_words(opts.compress) <= budget
                    && max_sim[i] < opts.redundancy
            })
            .map(|i| (i, scores[i] - opts.diversity * max_sim[i]))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((pick, _)) = best else { break };
        open[pick] = false;
        used += pool.candidates[pick].summary_words(opts.compress);
        chosen.push(pick);
        pool.vectors[pick].scatter(&mut dense);
        for i in 0..n {
            if open[i] {
                max_sim[i] = max_sim[i].max(pool.vectors[i].dot_dense(&dense));
            }
        }
        pool.vectors[pick].unscatter(&mut dense);
    }
    order(pool, &mut chosen);
    chosen
}

/// Reading order: earlier-in-article sentences first (the news before the background), then by article.
fn order(pool: &Pool, chosen: &mut [usize]) {
    chosen.sort_by(|&a, &b| {
        let (ca, cb) = (&pool.candidates[a], &pool.candidates[b]);
        let rel = |c: &super::Candidate| c.position as f32 / pool.doc_lengths[c.doc].max(1) as f32;
        rel(ca)
            .total_cmp(&rel(cb))
            .then(ca.doc.cmp(&cb.doc))
            .then(ca.position.cmp(&cb.position))
    });
}
