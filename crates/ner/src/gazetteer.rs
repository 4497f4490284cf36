//! Gazetteers: entity names by kind, matched in sentences as features ("this token starts /
//! continues / ends / is a name known as a place", "this word is part of a known person's name").
//!
//! Two origins: the names of labelled training data, and external name lists (places, given
//! names, surnames, nationalities, clubs) read from a `KIND<TAB>name` list ([`Gazetteer::from_list`]).
//! Names are stored as 64-bit hashes of their lower-cased words, never as text. Training uses
//! jackknifed gazetteers of training names (a document's matches come from the other documents'
//! names only), so the model learns how far to trust a match on text whose names it has not seen;
//! external lists need no jackknifing.

use std::borrow::Cow;

use crate::features::{feature, feature2, feature3, phrase_features, word_key};
use crate::model::FeatureMap;
use crate::tag::{spans, EntityKind, Tag};

/// Longest name, in words, that is stored and matched.
const LONGEST_NAME: usize = 6;

const MAGIC: &[u8; 8] = b"NBGAZ\x02\0\0";

/// Bytes of one encoded entry: hash and kinds.
const ENTRY_BYTES: usize = 10;

/// Bits of the kinds of whole names; the next four bits mark the first words of longer names,
/// the four after those their other words.
const WHOLE: u16 = 0x000f;
const FIRST_WORD: u16 = 0x0010;
const LATER_WORD: u16 = 0x0100;

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Feature templates of matches against the names of the training data.
const TRAINING_NAMES: u8 = 70;

/// Feature templates of matches against external name lists.
const EXTERNAL_NAMES: u8 = 74;

/// Errors reading an encoded gazetteer.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum GazetteerError {
    #[error("not a newsbrief gazetteer (bad magic bytes)")]
    BadMagic,
    #[error("gazetteer file truncated at byte {0}")]
    Truncated(usize),
    #[error("name list line {0}: expected KIND<TAB>name with KIND one of PER, ORG, LOC, MISC, GIVEN, SURNAME")]
    BadListLine(usize),
}

/// Known names: hash of the lower-cased word sequence → set of kinds (bit per [`EntityKind`]),
/// for whole names, first words of longer names and their other words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    kinds: FeatureMap<u16>,
}

/// Template of the hash of a name (its lower-cased words joined by spaces).
const NAME_KEY: u8 = 200;

fn name_hash(words: &[&str]) -> u64 {
    let key: Vec<Cow<str>> = words.iter().map(|word| word_key(word)).collect();
    feature(NAME_KEY, &key.join(" "))
}

impl Gazetteer {
    /// A gazetteer with no names (nothing matches).
    pub fn empty() -> Self {
        Gazetteer::default()
    }

    /// Number of distinct names.
    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    /// Whether it holds no names.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// Adds the gold names of one sentence, and the capitalised words of its longer names as
    /// parts of names of their kind.
    pub fn add_sentence(&mut self, words: &[&str], tags: &[Tag]) {
        for (start, end, kind) in spans(tags) {
            if let Some(name) = words.get(start..end) {
                self.add_name(name, kind);
            }
        }
    }

    /// Adds one name of a kind, and the capitalised words of a longer name as its parts. Marks
    /// at either end ("# Millbrook") are not part of the name.
    pub fn add_name(&mut self, name: &[&str], kind: EntityKind) {
        let has_text = |word: &&str| word.chars().any(char::is_alphanumeric);
        let Some(first) = name.iter().position(has_text) else {
            return;
        };
        let last = name.iter().rposition(has_text).unwrap_or(first);
        let name = &name[first..=last];
        if name.len() <= LONGEST_NAME {
            *self.kinds.entry(name_hash(name)).or_default() |= 1 << kind as u8;
        }
        if name.len() > 1 {
            for (position, word) in name.iter().enumerate() {
                if is_capitalised(word) {
                    let part = if position == 0 {
                        FIRST_WORD
                    } else {
                        LATER_WORD
                    };
                    *self.kinds.entry(name_hash(&[word])).or_default() |= part << kind as u8;
                }
            }
        }
    }

    /// Adds one word as a first (`first`) or a later word of names of a kind, such as a given
    /// name or a surname of people.
    pub fn add_name_part(&mut self, word: &str, kind: EntityKind, first: bool) {
        let part = if first { FIRST_WORD } else { LATER_WORD };
        *self.kinds.entry(name_hash(&[word])).or_default() |= part << kind as u8;
    }

    /// Whether `word` alone is known as the first word of names of `kind` (for people, a given name).
    pub fn starts_names(&self, word: &str, kind: EntityKind) -> bool {
        self.kinds
            .get(&name_hash(&[word]))
            .is_some_and(|kinds| kinds & (FIRST_WORD << kind as u8) != 0)
    }

