//! Feature extraction: each token becomes a list of hashed feature ids.
//!
//! Features of a token: bias; its form (case kept) and lower-cased form (digits mapped to `0`);
//! long and short word shapes (`Xxxx`, `Xx`, `X.X.`, `dd-dd`); prefixes 1–4 and suffixes 1–5;
//! the lower-cased words at −2…+2 and the bigrams with the words either side; the shapes of
//! the neighbours and the shape trigram; sentence-initial position; headline (ALL CAPS
//! sentence) marking; document-level casing evidence (does the word appear capitalised in
//! mid-sentence elsewhere in the document, or lower-cased?) which also re-cases headline words
//! to their usual form in the document; and a word-cluster id of the token and its neighbours
//! from the committed cluster table (see [`crate::clusters`]), and the first 4, 6, 10 and 20 steps of
//! the token's external Brown-cluster path with the first 6 and 10 of its neighbours' (see
//! [`crate::external_clusters`]). Tag transitions are scored separately by the model.
//!
//! A second pass ([`add_second_pass_features`]) adds the token's own first-pass tag and the kind
//! the first pass gave most often to the same capitalised word elsewhere in the document, so a
//! name tagged confidently once ("Jeff Sessions") informs its other mentions ("SESSIONS").

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::clusters::Clusters;
use crate::external_clusters::ExternalClusters;
use crate::gazetteer::Gazetteer;
use crate::tag::{spans, EntityKind, Tag, TAG_COUNT};

/// Streaming FNV-1a hash finished with a 64-bit mixer, stable across platforms and builds.
#[derive(Clone, Copy)]
struct FeatureHash(u64);

impl FeatureHash {
    fn new(template: u8) -> Self {
        FeatureHash(0xcbf2_9ce4_8422_2325).byte(template)
    }

    fn byte(self, byte: u8) -> Self {
        FeatureHash((self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
    }

    fn text(self, text: &str) -> Self {
        text.bytes().fold(self.byte(0xff), FeatureHash::byte)
    }

    fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The hashed id of a one-string feature of template `template`.
pub(crate) fn feature(template: u8, text: &str) -> u64 {
    FeatureHash::new(template).text(text).finish()
}

/// The ids [`feature`]`(template, phrase)` gives the phrases `keys[..1]`, `keys[..2]`, … (words
/// joined by single spaces), computed in one pass.
pub(crate) fn phrase_features<'a>(
    template: u8,
    keys: impl IntoIterator<Item = &'a str> + 'a,
) -> impl Iterator<Item = u64> + 'a {
    let mut hash = FeatureHash::new(template).byte(0xff);
    keys.into_iter().enumerate().map(move |(offset, key)| {
        if offset > 0 {
            hash = hash.byte(b' ');
        }
        hash = key.bytes().fold(hash, FeatureHash::byte);
        hash.finish()
    })
}

/// The hashed id of a numeric feature of template `template`.
fn number_feature(template: u8, value: u64) -> u64 {
    value
        .to_le_bytes()
        .into_iter()
        .fold(FeatureHash::new(template), FeatureHash::byte)
        .finish()
}

/// The hashed id of a two-string feature of template `template`.
pub(crate) fn feature2(template: u8, first: &str, second: &str) -> u64 {
    FeatureHash::new(template).text(first).text(second).finish()
}

pub(crate) fn feature3(template: u8, first: &str, second: &str, third: &str) -> u64 {
    FeatureHash::new(template)
        .text(first)
        .text(second)
        .text(third)
        .finish()
}

/// Replaces typographic quotes and dashes by their ASCII forms and drops invisible joiners (a soft hyphen
/// left by a web page's `&shy;`: "Vladi\u{ad}mir" is "Vladimir"). Borrowed when there is nothing to
/// replace (most words).
fn normalise(word: &str) -> Cow<'_, str> {
    if word.chars().all(|c| normalised_char(c) == Some(c)) {
        return Cow::Borrowed(word);
    }
    let mut form = String::with_capacity(word.len());
    normalise_into(word, &mut form);
    Cow::Owned(form)
}

/// Appends the [`normalise`]d form of `word` to `out`.
fn normalise_into(word: &str, out: &mut String) {
    out.extend(word.chars().filter_map(normalised_char));
}

/// What a character becomes in a [`normalise`]d word (none: it is dropped).
fn normalised_char(c: char) -> Option<char> {
    match c {
        '’' | '‘' | '`' | '´' => Some('\''),
        '“' | '”' | '„' | '«' | '»' => Some('"'),
        '—' | '–' | '―' => Some('-'),
        _ if crate::names::is_invisible_joiner(c) => None,
        other => Some(other),
    }
}

