//! What a word ending in a period is: a title that always precedes a name
//! ("Sen.", "Dr."), a marker that precedes a number ("No.", "p."), an
//! abbreviation that may or may not end a sentence ("U.S.", "Inc.", "Jan.",
//! "Calif.", "J."), or a plain word.
//!
//! Only ASCII is looked at: the token is the run of ASCII letters, digits and
//! periods just before the candidate period.

/// How a word that ends in a period bears on a sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordKind {
    /// Never ends a sentence: "Mr.", "Sen.", "Gov.", "vs.", "e.g.".
    Title,
    /// Does not end a sentence when a number follows: "No. 1", "p. 12".
    BeforeNumber,
    /// May end a sentence; does so only if the next word reads like a sentence
    /// start: "U.S.", "Inc.", "Jr.", "Jan.", "Calif.", "p.m.", "J.".
    Ambiguous,
    /// A numeral list marker at the start of a line: "1." in "1. First".
    ListMarker,
    /// Any other word: the period ends the sentence if a capital follows.
    Plain,
}

/// Titles and connectives that are always followed by more of the sentence.
/// Matched case-sensitively, without the final period.
const TITLES: &[&str] = &[
    "Adm", "Amb", "Atty", "Brig", "Capt", "Cmdr", "Col", "Cpl", "Det", "Dr", "Drs", "Fr", "Gen",
    "Gov", "Hon", "Insp", "Lt", "Maj", "Messrs", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Pfc", "Pres",
    "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sgt", "Spc", "Supt", "cf", "vs", "Vs",
];

/// Abbreviations that take a number after them.
const BEFORE_NUMBER: &[&str] = &[
    "Art", "Ch", "Fig", "No", "Nos", "Nr", "Sec", "Vol", "art", "ch", "fig", "no", "nos", "p",
    "pp", "sec", "vol",
];

/// Abbreviations that can also end a sentence.
const AMBIGUOUS: &[&str] = &[
    // Months (May, June, July are never abbreviated).
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    // Days.
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    // Companies, names, places.
    "Ave", "Blvd", "Bros", "Co", "Corp", "Cos", "Esq", "Ft", "Hwy", "Inc", "Jr", "Ltd", "Mt", "Pl",
    "Rd", "Sr", "St", "Ste", "al", "approx", "est", "etc", "ft", "inc", "lb", "lbs", "oz", "Ph",
    // U.S. states in AP style.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans",
    "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore",
    "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Classifies the word `token` (ASCII letters, digits and periods, ending in
/// the candidate period). `line_start` says whether only white space precedes
/// the token on its line.
pub(crate) fn classify(token: &str, line_start: bool) -> WordKind {
    let Some(stem) = token.strip_suffix('.') else {
        return WordKind::Plain;
    };
    if stem.is_empty() {
        return WordKind::Plain;
    }
    if line_start && stem.len() <= 2 && stem.bytes().all(|b| b.is_ascii_digit()) {
        return WordKind::ListMarker;
    }
    if matches!(stem, "e.g" | "i.e" | "E.g" | "I.e") || TITLES.contains(&stem) {
        return WordKind::Title;
    }
    if BEFORE_NUMBER.contains(&stem) {
        return WordKind::BeforeNumber;
    }
    if AMBIGUOUS.contains(&stem) || is_initialism(stem) {
        return WordKind::Ambiguous;
    }
    WordKind::Plain
}

/// "J", "U.S", "D.C", "a.m", "Ph.D", "N.Y": letters in groups of one or two,
/// joined by periods (the final period already removed). A lone letter must be
/// a capital (an initial); a lone lower-case letter is a plain word.
fn is_initialism(stem: &str) -> bool {
    let mut groups = 0;
    for group in stem.split('.') {
        let letters = group.len();
        if !(1..=2).contains(&letters) || !group.bytes().all(|b| b.is_ascii_alphabetic()) {
            return false;
        }
        groups += 1;
    }
    groups > 1 || stem.bytes().all(|b| b.is_ascii_uppercase())
}

/// Words that commonly open a sentence and rarely follow an abbreviation inside
/// one: after "U.S." or "Inc.", "The" starts a new sentence, "Senate" does not.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    matches!(
        word,
        "A" | "According"
            | "After"
            | "Afterward"
            | "Again"
            | "All"
            | "Also"
            | "Although"
            | "An"
            | "And"
            | "Another"
            | "Any"
            | "As"
            | "At"
            | "Before"
            | "Both"
            | "But"
            | "By"
            | "Despite"
            | "During"
            | "Each"
            | "Earlier"
            | "Even"
            | "Every"
            | "For"
            | "From"
            | "He"
            | "Her"
            | "Here"
            | "His"
            | "How"
            | "However"
            | "I"
            | "If"
            | "In"
            | "Instead"
            | "It"
            | "Its"
            | "Last"
            | "Later"
            | "Many"
            | "Meanwhile"
            | "More"
            | "Most"
            | "My"
            | "No"
            | "Not"
            | "Now"
            | "On"
            | "One"
            | "Only"
            | "Or"
            | "Our"
            | "She"
            | "Since"
            | "So"
            | "Some"
            | "Still"
            | "That"
            | "The"
            | "Their"
            | "Then"
            | "There"
            | "These"
            | "They"
            | "This"
            | "Those"
            | "Though"
            | "To"
            | "Under"
            | "We"
            | "What"
            | "When"
            | "Where"
            | "Which"
            | "While"
            | "Who"
            | "Why"
            | "With"
            | "Yet"
            | "You"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_never_end_a_sentence() {
        for word in ["Mr.", "Sen.", "Rep.", "Gov.", "Dr.", "vs.", "e.g."] {
            assert_eq!(classify(word, false), WordKind::Title, "{word}");
        }
    }

    #[test]
    fn initialisms_and_abbreviations_are_ambiguous() {
        for word in [
            "U.S.", "D.C.", "p.m.", "a.m.", "J.", "Ph.D.", "Inc.", "Feb.", "Sept.", "Calif.",
        ] {
            assert_eq!(classify(word, false), WordKind::Ambiguous, "{word}");
        }
    }

    #[test]
    fn plain_words_and_numbers() {
        for word in ["Washington.", "a.", "2016.", "cnn.com."] {
            assert_eq!(classify(word, false), WordKind::Plain, "{word}");
        }
        assert_eq!(classify("No.", false), WordKind::BeforeNumber);
        assert_eq!(classify("12.", true), WordKind::ListMarker);
        assert_eq!(classify("12.", false), WordKind::Plain);
    }

    #[test]
    fn starters() {
        assert!(is_sentence_starter("The"));
        assert!(!is_sentence_starter("Senate"));
    }
}
