//! Comparing two statements: do they report the same claim, and where do their details differ?
//!
//! Same claim: TF-IDF cosine over stemmed content terms, with a lower bar when they also give the same
//! number of the same thing, and a lower one still when that number is specific (20 or more). A shared
//! name is no evidence: within one story most statements share names, so two statements must also share
//! two terms besides those of names. A discrepancy is only reported for statements that clearly tell the
//! same claim and differ on a detail of the same slot: a number counting the same thing, an explicitly
//! written date, or a name of the same kind after the same word ("met in Cleveland" / "met in
//! Washington"). Prefer missing one to inventing one. Figures near each other ([`near`]: "up to 847" and
//! "593", "about 250,000" and "240,000") count as evidence of one claim; within a claim they are compared
//! strictly ([`compatible`]: exact figures equal, hedged ones within 5%), and a different figure makes the
//! two a discrepancy, never support of each other.

use newsbrief_quotes::NameKind;

use super::numbers::{compatible, near, same_unit, Number};
use crate::summary::vector::SparseVec;

/// Cosine at or above which two statements report the same claim.
pub const SAME: f32 = 0.35;
/// Cosine at or above which two statements giving the same number of the same thing report the same claim.
pub const SAME_WITH_NUMBER: f32 = 0.25;
/// Cosine at or above which two statements giving the same specific number of the same thing report the
/// same claim.
pub const SAME_WITH_SPECIFIC_NUMBER: f32 = 0.15;
/// Smallest number that counts as specific: small counts ("two people", "10 years") recur across the
/// claims of a story by chance, "239 people" or "$3 million" seldom do.
pub const SPECIFIC: f64 = 20.0;
/// Largest relative difference of two values that are the same specific number ("$3.39 billion" and
/// "$3.392 billion", "about 250,000" and "nearly 250,000").
const SAME_VALUE: f64 = 0.1;
/// Fewest terms besides names two statements of one claim share.
pub const MIN_SHARED_WORDS: usize = 2;

/// A named mention in a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Name {
    pub kind: NameKind,
    /// The entity's canonical name, lowercased (so aliases compare equal).
    pub key: String,
    /// Byte span in the article.
    pub start: usize,
    pub end: usize,
    /// The lowercased word just before the mention: its slot.
    pub before: String,
}

/// An explicitly written calendar date in a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct DateValue {
    pub value: String,
    pub first: newsbrief_timex::NaiveDate,
    pub last: newsbrief_timex::NaiveDate,
    pub start: usize,
    pub end: usize,
}

/// What the comparison needs of a statement.
#[derive(Debug, Clone, Default)]
pub struct Features {
    pub vector: SparseVec,
    /// Its term ids, sorted, once each; and those of the names it mentions.
    pub terms: Vec<u32>,
    pub name_terms: Vec<u32>,
    /// Numbers with spans relative to the article (not the sentence).
    pub numbers: Vec<Number>,
    pub dates: Vec<DateValue>,
    pub names: Vec<Name>,
    /// The lowercased text, to check whether a value appears anywhere in it.
    pub lower: String,
}

/// One detail on which two statements differ.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub kind: &'static str,
    /// A key that identifies the slot, so that differences of several statements can be merged.
    pub slot: String,
    /// Byte spans (article-relative) of the value in the first and second statement.
    pub a: (usize, usize),
    pub b: (usize, usize),
    /// Byte spans (article-relative) of the value as a reader would quote it: for a number its hedge and
    /// what it counts ("as much as 20 minutes"), otherwise the value itself.
    pub a_said: (usize, usize),
    pub b_said: (usize, usize),
}

impl Difference {
    /// Two statements giving `n` and `m` for one figure.
    fn of_numbers(n: &Number, m: &Number) -> Difference {
        Difference {
            kind: "number",
            slot: format!("number:{}", n.units.join(" ")),
            a: (n.start, n.end),
            b: (m.start, m.end),
            a_said: n.phrase,
            b_said: m.phrase,
        }
    }
}

/// Cosine at or above which two statements that differ on a number of the same thing report one claim.
pub const SAME_WITH_DIFFERENT_NUMBER: f32 = 0.2;

