//! Word clusters learnt offline from unlabelled news text (see `scripts/ner/`), one line per word:
//! `word<TAB>cluster-path`. A cluster path is a bit string; shared prefixes mean similar words.
//! The external clusters learnt from more text ([`crate::external_clusters`]) travel with them.

use rustc_hash::FxHashMap;

use crate::external_clusters::ExternalClusters;

/// A table from lower-cased words to cluster paths, and the external clusters beside it.
#[derive(Default)]
pub struct Clusters {
    paths: FxHashMap<String, String>,
    external: ExternalClusters,
}

impl Clusters {
    /// A table with no words (every lookup misses).
    pub fn empty() -> Self {
        Clusters::default()
    }

    /// Reads `word<TAB>path` lines; malformed lines are skipped.
    pub fn parse(table: &str) -> Self {
        let paths = table
            .lines()
            .filter_map(|line| line.split_once('\t'))
            .map(|(word, path)| (word.to_string(), path.trim().to_string()))
            .collect();
        Clusters {
            paths,
            external: ExternalClusters::empty(),
        }
    }

    /// The table with `external` clusters beside it.
    pub fn with_external(self, external: ExternalClusters) -> Self {
        Clusters { external, ..self }
    }

    /// The external clusters (empty unless given by [`Clusters::with_external`]).
    pub fn external(&self) -> &ExternalClusters {
        &self.external
    }

    /// The cluster path of a lower-cased word.
    pub fn get(&self, lower: &str) -> Option<&str> {
        self.paths.get(lower).map(String::as_str)
    }

    /// The words of the table, in no particular order.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.paths.keys().map(String::as_str)
    }

    /// Number of words in the table.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// Whether the table has no words.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines() {
        let clusters = Clusters::parse("senator\t0110\nbad line\nmoscow\t1011\n");
        assert_eq!(clusters.get("senator"), Some("0110"));
        assert_eq!(clusters.get("bad line"), None);
        assert_eq!(clusters.len(), 2);
    }
}