/// The key of a word in the cluster table: typographic marks normalised, lower-cased, digits `0`.
/// Borrowed when the word is its own key (most words of running text: ASCII, lower-case, no digit).
pub fn word_key(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        // the same as below, the short way: the only ASCII mark `normalise` changes is the backtick
        let is_own_key =
            |byte: u8| !(byte.is_ascii_uppercase() || byte.is_ascii_digit() || byte == b'`');
        if word.bytes().all(is_own_key) {
            return Cow::Borrowed(word);
        }
        let key = word.to_ascii_lowercase();
        if !key
            .bytes()
            .any(|byte| byte.is_ascii_digit() || byte == b'`')
        {
            return Cow::Owned(key);
        }
        return Cow::Owned(
            key.replace(|c: char| c.is_ascii_digit(), "0")
                .replace('`', "'"),
        );
    }
    Cow::Owned(lower_form(&normalise(word)))
}

fn lower_form(form: &str) -> String {
    let mut lower = String::with_capacity(form.len());
    lower_form_into(form, &mut lower);
    lower
}

/// Appends `form` lower-cased, digits as `0`, to `out`.
fn lower_form_into(form: &str, out: &mut String) {
    out.extend(form.chars().flat_map(char::to_lowercase).map(|c| {
        if c.is_ascii_digit() {
            '0'
        } else {
            c
        }
    }));
}

/// Appends the long shape of `form` to `out`: character classes with runs capped at four (`Xxxx`,
/// `dddd-dd-dd`).
fn long_shape_into(form: &str, shape: &mut String) {
    let mut last = ' ';
    let mut run = 0;
    for c in form.chars() {
        let class = char_class(c);
        run = if class == last { run + 1 } else { 1 };
        last = class;
        if run <= 4 {
            shape.push(class);
        }
    }
}

/// Appends the short shape of `form` to `out`: character classes with runs collapsed (`Xx`, `X.X.`,
/// `d-d`).
fn short_shape_into(form: &str, shape: &mut String) {
    let mut last = None;
    for c in form.chars() {
        let class = char_class(c);
        if last != Some(class) {
            shape.push(class);
            last = Some(class);
        }
    }
}

fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

fn is_capitalised(form: &str) -> bool {
    form.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a sentence is a headline in capitals: it has letters and none are lower case.
fn is_all_caps(words: &[&str]) -> bool {
    let mut letters = 0;
    for word in words {
        for c in word.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
    }
    letters > 3
}

/// How a word (by lower-cased form) is written across one document.
#[derive(Default)]
struct Casing {
    capitalised_mid_sentence: u32,
    lower_case: u32,
    forms: Vec<(String, u32)>,
}

/// Document-level casing evidence for the words of one document.
#[derive(Default)]
pub struct DocumentContext {
    words: FxHashMap<String, Casing>,
}

impl DocumentContext {
    /// Collects casing evidence from the sentences (as word lists) of a document.
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> Self {
        let mut words: FxHashMap<String, Casing> = FxHashMap::default();
        for sentence in sentences {
            let forms: Vec<&str> = sentence.iter().map(AsRef::as_ref).collect();
            if is_all_caps(&forms) {
                continue;
            }
            for (position, word) in forms.iter().enumerate() {
                if !word.chars().any(char::is_alphabetic) {
                    continue;
                }
                let key = word_key(word);
                let casing = match words.get_mut(key.as_ref()) {
                    Some(casing) => casing,
                    None => words.entry(key.into_owned()).or_default(),
                };
                let initial =
                    position == 0 || !forms[position - 1].chars().any(char::is_alphanumeric);
                if initial {
                    continue;
                }
                let form = normalise(word);
                if is_capitalised(&form) {
                    casing.capitalised_mid_sentence += 1;
                } else if form.chars().all(|c| !c.is_uppercase()) {
                    casing.lower_case += 1;
                }
                match casing.forms.iter_mut().find(|(known, _)| *known == form) {
                    Some((_, count)) => *count += 1,
                    None => casing.forms.push((form.into_owned(), 1)),
                }
            }
        }
        DocumentContext { words }
    }

    /// The most frequent mid-sentence form of a word in the document (ties: smallest form).
    fn usual_form(&self, lower: &str) -> Option<&str> {
        let casing = self.words.get(lower)?;
        casing
            .forms
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .map(|(form, _)| form.as_str())
    }

    /// A short code of the document evidence: capitalised elsewhere (`C`), lower-case elsewhere (`l`).
    fn evidence(&self, lower: &str) -> &'static str {
        match self.words.get(lower) {
            None => "-",
            Some(casing) => match (casing.capitalised_mid_sentence > 0, casing.lower_case > 0) {
                (true, true) => "Cl",
                (true, false) => "C",
                (false, true) => "l",
                (false, false) => "-",
            },
        }
    }
}

