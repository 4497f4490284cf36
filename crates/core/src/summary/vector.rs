//! Sparse TF-IDF vectors over interned terms, and their cosine similarity.

/// A sparse vector: (term id, weight) pairs sorted by term id, L2-normalised.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec(Vec<(u32, f32)>);

impl SparseVec {
    /// The TF-IDF vector of a bag of term ids, normalised to unit length.
    pub fn tf_idf(terms: &[u32], idf: &[f32]) -> SparseVec {
        let mut sorted = terms.to_vec();
        sorted.sort_unstable();
        let mut entries: Vec<(u32, f32)> = Vec::with_capacity(sorted.len());
        for t in sorted {
            match entries.last_mut() {
                Some((last, w)) if *last == t => *w += 1.0,
                _ => entries.push((t, 1.0)),
            }
        }
        for (t, w) in &mut entries {
            *w *= idf.get(*t as usize).copied().unwrap_or(1.0);
        }
        let mut v = SparseVec(entries);
        v.normalise();
        v
    }

    /// The sum of several vectors, normalised.
    pub fn centroid<'a>(vectors: impl Iterator<Item = &'a SparseVec>) -> SparseVec {
        let vectors: Vec<&SparseVec> = vectors.collect();
        let dims = vectors
            .iter()
            .filter_map(|v| v.0.last())
            .map(|&(t, _)| t as usize + 1)
            .max()
            .unwrap_or(0);
        let mut sum = vec![0.0f32; dims];
        let mut present = vec![false; dims];
        for v in &vectors {
            for &(t, w) in &v.0 {
                sum[t as usize] += w;
                present[t as usize] = true;
            }
        }
        let entries = (0..dims)
            .filter(|&t| present[t])
            .map(|t| (t as u32, sum[t]))
            .collect();
        let mut v = SparseVec(entries);
        v.normalise();
        v
    }

    /// The (term id, weight) entries, by term id.
    pub fn entries(&self) -> &[(u32, f32)] {
        &self.0
    }

    /// One past the largest term id of the vector (the length a dense copy needs).
    pub fn dims(&self) -> usize {
        self.0.last().map_or(0, |&(t, _)| t as usize + 1)
    }

    /// Writes the vector's weights into `dense` (indexed by term id), for fast [`SparseVec::dot_dense`];
    /// [`SparseVec::unscatter`] sets them back to zero.
    pub fn scatter(&self, dense: &mut [f32]) {
        for &(t, w) in &self.0 {
            if let Some(slot) = dense.get_mut(t as usize) {
                *slot = w;
            }
        }
    }

    /// Zeroes the entries [`SparseVec::scatter`] wrote.
    pub fn unscatter(&self, dense: &mut [f32]) {
        for &(t, _) in &self.0 {
            if let Some(slot) = dense.get_mut(t as usize) {
                *slot = 0.0;
            }
        }
    }

    /// The dot product with a vector scattered into `dense`: the same value as [`SparseVec::cosine`] with
    /// that vector, at the cost of one lookup per entry of `self`.
    pub fn dot_dense(&self, dense: &[f32]) -> f32 {
        self.0
            .iter()
            .map(|&(t, w)| dense.get(t as usize).map_or(0.0, |d| d * w))
            .sum()
    }

    /// [`SparseVec::dot_dense`], and the share of this vector's weight (L1) on terms the scattered vector
    /// also has: how much of this sentence another one already says, whatever else that one says.
    pub fn dot_and_share_dense(&self, dense: &[f32]) -> (f32, f32) {
        let (mut dot, mut covered, mut total) = (0.0, 0.0, 0.0);
        for &(t, w) in &self.0 {
            total += w;
            if let Some(&d) = dense.get(t as usize).filter(|&&d| d > 0.0) {
                dot += d * w;
                covered += w;
            }
        }
        (dot, if total > 0.0 { covered / total } else { 0.0 })
    }

    /// Cosine similarity (both vectors are unit length, so this is the dot product).
    pub fn cosine(&self, other: &SparseVec) -> f32 {
        crate::terms::sparse_dot(&self.0, &other.0)
    }

    fn normalise(&mut self) {
        let norm = self.0.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut self.0 {
                *w /= norm;
            }
        }
    }
}

/// Inverse document frequencies of term ids over a collection of term bags: ln(1 + n / df).
pub fn idf<'a>(bags: impl Iterator<Item = &'a [u32]>, vocabulary_len: usize) -> Vec<f32> {
    let mut df = vec![0u32; vocabulary_len];
    let mut last_seen = vec![u32::MAX; vocabulary_len];
    let mut n = 0u32;
    for bag in bags {
        for &t in bag {
            if let Some(seen) = last_seen.get_mut(t as usize) {
                if *seen != n {
                    *seen = n;
                    df[t as usize] += 1;
                }
            }
        }
        n += 1;
    }
    df.iter()
        .map(|&d| (1.0 + n as f32 / d.max(1) as f32).ln())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_equal_and_disjoint() {
        let idf = vec![1.0; 4];
        let a = SparseVec::tf_idf(&[0, 1, 1], &idf);
        let b = SparseVec::tf_idf(&[1, 0, 1], &idf);
        let c = SparseVec::tf_idf(&[2, 3], &idf);
        assert!((a.cosine(&b) - 1.0).abs() < 1e-6);
        assert_eq!(a.cosine(&c), 0.0);
        let empty = SparseVec::tf_idf(&[], &idf);
        assert_eq!(empty.cosine(&empty), 0.0);
    }

    #[test]
    fn dense_dot_equals_cosine() {
        let idf = vec![1.0, 2.0, 0.5, 3.0];
        let a = SparseVec::tf_idf(&[0, 1, 1, 3], &idf);
        let b = SparseVec::tf_idf(&[1, 2, 3, 3], &idf);
        let mut dense = vec![0.0; a.dims().max(b.dims())];
        a.scatter(&mut dense);
        assert_eq!(b.dot_dense(&dense), a.cosine(&b));
        a.unscatter(&mut dense);
        assert!(dense.iter().all(|&d| d == 0.0));
    }

    #[test]
    fn centroid_sums_and_normalises() {
        let idf = vec![1.0; 3];
        let a = SparseVec::tf_idf(&[0], &idf);
        let b = SparseVec::tf_idf(&[1], &idf);
        let c = SparseVec::centroid([&a, &b].into_iter());
        assert!((c.cosine(&a) - 0.5f32.sqrt()).abs() < 1e-6);
        assert_eq!(
            SparseVec::centroid(std::iter::empty()),
            SparseVec::default()
        );
    }

    #[test]
    fn rare_terms_weigh_more() {
        let bags: Vec<Vec<u32>> = vec![vec![0, 1], vec![0], vec![0]];
        let w = idf(bags.iter().map(Vec::as_slice), 2);
        assert!(w[1] > w[0]);
    }
}
