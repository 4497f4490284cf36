//! N-gram and skip-bigram multisets as sorted `(key, count)` lists, and their clipped overlap.

/// A multiset of grams: sorted keys with their counts, plus the total. Keys are `u64` where two
/// token ids fit (unigrams, bigrams, skip bigrams) and `u128` for longer n-grams.
#[derive(Debug, Clone)]
pub struct Grams<K = u128> {
    pub entries: Vec<(K, u32)>,
    pub total: u32,
}

impl<K> Default for Grams<K> {
    fn default() -> Self {
        Grams {
            entries: Vec::new(),
            total: 0,
        }
    }
}

impl<K: Ord + Copy> Grams<K> {
    fn from_keys(mut keys: Vec<K>) -> Grams<K> {
        keys.sort_unstable();
        let total = keys.len() as u32;
        let mut entries: Vec<(K, u32)> = Vec::with_capacity(keys.len());
        for key in keys {
            match entries.last_mut() {
                Some((last, count)) if *last == key => *count += 1,
                _ => entries.push((key, 1)),
            }
        }
        Grams { entries, total }
    }

    /// Sum over grams of the smaller of the two counts.
    pub fn overlap(&self, other: &Grams<K>) -> u32 {
        let (mut i, mut j, mut hits) = (0, 0, 0);
        while i < self.entries.len() && j < other.entries.len() {
            let (a, ca) = self.entries[i];
            let (b, cb) = other.entries[j];
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    hits += ca.min(cb);
                    i += 1;
                    j += 1;
                }
            }
        }
        hits
    }
}

/// The n-grams (1 ≤ n ≤ 4) of `ids`.
pub fn ngrams(ids: &[u32], n: usize) -> Grams<u128> {
    if n == 0 || ids.len() < n {
        return Grams::default();
    }
    let keys = ids
        .windows(n)
        .map(|w| {
            w.iter()
                .fold(0u128, |key, &id| (key << 32) | (u128::from(id) + 1))
        })
        .collect();
    Grams::from_keys(keys)
}

/// The unigrams (`n == 1`) or bigrams (`n == 2`) of `ids`, with compact keys.
pub fn short_ngrams(ids: &[u32], n: usize) -> Grams<u64> {
    if !(1..=2).contains(&n) || ids.len() < n {
        return Grams::default();
    }
    let keys = ids
        .windows(n)
        .map(|w| w.iter().fold(0u64, |key, &id| (key << 32) | u64::from(id)))
        .collect();
    Grams::from_keys(keys)
}

/// ROUGE-1.5.5's skip bigrams with at most `max_gap` words between the pair, plus (its `-u`)
/// the unigram of every position except the last, exactly as its loop counts them.
pub fn skip_bigrams_with_unigrams(ids: &[u32], max_gap: usize) -> Grams<u64> {
    // A unigram's key has 0 in the high half; a pair's has the first id + 1 there.
    let mut keys = Vec::new();
    let last = ids.len().saturating_sub(1);
    for i in 0..last {
        keys.push(u64::from(ids[i]));
        let end = (i + max_gap + 1).min(last);
        for j in i + 1..=end {
            keys.push(((u64::from(ids[i]) + 1) << 32) | u64::from(ids[j]));
        }
    }
    Grams::from_keys(keys)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipped_overlap() {
        let a = ngrams(&[1, 2, 1, 2, 3], 1);
        let b = ngrams(&[1, 1, 1, 4], 1);
        assert_eq!(a.total, 5);
        assert_eq!(a.overlap(&b), 2);
        assert_eq!(ngrams(&[1, 2, 1, 2], 2).overlap(&ngrams(&[1, 2, 1], 2)), 2);
    }

    #[test]
    fn skip_bigrams_count_like_rouge155() {
        // 3 tokens: unigrams of positions 0 and 1, pairs (0,1) (0,2) (1,2).
        assert_eq!(skip_bigrams_with_unigrams(&[1, 2, 3], 4).total, 5);
        assert_eq!(skip_bigrams_with_unigrams(&[7], 4).total, 0);
        // gap limit: 7 tokens, gap 4 -> from position 0 pairs up to position 5.
        assert_eq!(
            skip_bigrams_with_unigrams(&[0, 1, 2, 3, 4, 5, 6], 4).total,
            6 + 5 + 5 + 4 + 3 + 2 + 1
        );
    }
}