/// Per-token strings the templates combine.
struct TokenView<'a> {
    form: &'a str,
    lower: &'a str,
    shape: &'a str,
    short: &'a str,
    cluster: &'a str,
    /// The external cluster path, or [`NO_PATH`] / [`PAD_PATH`].
    path: u64,
}

/// The external path of a word the external clusters do not know, and of the padding.
const NO_PATH: u64 = 1 << 40;
const PAD_PATH: u64 = 1 << 41;

/// The first `steps` steps of an external cluster path (the unknown and padding marks as they are).
fn path_prefix(path: u64, steps: u32) -> u64 {
    if path >= NO_PATH {
        path
    } else {
        path & ((1 << steps) - 1)
    }
}

/// The external cluster path of a word: as written, else lower-cased, else capitalised (headline
/// words re-cased to their usual form in the document arrive as written there).
fn external_path(
    external: &ExternalClusters,
    form: &str,
    lower: &str,
    scratch: &mut String,
) -> u64 {
    let known = external.path(form);
    let known = known.or_else(|| (lower != form).then(|| external.path(lower)).flatten());
    let known = known.or_else(|| {
        let mut chars = lower.chars();
        let first = chars.next()?;
        scratch.clear();
        scratch.extend(first.to_uppercase());
        scratch.push_str(chars.as_str());
        external.path(scratch)
    });
    known.map_or(NO_PATH, u64::from)
}

const PAD: &str = "<pad>";

/// Room for a token's features: the base templates, gazetteer matches and the second pass's.
const FEATURES_PER_TOKEN: usize = 64;

const PAD_VIEW: TokenView<'static> = TokenView {
    form: PAD,
    lower: PAD,
    shape: PAD,
    short: PAD,
    cluster: PAD,
    path: PAD_PATH,
};

/// The byte ranges of one token's strings in the sentence's buffer (form, lower-cased form, long
/// and short shape), its cluster and its external cluster path.
type TokenRanges<'a> = ([Range<usize>; 4], &'a str, u64);

/// Appends what `write` writes to `buffer`; the byte range it wrote.
fn append(buffer: &mut String, write: impl FnOnce(&mut String)) -> Range<usize> {
    let start = buffer.len();
    write(buffer);
    start..buffer.len()
}