    /// A gazetteer of an external name list: one `KIND<TAB>name` per line, KIND `PER`, `ORG`,
    /// `LOC` or `MISC` for whole names, `GIVEN` / `SURNAME` for single words that start / end
    /// people's names; empty lines are skipped.
    pub fn from_list(list: &str) -> Result<Gazetteer, GazetteerError> {
        let mut gazetteer = Gazetteer::empty();
        for (number, line) in list.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let bad = || GazetteerError::BadListLine(number + 1);
            let (kind, name) = line.split_once('\t').ok_or_else(bad)?;
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.is_empty() {
                return Err(bad());
            }
            match kind {
                "GIVEN" | "SURNAME" => {
                    let [word] = words.as_slice() else {
                        return Err(bad());
                    };
                    gazetteer.add_name_part(word, EntityKind::Person, kind == "GIVEN");
                }
                _ => {
                    let kind = EntityKind::from_conll(kind).ok_or_else(bad)?;
                    gazetteer.add_name(&words, kind);
                }
            }
        }
        Ok(gazetteer)
    }

    /// Appends match features to each token of a sentence: for every known name covering the
    /// token (first word capitalised), its kind and the token's place in it (`U`nit, `B`egin,
    /// `I`nside, `L`ast), and the kind of the longest such name.
    pub fn add_features(&self, words: &[&str], features: &mut [Vec<u64>]) {
        self.match_features(TRAINING_NAMES, false, words, features);
    }

    /// [`Gazetteer::add_features`] for an external name list, under templates of their own; a
    /// word known as the first (later) word of names also tells whether the next (previous) word
    /// is capitalised ("Ramiro Valdez": a given name before a capitalised word).
    pub fn add_external_features(&self, words: &[&str], features: &mut [Vec<u64>]) {
        self.match_features(EXTERNAL_NAMES, true, words, features);
    }

    /// [`Gazetteer::add_features`] under feature templates `template` and `template + 1`, so
    /// gazetteers of different origin give different features.
    pub fn add_features_as(&self, template: u8, words: &[&str], features: &mut [Vec<u64>]) {
        self.match_features(template, false, words, features);
    }

    fn match_features(
        &self,
        template: u8,
        part_context: bool,
        words: &[&str],
        features: &mut [Vec<u64>],
    ) {
        if self.kinds.is_empty() || !words.iter().any(|word| is_capitalised(word)) {
            return;
        }
        let mut longest: Vec<Option<(usize, u16)>> = vec![None; words.len()];
        let keys: Vec<Cow<str>> = words.iter().map(|word| word_key(word)).collect();
        for start in 0..words.len() {
            if !is_capitalised(words[start]) {
                continue;
            }
            let limit = words.len().min(start + LONGEST_NAME);
            let hashes = phrase_features(NAME_KEY, keys[start..limit].iter().map(AsRef::as_ref));
            for (end, hash) in (start + 1..).zip(hashes) {
                let Some(&kinds) = self.kinds.get(&hash) else {
                    continue;
                };
                if end == start + 1 {
                    let capitalised_beside = |neighbour: Option<usize>| {
                        neighbour
                            .and_then(|at| words.get(at))
                            .is_some_and(|word| is_capitalised(word))
                    };
                    let beside = [
                        capitalised_beside(Some(start + 1)),
                        capitalised_beside(start.checked_sub(1)),
                    ];
                    for kind in EntityKind::ALL {
                        for ((part, name), capitalised) in [(FIRST_WORD, "P1"), (LATER_WORD, "P2")]
                            .into_iter()
                            .zip(beside)
                        {
                            if kinds & (part << kind as u8) == 0 {
                                continue;
                            }
                            features[start].push(feature2(template, name, kind.conll_name()));
                            if part_context {
                                let context = if capitalised { "C" } else { "-" };
                                features[start].push(feature3(
                                    template,
                                    name,
                                    kind.conll_name(),
                                    context,
                                ));
                            }
                        }
                    }
                }
                let kinds = kinds & WHOLE;
                if kinds == 0 {
                    continue;
                }
                for kind in EntityKind::ALL {
                    if kinds & (1 << kind as u8) == 0 {
                        continue;
                    }
                    for (position, token_features) in features[start..end].iter_mut().enumerate() {
                        let place = match (end - start, position) {
                            (1, _) => "U",
                            (_, 0) => "B",
                            (length, p) if p + 1 == length => "L",
                            _ => "I",
                        };
                        token_features.push(feature2(template, place, kind.conll_name()));
                    }
                }
                for slot in &mut longest[start..end] {
                    if slot.is_none_or(|(length, _)| length < end - start) {
                        *slot = Some((end - start, kinds));
                    }
                }
            }
        }
        for (slot, token_features) in longest.iter().zip(features.iter_mut()) {
            if let Some((_, kinds)) = slot {
                token_features.push(feature(template + 1, &kinds.to_string()));
            }
        }
    }

    /// Compact binary form: magic, count, then sorted (hash, kinds) entries, little-endian.
    pub fn encode(&self) -> Vec<u8> {
        let mut entries: Vec<(u64, u16)> = self.kinds.iter().map(|(&h, &k)| (h, k)).collect();
        entries.sort_unstable();
        let mut out = Vec::with_capacity(16 + entries.len() * ENTRY_BYTES);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
        for (hash, kinds) in entries {
            out.extend_from_slice(&hash.to_le_bytes());
            out.extend_from_slice(&kinds.to_le_bytes());
        }
        out
    }

    /// Reads [`Gazetteer::encode`]'s form.
    pub fn decode(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
            return Err(GazetteerError::BadMagic);
        }
        let count_bytes = bytes
            .get(8..16)
            .ok_or(GazetteerError::Truncated(bytes.len()))?;
        let mut count = [0u8; 8];
        count.copy_from_slice(count_bytes);
        let count = u64::from_le_bytes(count) as usize;
        let body = &bytes[16..];
        if body.len() / ENTRY_BYTES < count {
            return Err(GazetteerError::Truncated(bytes.len()));
        }
        let kinds = body
            .chunks_exact(ENTRY_BYTES)
            .take(count)
            .map(|entry| {
                let mut hash = [0u8; 8];
                hash.copy_from_slice(&entry[..8]);
                (
                    u64::from_le_bytes(hash),
                    u16::from_le_bytes([entry[8], entry[9]]),
                )
            })
            .collect();
        Ok(Gazetteer { kinds })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Gazetteer {
        let mut gazetteer = Gazetteer::empty();
        let person = EntityKind::Person;
        gazetteer.add_sentence(
            &["Jeff", "Sessions", "met", "Kislyak"],
            &[
                Tag::Begin(person),
                Tag::Inside(person),
                Tag::Outside,
                Tag::Begin(person),
            ],
        );
        gazetteer
    }

    #[test]
    fn known_names_match_case_insensitively_when_capitalised() {
        let gazetteer = example();
        assert_eq!(
            gazetteer.len(),
            4,
            "two names and the two words of the longer one"
        );
        let mut features = vec![Vec::new(); 3];
        gazetteer.add_features(&["SESSIONS", "and", "Kislyak"], &mut features);
        assert_eq!(
            features[0],
            vec![feature2(TRAINING_NAMES, "P2", "PER")],
            "a later word of a name"
        );
        assert!(features[1].is_empty());
        assert_eq!(features[2].len(), 2, "a whole name, the longest match");
        let mut features = vec![Vec::new(); 2];
        gazetteer.add_features(&["jeff", "sessions"], &mut features);
        assert!(features.iter().all(Vec::is_empty), "lower-case start");
    }

    #[test]
    fn phrase_hashes_are_name_hashes() {
        let words = ["Bank", "of", "England"];
        let keys: Vec<Cow<str>> = words.iter().map(|word| word_key(word)).collect();
        let hashes: Vec<u64> = phrase_features(NAME_KEY, keys.iter().map(AsRef::as_ref)).collect();
        assert_eq!(hashes, [1, 2, 3].map(|end| name_hash(&words[..end])));
    }

    #[test]
    fn external_lists_give_whole_names_and_given_names_with_their_context() {
        let list = "LOC\tNew York\nGIVEN\tRamiro\nSURNAME\tValdez\n\nMISC\tBrazilian\n";
        let gazetteer = Gazetteer::from_list(list).expect("a valid list");
        assert_eq!(
            gazetteer.len(),
            6,
            "three whole names, two words of one, two parts"
        );
        let words = ["Ramiro", "Valdez", "left", "New", "York", "."];
        let mut features = vec![Vec::new(); words.len()];
        gazetteer.add_external_features(&words, &mut features);
        let person = EntityKind::Person.conll_name();
        assert!(features[0].contains(&feature3(EXTERNAL_NAMES, "P1", person, "C")));
        assert!(features[1].contains(&feature3(EXTERNAL_NAMES, "P2", person, "C")));
        assert!(features[3].contains(&feature2(EXTERNAL_NAMES, "B", "LOC")));
        assert!(features[4].contains(&feature2(EXTERNAL_NAMES, "L", "LOC")));
        assert!(features[2].is_empty() && features[5].is_empty());
        let mut alone = vec![Vec::new(); 2];
        gazetteer.add_external_features(&["Ramiro", "said"], &mut alone);
        assert!(alone[0].contains(&feature3(EXTERNAL_NAMES, "P1", person, "-")));
        let mut training = vec![Vec::new(); 2];
        gazetteer.add_features(&["Ramiro", "Valdez"], &mut training);
        assert!(
            training[0].iter().all(|f| !features[0].contains(f)),
            "external and training names give different features"
        );
    }

    #[test]
    fn malformed_list_lines_are_reported_with_their_number() {
        for (list, line) in [
            ("LOC\tParis\nParis\n", 2),
            ("CITY\tParis\n", 1),
            ("GIVEN\tMary Ann\n", 1),
            ("LOC\t \n", 1),
        ] {
            assert_eq!(
                Gazetteer::from_list(list),
                Err(GazetteerError::BadListLine(line)),
                "{list:?}"
            );
        }
    }

    #[test]
    fn encoding_round_trips() {
        let gazetteer = example();
        assert_eq!(Gazetteer::decode(&gazetteer.encode()), Ok(gazetteer));
        assert_eq!(
            Gazetteer::decode(b"nonsense"),
            Err(GazetteerError::BadMagic)
        );
        let bytes = example().encode();
        assert!(Gazetteer::decode(&bytes[..bytes.len() - 1]).is_err());
    }
}
