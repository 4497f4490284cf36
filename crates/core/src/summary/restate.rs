//! Restatements: outlets word the same fact differently ("closes Monday for six weeks" / "from Monday
//! the bridge will be off-limits for six weeks"), so two such sentences can look less alike than the
//! redundancy cut-off asks. A candidate that names nothing a chosen sentence does not already name (no new
//! name, figure or date) and shares enough of its terms says that sentence's fact again.

use std::collections::HashSet;

use super::candidates::Pool;

/// Fewer specifics than this are too little to call two sentences the same fact.
const LEAST_SPECIFICS: usize = 3;
/// Share of the candidate's term weight the chosen sentence must also have.
const LEAST_SHARED_TERMS: f32 = 0.3;

/// Number words that state a figure as a word.
const NUMBER_WORDS: [&str; 24] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands", "million",
    "millions", "billion", "dozen",
];

/// The specifics of each candidate: the names, figures and dates it states, lower-cased and sorted.
pub struct Specifics(Vec<Vec<String>>);

impl Specifics {
    /// A word is a name when it is capitalised inside a sentence somewhere in the story (so a sentence's
    /// first word counts only when the story writes it capitalised elsewhere too); a figure when it has a
    /// digit or is a number word.
    pub fn of(pool: &Pool) -> Specifics {
        let words: Vec<Vec<&str>> = pool.candidates.iter().map(|c| words(&c.text)).collect();
        let names: HashSet<String> = words
            .iter()
            .flat_map(|w| w.iter().skip(1))
            .filter(|w| w.starts_with(char::is_uppercase))
            .map(|w| w.to_lowercase())
            .collect();
        Specifics(
            words
                .iter()
                .map(|ws| {
                    let mut out: Vec<String> = ws
                        .iter()
                        .map(|w| w.to_lowercase())
                        .filter(|w| {
                            names.contains(w)
                                || w.contains(|c: char| c.is_ascii_digit())
                                || NUMBER_WORDS.contains(&w.as_str())
                        })
                        .collect();
                    out.sort_unstable();
                    out.dedup();
                    out
                })
                .collect(),
        )
    }

    /// Whether candidate `candidate` restates `chosen`, given the share of its term weight that `chosen`
    /// also has.
    pub fn restates(&self, candidate: usize, chosen: usize, shared_terms: f32) -> bool {
        let (mine, theirs) = (&self.0[candidate], &self.0[chosen]);
        mine.len() >= LEAST_SPECIFICS
            && shared_terms >= LEAST_SHARED_TERMS
            && mine.iter().all(|w| theirs.binary_search(w).is_ok())
    }
}

/// The words of a sentence, without the possessive "'s" and surrounding punctuation.
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '.' || c == ','))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_drop_possessives_and_punctuation() {
        assert_eq!(
            words("Millbrook's bridge, built in 1962, closes Monday."),
            ["Millbrook", "bridge", "built", "in", "1962", "closes", "Monday"]
        );
        assert_eq!(words("$4.2 million"), ["4.2", "million"]);
    }
}