/// Whether two statements tell the same claim (with their cosine), and the details on which they differ.
pub fn judge(a: &Features, b: &Features) -> Option<(f32, Vec<Difference>)> {
    let cosine = a.vector.cosine(&b.vector);
    if cosine < SAME_WITH_SPECIFIC_NUMBER {
        return None;
    }
    let same = same_claim(a, b).is_some();
    if !same && cosine < SAME_WITH_DIFFERENT_NUMBER {
        return None;
    }
    let mut found = differences(a, b);
    if !same {
        // Below the usual bar, only a number of the same thing stated differently makes them one claim,
        // and only one that is not even near ("up to $20" and "$5" may be two facts).
        let mut loose = Vec::new();
        number_differences(a, b, near, &mut loose);
        found.retain(|d| d.kind == "number");
        if loose.is_empty() || found.is_empty() {
            return None;
        }
    }
    Some((cosine, found))
}

/// How similar two statements are, and whether they tell the same claim.
pub fn same_claim(a: &Features, b: &Features) -> Option<f32> {
    let cosine = a.vector.cosine(&b.vector);
    if cosine < SAME_WITH_SPECIFIC_NUMBER || shared_words(a, b) < MIN_SHARED_WORDS {
        return None;
    }
    if cosine >= SAME {
        return Some(cosine);
    }
    let shared: Vec<(&Number, &Number)> = a
        .numbers
        .iter()
        .flat_map(|n| b.numbers.iter().map(move |m| (n, m)))
        .filter(|(n, m)| same_unit(n, m) && near(n, m))
        .collect();
    // The same specific value, not merely one within another's bound ("up to 847" and "593").
    let specific = shared.iter().any(|(n, m)| {
        let largest = n.value.abs().max(m.value.abs());
        n.value.abs().min(m.value.abs()) >= SPECIFIC
            && (n.value - m.value).abs() <= largest * SAME_VALUE
    });
    let enough = if specific {
        SAME_WITH_SPECIFIC_NUMBER
    } else if shared.is_empty() {
        SAME
    } else {
        SAME_WITH_NUMBER
    };
    (cosine >= enough).then_some(cosine)
}

/// How many terms two statements share besides those of names: within one story most statements name
/// the same people, so two sentences that share only names and one word ("nominee Hillary Clinton")
/// need not tell the same claim.
fn shared_words(a: &Features, b: &Features) -> usize {
    a.terms
        .iter()
        .filter(|t| b.terms.binary_search(t).is_ok())
        .filter(|t| {
            a.name_terms.binary_search(t).is_err() && b.name_terms.binary_search(t).is_err()
        })
        .count()
}

/// The details on which two statements of the same claim differ.
pub fn differences(a: &Features, b: &Features) -> Vec<Difference> {
    let mut out = Vec::new();
    number_differences(a, b, compatible, &mut out);
    lone_number_difference(a, b, &mut out);
    date_differences(a, b, &mut out);
    name_differences(a, b, &mut out);
    out
}

/// Numbers counting the same thing, one in each statement, that do not agree (`agree` is
/// [`compatible`] for details: a different figure for the same fact, hedges compared with their tolerance).
/// Numbers the two statements agree on ("three people" in both) are set aside first, so that "three
/// people stabbed, 12 arrested" and "13 in custody, three people stabbed" still compare 12 with 13.
fn number_differences(
    a: &Features,
    b: &Features,
    agree: fn(&Number, &Number) -> bool,
    out: &mut Vec<Difference>,
) {
    let unmatched = |x: &Features, y: &Features| -> Vec<Number> {
        x.numbers
            .iter()
            .filter(|n| !y.numbers.iter().any(|m| same_unit(n, m) && agree(n, m)))
            .cloned()
            .collect()
    };
    let (left, right) = (unmatched(a, b), unmatched(b, a));
    for n in &left {
        let ours: Vec<&Number> = left.iter().filter(|m| same_unit(m, n)).collect();
        let theirs: Vec<&Number> = right.iter().filter(|m| same_unit(m, n)).collect();
        let [m] = theirs.as_slice() else { continue };
        if ours.len() != 1 || agree(n, m) {
            continue;
        }
        // A value the other statement also gives, for something else, is not contradicted.
        if a.numbers.iter().any(|x| agree(x, m)) || b.numbers.iter().any(|x| agree(x, n)) {
            continue;
        }
        out.push(Difference::of_numbers(n, m));
    }
}

