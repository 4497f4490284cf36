//! Word clusters learnt outside the repo: Brown clusters (1,000 classes) of about 190,000 English
//! words, read from a registry package by `scripts/ner/build-external-clusters.sh` and stored here
//! as 64-bit word hashes (no text). They come from far more text than the repo's own clusters
//! ([`crate::clusters`]), so they know names the repo's news text never shows.
//!
//! A cluster is a path in the Brown merge tree, stored as an integer whose lowest bit is the path's
//! first step (so the path's first `k` steps are the integer's lowest `k` bits); words are keyed
//! case-sensitively, as the clustered text wrote them ("Bonn", "USA", "the").

use std::borrow::Cow;

use crate::features::feature;

/// First bytes of an encoded table.
const MAGIC: &[u8; 8] = b"NBBRN\x01\0\0";
/// Bytes of the header: the magic and the record count.
const HEADER: usize = MAGIC.len() + 8;
/// Bytes of one record: the word's hash and its path, little-endian.
const RECORD: usize = 12;
/// Interpolation steps of a lookup before it goes on by halving (hashes are uniform, so a lookup
/// takes two or three).
const INTERPOLATION_STEPS: usize = 8;
/// Feature template the word keys are hashed under (no feature uses it).
const WORD_KEY: u8 = 255;

/// A problem reading an external cluster list or an encoded table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExternalClustersError {
    #[error("not a newsbrief cluster table (bad magic bytes)")]
    BadMagic,
    #[error("cluster table truncated at byte {0}")]
    Truncated(usize),
    #[error("cluster table records out of order at record {0}")]
    Unsorted(usize),
    #[error("cluster list line {0}: expected word<TAB>path, the path a positive integer")]
    BadListLine(usize),
}

/// Hashed words and their cluster paths: the encoded records themselves, sorted by hash and searched
/// in place, so a table costs nothing to load (the committed one is borrowed from the binary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExternalClusters {
    records: Cow<'static, [u8]>,
}

impl ExternalClusters {
    /// A table with no words (every lookup misses).
    pub fn empty() -> Self {
        ExternalClusters::default()
    }

    /// Reads `word<TAB>path` lines, the path as the integer described in the module comment; a word
    /// listed twice keeps its last path.
    pub fn from_list(list: &str) -> Result<Self, ExternalClustersError> {
        let mut entries = Vec::new();
        for (number, line) in list.lines().enumerate() {
            if line.is_empty() {
                continue;
            }
            let bad = || ExternalClustersError::BadListLine(number + 1);
            let (word, path) = line.split_once('\t').ok_or_else(bad)?;
            let path: u32 = path.trim().parse().map_err(|_| bad())?;
            if word.is_empty() || path == 0 {
                return Err(bad());
            }
            entries.push((word_key(word), path));
        }
        entries.reverse();
        entries.sort_by_key(|&(key, _)| key);
        entries.dedup_by_key(|&mut (key, _)| key);
        let mut records = Vec::with_capacity(RECORD * entries.len());
        for (key, path) in entries {
            records.extend_from_slice(&key.to_le_bytes());
            records.extend_from_slice(&path.to_le_bytes());
        }
        Ok(ExternalClusters {
            records: Cow::Owned(records),
        })
    }

    /// The cluster path of a word as written.
    pub fn path(&self, word: &str) -> Option<u32> {
        let key = word_key(word);
        let (mut low, mut high) = (0, self.len());
        let mut step = 0;
        while low < high {
            let (first, last) = (self.key(low), self.key(high - 1));
            if key < first || key > last {
                return None;
            }
            let guess = if step < INTERPOLATION_STEPS && first < last {
                let span = u128::from(last - first);
                let offset = u128::from(key - first) * (high - 1 - low) as u128 / span;
                low + offset as usize
            } else {
                low + (high - low) / 2
            };
            step += 1;
            match self.key(guess).cmp(&key) {
                std::cmp::Ordering::Equal => return Some(self.path_at(guess)),
                std::cmp::Ordering::Less => low = guess + 1,
                std::cmp::Ordering::Greater => high = guess,
            }
        }
        None
    }

    /// Number of words in the table.
    pub fn len(&self) -> usize {
        self.records.len() / RECORD
    }

