//! The Porter stemmer exactly as NLTK's `PorterStemmer()` (mode `NLTK_EXTENSIONS`) behaves, which
//! is the stemmer Google's `rouge-score` applies. Input is one lowercase ASCII token.

/// NLTK's table of irregular forms, checked before any rule.
const IRREGULAR: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

/// Stems `word` (lowercase ASCII) the way `nltk.stem.porter.PorterStemmer().stem` does.
pub fn stem(word: &str) -> String {
    if let Some((_, base)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return (*base).to_string();
    }
    if word.len() <= 2 {
        return word.to_string();
    }
    let mut w = word.as_bytes().to_vec();
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    step2(&mut w);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w);
    step5b(&mut w);
    String::from_utf8_lossy(&w).into_owned()
}

fn is_vowel_letter(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Consonant flags of every position: `y` is a consonant at the start or after a vowel.
fn consonant_flags(word: &[u8]) -> Vec<bool> {
    let mut flags: Vec<bool> = Vec::with_capacity(word.len());
    for (i, &c) in word.iter().enumerate() {
        let consonant = if is_vowel_letter(c) {
            false
        } else if c == b'y' {
            i == 0 || !flags[i - 1]
        } else {
            true
        };
        flags.push(consonant);
    }
    flags
}

fn is_consonant(word: &[u8], i: usize) -> bool {
    consonant_flags(&word[..=i])[i]
}

/// The measure m of [C](VC){m}[V].
fn measure(stem: &[u8]) -> usize {
    let flags = consonant_flags(stem);
    flags.windows(2).filter(|p| !p[0] && p[1]).count()
}

fn contains_vowel(stem: &[u8]) -> bool {
    consonant_flags(stem).iter().any(|c| !c)
}

fn ends_double_consonant(word: &[u8]) -> bool {
    let n = word.len();
    n >= 2 && word[n - 1] == word[n - 2] && is_consonant(word, n - 1)
}

fn ends_cvc(word: &[u8]) -> bool {
    let n = word.len();
    if n >= 3 {
        let flags = consonant_flags(word);
        if flags[n - 3]
            && !flags[n - 2]
            && flags[n - 1]
            && !matches!(word[n - 1], b'w' | b'x' | b'y')
        {
            return true;
        }
    }
    if n == 2 {
        let flags = consonant_flags(word);
        return !flags[0] && flags[1];
    }
    false
}

/// A rule's condition on the stem left after removing the suffix.
#[derive(Clone, Copy)]
enum Cond {
    None,
    MeasureGt0,
    MeasureGt1,
    /// NLTK's `logi` rule: positive measure of the word minus its last three letters.
    LogiWord,
    /// Step 4 `ion`: m > 1 and the stem ends in s or t.
    IonStem,
}

fn holds(cond: Cond, stem: &[u8], word: &[u8]) -> bool {
    match cond {
        Cond::None => true,
        Cond::MeasureGt0 => measure(stem) > 0,
        Cond::MeasureGt1 => measure(stem) > 1,
        Cond::LogiWord => measure(&word[..word.len() - 3]) > 0,
        Cond::IonStem => measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't')),
    }
}

/// Applies the first rule whose suffix matches; if its condition fails the word is unchanged.
fn apply_rules(w: &mut Vec<u8>, rules: &[(&str, &str, Cond)]) {
    for &(suffix, replacement, cond) in rules {
        if w.ends_with(suffix.as_bytes()) {
            let stem_len = w.len() - suffix.len();
            if holds(cond, &w[..stem_len], w) {
                w.truncate(stem_len);
                w.extend_from_slice(replacement.as_bytes());
            }
            return;
        }
    }
}

fn step1a(w: &mut Vec<u8>) {
    if w.ends_with(b"ies") && w.len() == 4 {
        w.truncate(w.len() - 3);
        w.extend_from_slice(b"ie");
        return;
    }
    apply_rules(
        w,
        &[
            ("sses", "ss", Cond::None),
            ("ies", "i", Cond::None),
            ("ss", "ss", Cond::None),
            ("s", "", Cond::None),
        ],
    );
}

