//! The Porter stemmer of ROUGE-1.5.5 (its Perl `stem` sub, with the author's 2004 change to
//! step 4), preceded by its WordNet 2.0 exception lookup (`MorphStem`). The Perl rules are regular
//! expressions; here each is evaluated by a small set-of-positions automaton, so a rule's
//! verdict is exactly the regex's and the time is linear in the word length.

use std::collections::HashMap;
use std::sync::OnceLock;

/// WordNet 2.0 exception forms as ROUGE-1.5.5's `WordNet-2.0.exc.db` holds them (built from
/// `adj.exc`, `adv.exc`, `noun.exc`, `verb.exc` in that order, later entries winning), restricted to
/// keys a ROUGE token can take (`[a-z0-9]` only, longer than 3 bytes).
const EXCEPTIONS: &str = include_str!("../data/wordnet-2.0-exceptions.txt");

fn exceptions() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        EXCEPTIONS
            .lines()
            .filter_map(|line| line.split_once(' '))
            .collect()
    })
}

/// ROUGE-1.5.5's `MorphStem`: the exception form when there is one, else Porter's stem.
pub fn morph_stem(token: &str) -> String {
    match exceptions().get(token) {
        Some(base) => (*base).to_string(),
        None => stem(token),
    }
}

/// A character class of the Perl patterns.
#[derive(Clone, Copy)]
enum Class {
    /// `[^aeiou]`
    NotAeiou,
    /// `[^aeiouy]`
    NotAeiouy,
    /// `[aeiouy]`
    Aeiouy,
    /// `[aeiou]`
    Aeiou,
    /// `[^aeiouwxy]`
    NotAeiouwxy,
}

impl Class {
    fn has(self, c: u8) -> bool {
        let aeiou = matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
        match self {
            Class::NotAeiou => !aeiou,
            Class::NotAeiouy => !aeiou && c != b'y',
            Class::Aeiouy => aeiou || c == b'y',
            Class::Aeiou => aeiou,
            Class::NotAeiouwxy => !aeiou && !matches!(c, b'w' | b'x' | b'y'),
        }
    }
}

/// One step of a pattern.
#[derive(Clone, Copy)]
enum Piece {
    One(Class),
    Star(Class),
    /// `(C)?`: an optional consonant sequence.
    OptionalC,
    /// `(V)?`: an optional vowel sequence.
    OptionalV,
}

/// `C` = `[^aeiou][^aeiouy]*`.
const C_SEQ: [Piece; 2] = [Piece::One(Class::NotAeiou), Piece::Star(Class::NotAeiouy)];
/// `V` = `[aeiouy][aeiou]*`.
const V_SEQ: [Piece; 2] = [Piece::One(Class::Aeiouy), Piece::Star(Class::Aeiou)];

/// Advances the set of reachable positions over one piece.
fn advance(word: &[u8], reach: &[bool], piece: Piece) -> Vec<bool> {
    let n = word.len();
    match piece {
        Piece::One(class) => {
            let mut next = vec![false; n + 1];
            for p in 0..n {
                if reach[p] && class.has(word[p]) {
                    next[p + 1] = true;
                }
            }
            next
        }
        Piece::Star(class) => {
            let mut next = reach.to_vec();
            for p in 0..n {
                if next[p] && class.has(word[p]) {
                    next[p + 1] = true;
                }
            }
            next
        }
        Piece::OptionalC | Piece::OptionalV => {
            let seq = if matches!(piece, Piece::OptionalC) {
                C_SEQ
            } else {
                V_SEQ
            };
            let taken = seq
                .iter()
                .fold(reach.to_vec(), |r, &p| advance(word, &r, p));
            reach.iter().zip(taken).map(|(a, b)| *a || b).collect()
        }
    }
}

/// Whether `^pieces` (with `$` when `anchored`) matches `word`.
fn matches(word: &[u8], pieces: &[Piece], anchored: bool) -> bool {
    let mut reach = vec![false; word.len() + 1];
    reach[0] = true;
    for &piece in pieces {
        reach = advance(word, &reach, piece);
    }
    if anchored {
        reach[word.len()]
    } else {
        reach.iter().any(|&r| r)
    }
}

use Piece::{One, OptionalC, OptionalV};

/// `$mgr0` = `^(C)?VC`: measure > 0.
fn mgr0(w: &[u8]) -> bool {
    matches(
        w,
        &[OptionalC, V_SEQ[0], V_SEQ[1], C_SEQ[0], C_SEQ[1]],
        false,
    )
}

/// `$meq1` = `^(C)?VC(V)?$`: measure = 1.
fn meq1(w: &[u8]) -> bool {
    matches(
        w,
        &[OptionalC, V_SEQ[0], V_SEQ[1], C_SEQ[0], C_SEQ[1], OptionalV],
        true,
    )
}