/// The one number of each of two statements that clearly tell the same claim (cosine at least [`SAME`]),
/// counting things named differently ("About 14,000 vehicles cross the bridge" / "Roughly 12,000 cars
/// use it"), when they do not agree: the same fact given as two figures.
fn lone_number_difference(a: &Features, b: &Features, out: &mut Vec<Difference>) {
    let ([n], [m]) = (a.numbers.as_slice(), b.numbers.as_slice()) else {
        return;
    };
    let counted = |x: &Number| {
        x.units
            .first()
            .is_some_and(|u| u != "$" && u != "%" && !u.starts_with("age:"))
    };
    if same_unit(n, m)
        || !counted(n)
        || !counted(m)
        || compatible(n, m)
        || a.vector.cosine(&b.vector) < SAME
    {
        return;
    }
    out.push(Difference::of_numbers(n, m));
}

/// One explicit date in each statement, not overlapping.
fn date_differences(a: &Features, b: &Features, out: &mut Vec<Difference>) {
    let ([x], [y]) = (a.dates.as_slice(), b.dates.as_slice()) else {
        return;
    };
    if x.first <= y.last && y.first <= x.last {
        return;
    }
    out.push(Difference {
        kind: "date",
        slot: "date".to_owned(),
        a: (x.start, x.end),
        b: (y.start, y.end),
        a_said: (x.start, x.end),
        b_said: (y.start, y.end),
    });
}

/// Names of the same kind in the same slot that differ, neither named anywhere in the other statement.
fn name_differences(a: &Features, b: &Features, out: &mut Vec<Difference>) {
    for n in &a.names {
        if n.before.is_empty() || matches!(n.kind, NameKind::Other) {
            continue;
        }
        let Some(m) = b
            .names
            .iter()
            .find(|m| m.kind == n.kind && m.before == n.before && !same_name(&m.key, &n.key))
        else {
            continue;
        };
        let named_in = |f: &Features, key: &str| {
            f.names.iter().any(|x| same_name(&x.key, key)) || f.lower.contains(key)
        };
        if named_in(b, &n.key) || named_in(a, &m.key) {
            continue;
        }
        let kind = if n.kind == NameKind::Place {
            "place"
        } else {
            "name"
        };
        out.push(Difference {
            kind,
            slot: format!("{kind}:{}", n.before),
            a: (n.start, n.end),
            b: (m.start, m.end),
            a_said: (n.start, n.end),
            b_said: (m.start, m.end),
        });
    }
}

/// Two lowercased names of one entity: each word of the shorter is a word of the longer ("sessions",
/// "jeff sessions"), or the same word spelt another way ([`same_word`]: "al-qaida", "al qaeda").
pub fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (short, long) = (words(short), words(long));
    !short.is_empty() && short.iter().all(|w| long.iter().any(|l| same_word(w, l)))
}

/// One word, or two spellings of it: a transliteration or a typo differs from the other spelling by one
/// edit in a word of five letters or more, by two in one of eight or more ("qaida" / "qaeda"). Names that
/// close are far more often one name spelt two ways than two names, and a discrepancy reported between
/// two spellings is worse than one missed.
fn same_word(a: &str, b: &str) -> bool {
    let letters = a.chars().count().min(b.chars().count());
    let allowed = match letters {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    };
    a == b || (allowed > 0 && strsim::damerau_levenshtein(a, b) <= allowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_parts_match() {
        assert!(same_name("sessions", "jeff sessions"));
        assert!(!same_name("cleveland", "washington"));
    }

    #[test]
    fn spellings_of_one_name_match_and_short_words_must_be_equal() {
        assert!(same_name("al-qaida", "al qaeda"));
        assert!(same_name("muammar gaddafi", "qaddafi"));
        assert!(!same_name("iran", "iraq"));
        assert!(!same_name("paris", "lyon"));
    }
}