/// Extracts the features of every token of one sentence, appending each token's list to `out`.
pub fn sentence_features(
    words: &[&str],
    doc: &DocumentContext,
    clusters: &Clusters,
    out: &mut Vec<Vec<u64>>,
) {
    let headline = is_all_caps(words);
    // every token's strings are written one after another into one buffer: no allocation per token
    let mut buffer = String::with_capacity(words.iter().map(|word| 4 * word.len()).sum());
    let external = clusters.external();
    let mut scratch = String::new();
    let ranges: Vec<TokenRanges> = words
        .iter()
        .map(|word| {
            let normalised = normalise(word);
            let lower = append(&mut buffer, |out| lower_form_into(&normalised, out));
            let usual = headline
                .then(|| doc.usual_form(&buffer[lower.clone()]))
                .flatten();
            let form_text = usual.unwrap_or(&normalised);
            let form = append(&mut buffer, |out| out.push_str(form_text));
            let shape = append(&mut buffer, |out| long_shape_into(form_text, out));
            let short = append(&mut buffer, |out| short_shape_into(form_text, out));
            let cluster = clusters.get(&buffer[lower.clone()]).unwrap_or("?");
            let path = if external.is_empty() {
                NO_PATH
            } else {
                external_path(
                    external,
                    &buffer[form.clone()],
                    &buffer[lower.clone()],
                    &mut scratch,
                )
            };
            ([form, lower, shape, short], cluster, path)
        })
        .collect();
    let views: Vec<TokenView> = ranges
        .into_iter()
        .map(|([form, lower, shape, short], cluster, path)| TokenView {
            form: &buffer[form],
            lower: &buffer[lower],
            shape: &buffer[shape],
            short: &buffer[short],
            cluster,
            path,
        })
        .collect();
    let at = |index: isize| -> &TokenView<'_> {
        if index < 0 {
            return &PAD_VIEW;
        }
        views.get(index as usize).unwrap_or(&PAD_VIEW)
    };
    for (position, view) in views.iter().enumerate() {
        let i = position as isize;
        let mut features = Vec::with_capacity(FEATURES_PER_TOKEN);
        features.push(feature(0, ""));
        features.push(feature(1, view.form));
        features.push(feature(2, view.lower));
        features.push(feature(3, view.shape));
        features.push(feature(4, view.short));
        let lower = view.lower;
        // prefixes of 1–4 characters and suffixes of 1–5, shorter than the word
        let prefix_ends = lower.char_indices().map(|(at, _)| at).skip(1);
        for (length, end) in prefix_ends.take(4).enumerate() {
            features.push(feature(11 + length as u8, &lower[..end]));
        }
        let suffix_starts = lower.char_indices().rev().map(|(at, _)| at);
        for (length, start) in suffix_starts.take_while(|&at| at > 0).take(5).enumerate() {
            features.push(feature(21 + length as u8, &lower[start..]));
        }
        let (prev, next, prev2, next2) = (at(i - 1), at(i + 1), at(i - 2), at(i + 2));
        features.push(feature(30, prev.lower));
        features.push(feature(31, next.lower));
        features.push(feature(32, prev2.lower));
        features.push(feature(33, next2.lower));
        features.push(feature2(34, prev.lower, view.lower));
        features.push(feature2(35, view.lower, next.lower));
        features.push(feature(36, prev.short));
        features.push(feature(37, next.short));
        features.push(feature3(38, prev.short, view.short, next.short));
        features.push(feature2(39, prev.form, view.short));
        features.push(feature2(40, view.short, next.form));
        let initial = position == 0 || !prev.form.chars().any(char::is_alphanumeric);
        if initial {
            features.push(feature(41, view.short));
            features.push(feature(42, view.lower));
        }
        if headline {
            features.push(feature(43, view.lower));
            features.push(feature(44, view.short));
        }
        let evidence = doc.evidence(view.lower);
        features.push(feature3(
            45,
            evidence,
            view.short,
            if initial { "i" } else { "m" },
        ));
        features.push(feature(50, view.cluster));
        features.push(feature(51, prev.cluster));
        features.push(feature(52, next.cluster));
        features.push(feature2(53, view.cluster, view.short));
        let coarse = view.cluster.split('-').next().unwrap_or("?");
        features.push(feature2(55, coarse, view.short));
        features.push(feature(56, coarse));
        features.push(feature2(54, prev.cluster, view.cluster));
        if !external.is_empty() {
            for (template, steps) in [(57, 4), (58, 6), (59, 10), (60, 20)] {
                features.push(number_feature(template, path_prefix(view.path, steps)));
            }
            for (template, neighbour, steps) in
                [(61, prev, 6), (62, next, 6), (63, prev, 10), (64, next, 10)]
            {
                features.push(number_feature(template, path_prefix(neighbour.path, steps)));
            }
        }
        out.push(features);
    }
}

/// How the first pass tagged each capitalised word (by [`word_key`]) across one document:
/// counts of outside / person / organisation / place / other; and the names it found there, each
/// with the kind it gave that name most often (none on a tie).
#[derive(Default)]
pub struct FirstPassVotes {
    votes: FxHashMap<String, [u32; 5]>,
    names: Gazetteer,
}

/// Feature templates of matches against the names the first pass found in the same document.
const DOCUMENT_NAMES: u8 = 72;

fn vote_slot(tag: Tag) -> usize {
    tag.kind().map_or(0, |kind| 1 + kind as usize)
}

impl FirstPassVotes {
    /// Counts the first-pass tags of the capitalised words of a document.
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>], tags: &[Vec<Tag>]) -> Self {
        let mut votes: FxHashMap<String, [u32; 5]> = FxHashMap::default();
        // lower-cased name -> counts by kind, and the name as first written
        let mut found: BTreeMap<Vec<String>, ([u32; 4], Vec<&str>)> = BTreeMap::new();
        for (sentence, sentence_tags) in sentences.iter().zip(tags) {
            for (word, &tag) in sentence.iter().zip(sentence_tags) {
                if is_capitalised(word.as_ref()) {
                    let key = word_key(word.as_ref());
                    let counts = match votes.get_mut(key.as_ref()) {
                        Some(counts) => counts,
                        None => votes.entry(key.into_owned()).or_default(),
                    };
                    counts[vote_slot(tag)] += 1;
                }
            }
            for (start, end, kind) in spans(sentence_tags) {
                if let Some(name) = sentence.get(start..end) {
                    let key = name
                        .iter()
                        .map(|word| word_key(word.as_ref()).into_owned())
                        .collect();
                    let written = || name.iter().map(AsRef::as_ref).collect();
                    found.entry(key).or_insert_with(|| ([0; 4], written())).0[kind as usize] += 1;
                }
            }
        }
        let mut names = Gazetteer::empty();
        for (counts, written) in found.values() {
            let most = counts.iter().copied().max().unwrap_or(0);
            let mut kinds = (0..4).filter(|&kind| counts[kind] == most);
            if let (Some(majority), None) = (kinds.next(), kinds.next()) {
                names.add_name(written, EntityKind::ALL[majority]);
            }
        }
        FirstPassVotes { votes, names }
    }
}