/// `$mgr1` = `^(C)?VCVC`: measure > 1.
fn mgr1(w: &[u8]) -> bool {
    matches(
        w,
        &[
            OptionalC, V_SEQ[0], V_SEQ[1], C_SEQ[0], C_SEQ[1], V_SEQ[0], V_SEQ[1], C_SEQ[0],
            C_SEQ[1],
        ],
        false,
    )
}

/// `$_v` = `^(C)?[aeiouy]`: the stem contains a vowel.
fn has_vowel(w: &[u8]) -> bool {
    matches(w, &[OptionalC, One(Class::Aeiouy)], false)
}

/// `^C[aeiouy][^aeiouwxy]$`: the stem is consonants-vowel-consonant (the `*o` condition).
fn cvc(w: &[u8]) -> bool {
    matches(
        w,
        &[
            C_SEQ[0],
            C_SEQ[1],
            One(Class::Aeiouy),
            One(Class::NotAeiouwxy),
        ],
        true,
    )
}

const STEP2: &[(&str, &str)] = &[
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: &[(&str, &str)] = &[
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: &[&str] = &[
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti",
    "ous", "ive", "ize",
];

/// The longest suffix of `w` in `suffixes` (what a leftmost `(a|b|…)$` match selects).
fn longest_suffix<'a>(w: &[u8], suffixes: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    suffixes
        .filter(|s| w.ends_with(s.as_bytes()))
        .max_by_key(|s| s.len())
}

/// ROUGE-1.5.5's Porter `stem` on one lowercase token.
pub fn stem(word: &str) -> String {
    let mut w = word.as_bytes().to_vec();
    if w.len() < 3 {
        return word.to_string();
    }
    let initial_y = w[0] == b'y';
    if initial_y {
        w[0] = b'Y';
    }
    // Step 1a
    if w.ends_with(b"sses") || w.ends_with(b"ies") {
        w.truncate(w.len() - 2);
    } else if w.len() >= 2 && w.ends_with(b"s") && w[w.len() - 2] != b's' {
        w.pop();
    }
    // Step 1b
    if w.ends_with(b"eed") {
        if mgr0(&w[..w.len() - 3]) {
            w.pop();
        }
    } else if w.ends_with(b"ed") || w.ends_with(b"ing") {
        let suffix = if w.ends_with(b"ed") { 2 } else { 3 };
        let stem_len = w.len() - suffix;
        if has_vowel(&w[..stem_len]) {
            w.truncate(stem_len);
            let n = w.len();
            if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
                w.push(b'e');
            } else if n >= 2 && w[n - 1] == w[n - 2] && !b"aeiouylsz".contains(&w[n - 1]) {
                w.pop();
            } else if cvc(&w) {
                w.push(b'e');
            }
        }
    }
    // Step 1c
    if w.ends_with(b"y") && has_vowel(&w[..w.len() - 1]) {
        let last = w.len() - 1;
        w[last] = b'i';
    }
    // Steps 2 and 3
    for list in [STEP2, STEP3] {
        if let Some(suffix) = longest_suffix(&w, list.iter().map(|(s, _)| *s)) {
            let stem_len = w.len() - suffix.len();
            if mgr0(&w[..stem_len]) {
                let replacement = list
                    .iter()
                    .find(|(s, _)| *s == suffix)
                    .map_or("", |(_, r)| *r);
                w.truncate(stem_len);
                w.extend_from_slice(replacement.as_bytes());
            }
        }
    }
    // Step 4 (as modified by CYL in 2004: -ement words do not also try -ment and -ent first)
    if let Some(suffix) = longest_suffix(&w, STEP4.iter().copied()) {
        let stem_len = w.len() - suffix.len();
        if mgr1(&w[..stem_len]) {
            w.truncate(stem_len);
        }
    }
    if w.ends_with(b"ment") && mgr1(&w[..w.len() - 4]) {
        w.truncate(w.len() - 4);
    }
    if w.ends_with(b"ent") {
        if mgr1(&w[..w.len() - 3]) {
            w.truncate(w.len() - 3);
        }
    } else if (w.ends_with(b"sion") || w.ends_with(b"tion")) && mgr1(&w[..w.len() - 3]) {
        w.truncate(w.len() - 3);
    }
    // Step 5
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        if mgr1(stem) || (meq1(stem) && !cvc(stem)) {
            w.pop();
        }
    }
    if w.ends_with(b"ll") && mgr1(&w) {
        w.pop();
    }
    if initial_y {
        w[0] = w[0].to_ascii_lowercase();
    }
    String::from_utf8_lossy(&w).into_owned()
}

#[cfg(test)]
mod tests {
    use super::{morph_stem, stem};

    #[test]
    fn porter_rules() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("replacement", "replac"),
            ("adjustment", "adjust"),
            ("adoption", "adopt"),
            ("yelling", "yell"),
            ("controlling", "control"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn exceptions_come_first() {
        assert_eq!(morph_stem("children"), "child");
        assert_eq!(morph_stem("better"), "well");
        assert_eq!(morph_stem("gasses"), "gas");
        assert_eq!(morph_stem("running"), "run");
    }
}
