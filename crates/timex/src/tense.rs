//! A rough tense of the clause around an expression, to choose between the last and the next
//! "Tuesday": news is past-biased, so only clear future markers point forward.

/// The tense nearest to an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    /// No marker: present tense or a verbless phrase.
    Unknown,
}

const FUTURE_WORDS: &[&str] = &[
    "will",
    "would",
    "'ll",
    "shall",
    "won't",
    "going",
    "expected",
    "expects",
    "plans",
    "plan",
    "planning",
    "planned",
    "scheduled",
    "upcoming",
    "next",
    "tomorrow",
    "aims",
    "intends",
    "due",
];
const PAST_WORDS: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "said",
    "ago",
    "last",
    "yesterday",
    "told",
    "made",
    "came",
    "went",
    "took",
    "met",
    "won",
    "lost",
    "began",
    "left",
    "gave",
    "held",
    "got",
    "saw",
    "became",
    "spoke",
    "wrote",
    "sent",
    "ran",
    "fell",
    "rose",
    "paid",
    "sold",
    "bought",
    "earlier",
    "brought",
    "found",
    "thought",
    "kept",
    "built",
    "chose",
    "knew",
    "grew",
    "threw",
    "flew",
    "led",
    "fled",
    "sought",
    "taught",
    "caught",
    "fought",
    "felt",
    "meant",
    "struck",
    "stood",
    "spent",
    "drew",
    "broke",
    "shot",
    "forgot",
];
/// Perfect auxiliaries that put a following future marker in the past ("had been due to").
const SEEN_FROM_PAST: &[&str] = &["been", "had"];
const NOT_PAST: &[&str] = &[
    "need",
    "speed",
    "indeed",
    "red",
    "bed",
    "feed",
    "seed",
    "hundred",
    "proceed",
    "succeed",
    "exceed",
    "united",
    "limited",
    "based",
    "expected",
    "scheduled",
    "planned",
    "related",
    "embed",
    "shed",
    "bred",
    "weed",
    "freed",
    "agreed",
];

/// True when the dot at byte `dot` of `text` ends a sentence: followed by a space and not
/// closing a short abbreviation ("Feb.", "Mr.", "U.S.").
fn ends_sentence(text: &str, dot: usize) -> bool {
    let followed_by_space = text
        .get(dot + 1..)
        .is_some_and(|rest| rest.starts_with(char::is_whitespace));
    let word: String = text
        .get(..dot)
        .unwrap_or("")
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect();
    followed_by_space && word.chars().count() > 3 && !word.contains('.')
}

/// Byte offset of the last sentence end in `text`.
fn last_sentence_end(text: &str) -> Option<usize> {
    text.char_indices()
        .rev()
        .find(|&(i, c)| matches!(c, '!' | '?' | '\n' | ';') || c == '.' && ends_sentence(text, i))
        .map(|(i, _)| i)
}

fn marker(word: &str) -> Option<Tense> {
    let lower = word.to_lowercase();
    let lower = lower.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    if lower.is_empty() {
        return None;
    }
    if FUTURE_WORDS.contains(&lower) || lower.ends_with("'ll") {
        return Some(Tense::Future);
    }
    if PAST_WORDS.contains(&lower)
        || lower.len() > 4 && lower.ends_with("ed") && !NOT_PAST.contains(&lower)
    {
        return Some(Tense::Past);
    }
    None
}

/// Words after which an "-ed" form is an adjective ("an unspecified date", "the planned merger").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "still", "newly",
];

/// True when `word` after `previous` marks no tense: any marker after "be" or "to" ("will be
/// named", "to be completed"), and an "-ed" adjective after a determiner.
fn tenseless_after(previous: Option<&&str>, word: &str) -> bool {
    let Some(previous) = previous else {
        return false;
    };
    let previous = previous.to_lowercase();
    previous == "be"
        || previous == "to"
        || DETERMINERS.contains(&previous.as_str()) && word.to_lowercase().ends_with("ed")
}

/// Tense of the sentence around `text[start..end]`, judged from the nearest tense marker
/// within a few words on either side (before the expression weighs slightly more).
pub fn tense_around(text: &str, start: usize, end: usize) -> Tense {
    // A bounded window: the clause around an expression, never the whole text.
    const WINDOW: usize = 200;
    let mut from = start.saturating_sub(WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = end.saturating_add(WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let before = text.get(from..start).unwrap_or("");
    let after = text.get(end..to).unwrap_or("");
    let sentence_start = last_sentence_end(before).map_or(0, |i| i + 1);
    let sentence_end = after
        .char_indices()
        .find(|&(i, c)| matches!(c, '!' | '?' | '\n' | ';') || c == '.' && ends_sentence(after, i))
        .map_or(after.len(), |(i, _)| i);
    let left = before.get(sentence_start..).unwrap_or("");
    let right = after.get(..sentence_end).unwrap_or("");
    let left_words: Vec<&str> = left.split_whitespace().rev().take(12).collect();
    let right_words: Vec<&str> = right.split_whitespace().take(8).collect();
    let mut best: Option<(usize, Tense)> = None;
    for (distance, word) in left_words.iter().enumerate() {
        let tenseless = tenseless_after(left_words.get(distance + 1), word);
        if let Some(tense) = marker(word).filter(|_| !tenseless) {
            // "had been due to expire": a future seen from the past is past.
            let seen_from_past = left_words
                .get(distance + 1)
                .is_some_and(|previous| SEEN_FROM_PAST.contains(&previous.to_lowercase().as_str()));
            let tense = match tense {
                Tense::Future if seen_from_past => Tense::Past,
                other => other,
            };
            best = Some((distance * 2, tense));
            break;
        }
    }
    for (distance, word) in right_words.iter().enumerate() {
        let previous = distance.checked_sub(1).and_then(|i| right_words.get(i));
        if let Some(tense) = marker(word).filter(|_| !tenseless_after(previous, word)) {
            if best.is_none_or(|(d, _)| distance * 2 + 1 < d) {
                best = Some((distance * 2 + 1, tense));
            }
            break;
        }
    }
    best.map_or(Tense::Unknown, |(_, tense)| tense)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(sentence: &str, expression: &str) -> Tense {
        let start = sentence.find(expression).unwrap();
        tense_around(sentence, start, start + expression.len())
    }

    #[test]
    fn past_and_future() {
        assert_eq!(
            tense_of("Flynn resigned on Monday after the report.", "Monday"),
            Tense::Past
        );
        assert_eq!(
            tense_of("The committee will meet on Monday.", "Monday"),
            Tense::Future
        );
        assert_eq!(tense_of("Talks on Monday.", "Monday"), Tense::Unknown);
        assert_eq!(
            tense_of("He said Monday that talks will resume.", "Monday"),
            Tense::Past
        );
    }
}
