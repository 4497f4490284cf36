//! Helpers for comparing entity names: title words, possessives, name parts, initials and a
//! bounded edit distance (optimal string alignment, i.e. with adjacent transpositions).

/// Capitalised words that can precede a name as a title ("Sen.", "Attorney General", "AG").
const TITLE_WORDS: &[&str] = &[
    "ag",
    "adm",
    "ambassador",
    "attorney",
    "capt",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "commissioner",
    "councillor",
    "councilman",
    "councilwoman",
    "congressman",
    "congresswoman",
    "deputy",
    "director",
    "dr",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "justice",
    "leader",
    "lt",
    "madam",
    "majority",
    "mayor",
    "minister",
    "minority",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prime",
    "prof",
    "professor",
    "rep",
    "representative",
    "rev",
    "secretary",
    "sen",
    "senator",
    "sgt",
    "sheriff",
    "speaker",
    "vice",
];

/// Title words that also begin the names of organisations and places ("General Motors", "Chief
/// Executive", "Justice Department", "Vice Media"), or stand before another title ("Majority Leader"): the
/// others, right before a name, make it a person's ([`is_personal_title`]).
const NOT_ONLY_PERSONAL: &[&str] = &[
    "ag", "attorney", "chief", "deputy", "director", "general", "justice", "leader", "majority",
    "minority", "prime", "vice",
];

/// Generational suffixes that are part of a name but not its surname.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Longest name (in characters) compared by edit distance; longer names only match exactly.
const MAX_COMPARED_CHARS: usize = 64;

fn bare(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// Whether `word` is a title word (case-insensitive, final period ignored) written capitalised.
pub fn is_title_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && TITLE_WORDS.contains(&bare(word).as_str())
}

/// Whether `word`, written right before a name, makes it a person's ("Mr.", "President", "Sen.").
pub fn is_personal_title(word: &str) -> bool {
    is_title_word(word) && !NOT_ONLY_PERSONAL.contains(&bare(word).as_str())
}

/// Whether `word` is a generational suffix ("Jr.", "III").
pub fn is_suffix(word: &str) -> bool {
    SUFFIXES.contains(&bare(word).as_str())
}

/// Replaces typographic apostrophes, drops invisible joiners and collapses whitespace.
pub fn normalise_spaces(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['’', '‘'], "'")
        .replace(is_invisible_joiner, "")
}

/// Characters that never show and never part words: a soft hyphen, zero-width (non-)joiners, the word
/// joiner.
pub fn is_invisible_joiner(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// Removes a possessive ending (`'s`, `’s`, or a bare apostrophe after `s`).
pub fn strip_possessive(name: &str) -> &str {
    for ending in ["'s", "’s", "'S", "’S"] {
        if let Some(stripped) = name.strip_suffix(ending) {
            return stripped;
        }
    }
    for ending in ["'", "’"] {
        if let Some(stripped) = name.strip_suffix(ending) {
            if stripped.ends_with(['s', 'S']) {
                return stripped;
            }
        }
    }
    name
}

/// The words of a person's name without leading titles ("Sen. Jeff Sessions" -> Jeff Sessions).
pub fn person_words(name: &str) -> Vec<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let titles = words.iter().take_while(|word| is_title_word(word)).count();
    if titles == words.len() {
        return words;
    }
    words[titles..].to_vec()
}

/// The surname of a person's name words: the last word that is not a generational suffix.
pub fn surname<'a>(words: &[&'a str]) -> Option<&'a str> {
    words.iter().rev().find(|word| !is_suffix(word)).copied()
}

/// The generational suffix of a name, if any (lower-case, without period).
pub fn generation(words: &[&str]) -> Option<String> {
    words
        .last()
        .filter(|word| words.len() > 1 && is_suffix(word))
        .map(|word| bare(word))
}

/// Whether two first names can belong to one person: equal, an initial of the other, a
/// prefix of the other (Jeff / Jefferson), or one edit apart when long enough.
pub fn first_names_compatible(a: &str, b: &str) -> bool {
    let (a, b) = (bare(a), bare(b));
    if a == b {
        return true;
    }
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    if initial(&a, &b) || initial(&b, &a) {
        return true;
    }
    let prefix = |x: &str, y: &str| x.chars().count() >= 3 && y.starts_with(x);
    prefix(&a, &b) || prefix(&b, &a) || is_misspelling(&a, &b)
}