    /// Whether the table has no words.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The table as bytes: magic, count, then (hash, path) records in hash order.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER + self.records.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.len() as u64).to_le_bytes());
        out.extend_from_slice(&self.records);
        out
    }

    /// Reads a table written by [`ExternalClusters::encode`], copying it; its records' order is checked.
    pub fn decode(bytes: &[u8]) -> Result<Self, ExternalClustersError> {
        let records = sized_records(bytes)?;
        if let Some(index) =
            (1..records.len() / RECORD).find(|&i| key_in(records, i - 1) >= key_in(records, i))
        {
            return Err(ExternalClustersError::Unsorted(index));
        }
        Ok(ExternalClusters {
            records: Cow::Owned(records.to_vec()),
        })
    }

    /// Reads the committed table in place, its order unchecked (no cost at start-up): out-of-order
    /// records would only make lookups miss, and a test checks the committed table with
    /// [`ExternalClusters::decode`].
    pub fn decode_static(bytes: &'static [u8]) -> Result<Self, ExternalClustersError> {
        Ok(ExternalClusters {
            records: Cow::Borrowed(sized_records(bytes)?),
        })
    }

    fn key(&self, index: usize) -> u64 {
        key_in(&self.records, index)
    }

    fn path_at(&self, index: usize) -> u32 {
        let at = index * RECORD + 8;
        self.records
            .get(at..at + 4)
            .and_then(|bytes| bytes.try_into().ok())
            .map_or(0, u32::from_le_bytes)
    }
}

/// The records of an encoded table, once its header and length are checked.
fn sized_records(bytes: &[u8]) -> Result<&[u8], ExternalClustersError> {
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(ExternalClustersError::BadMagic)?;
    let truncated = || ExternalClustersError::Truncated(bytes.len());
    let (count, records) = body.split_first_chunk::<8>().ok_or_else(truncated)?;
    let count = usize::try_from(u64::from_le_bytes(*count)).map_err(|_| truncated())?;
    if records.len() != count.checked_mul(RECORD).ok_or_else(truncated)? {
        return Err(truncated());
    }
    Ok(records)
}

/// The hash of the record at `index` of `records`.
fn key_in(records: &[u8], index: usize) -> u64 {
    let at = index * RECORD;
    records
        .get(at..at + 8)
        .and_then(|bytes| bytes.try_into().ok())
        .map_or(u64::MAX, u64::from_le_bytes)
}

/// The hash a word is keyed by.
fn word_key(word: &str) -> u64 {
    feature(WORD_KEY, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_case_sensitively_and_round_trip() {
        let table = ExternalClusters::from_list("London\t678\nParis\t678\nthe\t11\n").unwrap();
        assert_eq!(table.path("London"), Some(678));
        assert_eq!(table.path("london"), None);
        assert_eq!(table.len(), 3);
        assert_eq!(ExternalClusters::decode(&table.encode()), Ok(table));
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert_eq!(
            ExternalClusters::from_list("ok\t3\nno path\n"),
            Err(ExternalClustersError::BadListLine(2))
        );
        assert_eq!(
            ExternalClusters::from_list("zero\t0\n"),
            Err(ExternalClustersError::BadListLine(1))
        );
        let bytes = ExternalClusters::from_list("a\t1\n").unwrap().encode();
        assert_eq!(
            ExternalClusters::decode(&bytes[..bytes.len() - 1]),
            Err(ExternalClustersError::Truncated(bytes.len() - 1))
        );
        assert_eq!(
            ExternalClusters::decode(b"nonsense"),
            Err(ExternalClustersError::BadMagic)
        );
        let mut two = ExternalClusters::from_list("a\t1\nb\t2\n")
            .unwrap()
            .encode();
        two[HEADER..].rotate_left(RECORD);
        assert_eq!(
            ExternalClusters::decode(&two),
            Err(ExternalClustersError::Unsorted(1))
        );
    }

    #[test]
    fn every_word_of_a_large_table_is_found_and_others_are_not() {
        let list: String = (1..5_000).map(|i| format!("w{i}\t{i}\n")).collect();
        let table = ExternalClusters::from_list(&list).unwrap();
        assert!((1..5_000).all(|i| table.path(&format!("w{i}")) == Some(i)));
        assert!((5_000..6_000).all(|i| table.path(&format!("w{i}")).is_none()));
        assert_eq!(ExternalClusters::empty().path("w1"), None);
    }
}