fn step1b(w: &mut Vec<u8>) {
    if w.ends_with(b"ied") {
        let len4 = w.len() == 4;
        w.truncate(w.len() - 3);
        w.extend_from_slice(if len4 { b"ie" } else { b"i" });
        return;
    }
    if w.ends_with(b"eed") {
        if measure(&w[..w.len() - 3]) > 0 {
            w.pop();
        }
        return;
    }
    let mut stem_len = None;
    for suffix in [&b"ed"[..], b"ing"] {
        if w.ends_with(suffix) {
            let len = w.len() - suffix.len();
            if contains_vowel(&w[..len]) {
                stem_len = Some(len);
                break;
            }
        }
    }
    let Some(len) = stem_len else { return };
    w.truncate(len);
    if w.ends_with(b"at") || w.ends_with(b"bl") || w.ends_with(b"iz") {
        w.push(b'e');
    } else if ends_double_consonant(w) {
        if !matches!(w.last(), Some(b'l' | b's' | b'z')) {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push(b'e');
    }
}

fn step1c(w: &mut [u8]) {
    if w.ends_with(b"y") {
        let stem = &w[..w.len() - 1];
        if stem.len() > 1 && is_consonant(stem, stem.len() - 1) {
            let last = w.len() - 1;
            w[last] = b'i';
        }
    }
}

const STEP2: &[(&str, &str, Cond)] = &[
    ("ational", "ate", Cond::MeasureGt0),
    ("tional", "tion", Cond::MeasureGt0),
    ("enci", "ence", Cond::MeasureGt0),
    ("anci", "ance", Cond::MeasureGt0),
    ("izer", "ize", Cond::MeasureGt0),
    ("bli", "ble", Cond::MeasureGt0),
    ("alli", "al", Cond::MeasureGt0),
    ("entli", "ent", Cond::MeasureGt0),
    ("eli", "e", Cond::MeasureGt0),
    ("ousli", "ous", Cond::MeasureGt0),
    ("ization", "ize", Cond::MeasureGt0),
    ("ation", "ate", Cond::MeasureGt0),
    ("ator", "ate", Cond::MeasureGt0),
    ("alism", "al", Cond::MeasureGt0),
    ("iveness", "ive", Cond::MeasureGt0),
    ("fulness", "ful", Cond::MeasureGt0),
    ("ousness", "ous", Cond::MeasureGt0),
    ("aliti", "al", Cond::MeasureGt0),
    ("iviti", "ive", Cond::MeasureGt0),
    ("biliti", "ble", Cond::MeasureGt0),
    ("fulli", "ful", Cond::MeasureGt0),
    ("logi", "log", Cond::LogiWord),
];

fn step2(w: &mut Vec<u8>) {
    // NLTK extension: "alli" -> "al" when the stem has positive measure, then step 2 again.
    while w.ends_with(b"alli") && measure(&w[..w.len() - 4]) > 0 {
        w.truncate(w.len() - 2);
    }
    apply_rules(w, STEP2);
}

fn step3(w: &mut Vec<u8>) {
    apply_rules(
        w,
        &[
            ("icate", "ic", Cond::MeasureGt0),
            ("ative", "", Cond::MeasureGt0),
            ("alize", "al", Cond::MeasureGt0),
            ("iciti", "ic", Cond::MeasureGt0),
            ("ical", "ic", Cond::MeasureGt0),
            ("ful", "", Cond::MeasureGt0),
            ("ness", "", Cond::MeasureGt0),
        ],
    );
}

fn step4(w: &mut Vec<u8>) {
    apply_rules(
        w,
        &[
            ("al", "", Cond::MeasureGt1),
            ("ance", "", Cond::MeasureGt1),
            ("ence", "", Cond::MeasureGt1),
            ("er", "", Cond::MeasureGt1),
            ("ic", "", Cond::MeasureGt1),
            ("able", "", Cond::MeasureGt1),
            ("ible", "", Cond::MeasureGt1),
            ("ant", "", Cond::MeasureGt1),
            ("ement", "", Cond::MeasureGt1),
            ("ment", "", Cond::MeasureGt1),
            ("ent", "", Cond::MeasureGt1),
            ("ion", "", Cond::IonStem),
            ("ou", "", Cond::MeasureGt1),
            ("ism", "", Cond::MeasureGt1),
            ("ate", "", Cond::MeasureGt1),
            ("iti", "", Cond::MeasureGt1),
            ("ous", "", Cond::MeasureGt1),
            ("ive", "", Cond::MeasureGt1),
            ("ize", "", Cond::MeasureGt1),
        ],
    );
}

fn step5a(w: &mut Vec<u8>) {
    if w.ends_with(b"e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<u8>) {
    if w.ends_with(b"ll") && measure(&w[..w.len() - 1]) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn stems_like_nltk() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("generalizations", "gener"),
            ("news", "news"),
            ("dying", "die"),
            ("controlling", "control"),
            ("running", "run"),
            ("radically", "radic"),
            ("analogous", "analog"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "{word}");
        }
    }
}

#[cfg(test)]
mod golden {
    /// Every token longer than 3 characters of the Multi-News dev summaries and lead articles,
    /// with NLTK's stem (made by `scripts/rouge/make_golden.py`).
    const STEMS: &str = include_str!("../tests/data/nltk_porter_stems.tsv");

    #[test]
    fn matches_nltk_on_sixteen_thousand_words() {
        let mut wrong = Vec::new();
        for line in STEMS.lines() {
            let (word, expected) = line.split_once('\t').unwrap_or((line, ""));
            let ours = super::stem(word);
            if ours != expected {
                wrong.push(format!("{word}: ours {ours}, nltk {expected}"));
            }
        }
        assert!(STEMS.lines().count() > 10_000);
        assert!(
            wrong.is_empty(),
            "{} differ:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    }
}