/// Initials of the capitalised words of a multi-word name ("Democratic National Committee" -> DNC),
/// skipping lower-case function words; `None` for one-word names.
pub fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let letters: String = words
        .iter()
        .filter_map(|word| word.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (letters.chars().count() >= 2).then_some(letters)
}

/// The letters of an acronym ("U.S." -> US, "DNC" -> DNC), if `name` is one.
pub fn acronym(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|&c| c != '.').collect();
    let count = letters.chars().count();
    let is_acronym = (2..=6).contains(&count) && letters.chars().all(char::is_uppercase);
    is_acronym.then_some(letters)
}

/// Whether two different lower-cased names are probably one misspelt as the other: the same
/// first letter, at least six letters, and one insertion, deletion, substitution or
/// transposition apart (two for names of ten letters or more).
pub fn is_misspelling(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let shorter = a.len().min(b.len());
    if shorter < 6 || a.len().max(b.len()) > MAX_COMPARED_CHARS || a.first() != b.first() {
        return false;
    }
    let allowed = if shorter >= 10 { 2 } else { 1 };
    a.len().abs_diff(b.len()) <= allowed && edit_distance(&a, &b) <= allowed
}

/// Whether `a` is `b` with the slip of a typing hand: two neighbouring letters swapped ("cornad" /
/// "conrad") or a letter doubled or undoubled ("barrack" / "barack"). Unlike [`is_misspelling`], a
/// letter changed or dropped is not one: "Giorgia" / "Georgia", "Davide" / "David", "Martyn" / "Martin"
/// are names of their own in other languages.
pub fn is_typo(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b {
        return false;
    }
    if a.len() == b.len() {
        let differ: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return matches!(differ[..], [i, j] if j == i + 1 && a[i] == b[j] && a[j] == b[i]);
    }
    let (long, short) = if a.len() > b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() != short.len() + 1 {
        return false;
    }
    // The extra letter doubles its neighbour: removing it leaves the shorter name.
    (1..long.len())
        .any(|i| long[i] == long[i - 1] && long[..i].iter().chain(&long[i + 1..]).eq(short.iter()))
}

/// Whether two different lower-cased names of at least four letters share their first letter and
/// are one insertion, deletion, substitution or transposition apart ("klass" / "klaas"): the looser
/// test for a lone name against the surname of the one full name it is close to.
pub fn is_near_spelling(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len().min(b.len()) >= 4
        && a.len().max(b.len()) <= MAX_COMPARED_CHARS
        && a.first() == b.first()
        && a.len().abs_diff(b.len()) <= 1
        && edit_distance(&a, &b) <= 1
}

/// Whether `a` and `b` differ only by a final plural `s`.
pub fn is_plural_pair(a: &str, b: &str) -> bool {
    a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// Optimal-string-alignment distance between two short strings.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for (i, row) in table.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in table.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_swaps_and_doubled_letters() {
        assert!(is_typo("cornad", "conrad"));
        assert!(is_typo("barrack", "barack"));
        assert!(is_typo("barack", "barrack"));
        assert!(!is_typo("giorgia", "georgia"), "a changed letter");
        assert!(
            !is_typo("davide", "david"),
            "a dropped letter that doubles nothing"
        );
        assert!(!is_typo("martyn", "martin"));
        assert!(!is_typo("conrad", "conrad"));
        assert!(!is_typo("abcd", "badc"), "two swaps");
    }

    #[test]
    fn misspellings() {
        assert!(is_misspelling("kisylak", "kislyak"));
        assert!(is_misspelling("session", "sessions"));
        assert!(!is_misspelling("trump", "crump"));
        assert!(
            !is_misspelling("obama", "osama"),
            "five-letter names only match exactly"
        );
    }

    #[test]
    fn titles_and_possessives() {
        assert_eq!(
            person_words("Attorney General Jeff Sessions"),
            ["Jeff", "Sessions"]
        );
        assert_eq!(strip_possessive("Session's"), "Session");
        assert_eq!(strip_possessive("Sessions'"), "Sessions");
        assert_eq!(strip_possessive("Ross"), "Ross");
        assert_eq!(surname(&["Donald", "Trump", "Jr."]), Some("Trump"));
        assert_eq!(
            generation(&["Donald", "Trump", "Jr."]).as_deref(),
            Some("jr")
        );
    }

    #[test]
    fn acronyms() {
        assert_eq!(acronym("U.S."), Some("US".into()));
        assert_eq!(
            initials("Democratic National Committee"),
            Some("DNC".into())
        );
        assert_eq!(initials("Department of Justice"), Some("DJ".into()));
        assert_eq!(acronym("Trump"), None);
    }
}