/// The tags' names, by tag index (first-pass tags as second-pass features).
const TAG_NAMES: [&str; TAG_COUNT] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];

fn tag_name(tag: Tag) -> &'static str {
    TAG_NAMES[tag.index()]
}

/// Second-pass features: the token's own and its neighbours' first-pass tags, the kind the first
/// pass gave most often to the same word elsewhere in the document, and matches of the names
/// it found in the document (document-level consistency).
pub fn add_second_pass_features(
    words: &[&str],
    first_pass: &[Tag],
    votes: &FirstPassVotes,
    features: &mut [Vec<u64>],
) {
    votes.names.add_features_as(DOCUMENT_NAMES, words, features);
    let names: Vec<&str> = first_pass.iter().copied().map(tag_name).collect();
    for (position, ((word, &own), token_features)) in words
        .iter()
        .zip(first_pass)
        .zip(features.iter_mut())
        .enumerate()
    {
        let own_name = own.kind().map_or("O", EntityKind::conll_name);
        token_features.push(feature(60, names[position]));
        let previous = position.checked_sub(1).map_or(PAD, |p| names[p]);
        let next = names.get(position + 1).copied().unwrap_or(PAD);
        token_features.push(feature2(64, previous, names[position]));
        token_features.push(feature2(65, names[position], next));
        if !is_capitalised(word) {
            continue;
        }
        let Some(counts) = votes.votes.get(word_key(word).as_ref()) else {
            continue;
        };
        let mut others = *counts;
        others[vote_slot(own)] = others[vote_slot(own)].saturating_sub(1);
        let total: u32 = others.iter().sum();
        if total == 0 {
            token_features.push(feature(61, "alone"));
            continue;
        }
        let majority = (0..5).fold(0, |best, slot| {
            if others[slot] > others[best] {
                slot
            } else {
                best
            }
        });
        let name = if majority == 0 {
            "O"
        } else {
            EntityKind::ALL[majority - 1].conll_name()
        };
        let unanimous = if others[majority] == total {
            "all"
        } else {
            "most"
        };
        token_features.push(feature2(62, name, unanimous));
        token_features.push(feature2(63, name, own_name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_of_ascii_words_take_the_short_way_to_the_same_key() {
        for word in ["Sessions", "U.S.", "1996-08-22", "`Tis", "A&M"] {
            assert_eq!(word_key(word), lower_form(&normalise(word)), "{word}");
        }
        assert_eq!(word_key("Müller’s"), "müller's");
    }

    #[test]
    fn shapes() {
        let shape = |write: fn(&str, &mut String), form: &str| {
            let mut shape = String::from("before ");
            write(form, &mut shape);
            shape
        };
        assert_eq!(shape(long_shape_into, "Washington"), "before Xxxxx");
        assert_eq!(shape(short_shape_into, "U.S."), "before X.X.");
        assert_eq!(shape(short_shape_into, "1996-08-22"), "before d-d-d");
    }

    #[test]
    fn normalised_words_are_borrowed_unless_a_mark_changes() {
        assert!(matches!(normalise("Sessions"), Cow::Borrowed("Sessions")));
        assert_eq!(normalise("Vladi\u{ad}mir’s"), "Vladimir's");
        assert_eq!(normalise("“well—known”"), "\"well-known\"");
    }

    #[test]
    fn headline_words_take_their_document_form() {
        let sentences = vec![
            vec!["RUSSIA", "WARNS", "EU"],
            vec!["The", "EU", "said", "Russia", "warns", "."],
        ];
        let doc = DocumentContext::new(&sentences);
        assert_eq!(doc.usual_form("russia"), Some("Russia"));
        assert_eq!(doc.evidence("warns"), "l");
        let mut out = Vec::new();
        sentence_features(
            &["RUSSIA", "WARNS", "EU"],
            &doc,
            &Clusters::empty(),
            &mut out,
        );
        let mut plain = Vec::new();
        sentence_features(&["Russia"], &doc, &Clusters::empty(), &mut plain);
        assert_eq!(
            out[0][1], plain[0][1],
            "the form feature of RUSSIA is that of Russia"
        );
    }
}
