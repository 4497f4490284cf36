//! Numbers in a sentence, normalised so that "50" and "fifty", "$1.2 million" and "$1.2m" compare equal.
//!
//! Each number keeps the byte span it was written with and the word it counts (the next content word:
//! "50 other ambassadors" counts ambassadors), so that only numbers of the same thing are compared.
//! Years ("2016"), ordinals ("3rd"), clock times ("3:30") and numbers inside dates are left out.
//!
//! When two figures of the same thing agree ([`compatible`]): an outlet's figure is what it reports, and a
//! different figure is a discrepancy, never support. Two exact figures must be equal (to rounding, 0.1%).
//! A hedged figure ("about", "roughly", "nearly", "some"; and a stated maximum, "up to", "as much as",
//! "as many as") agrees with another within [`HEDGED_TOLERANCE`] (5%) of the larger: "about 14,000" and
//! "nearly 14,000" or "13,500" agree, "up to 25 minutes" and "as much as 20 minutes" do not, nor "about
//! 14,000" and "roughly 12,000". Only open bounds widen the range: "more than 300" (a floor) agrees with
//! any larger figure and with another floor ("more than $15,000" / "more than $25,000" can both be true),
//! "fewer than 100" (a ceiling) with any smaller one, each within the same 5%.

/// A number as written in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub value: f64,
    /// Byte span in the sentence.
    pub start: usize,
    pub end: usize,
    /// "about 50", "more than 50", "up to 50" or just "50".
    pub hedge: Hedge,
    /// Byte span (in the sentence) of the figure as a reader would quote it: its hedge, the number, a scale
    /// word and the first word of what it counts ("as much as 20 minutes", "Roughly 12,000 cars").
    pub phrase: (usize, usize),
    /// What it may count: "$", "%", "age:<surname>", or the next few content words (lowercased, a plural
    /// "s" dropped); empty when nothing follows in its clause.
    pub units: Vec<String>,
}

/// How a number is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hedge {
    Exact,
    /// "about", "nearly", "some": values within [`HEDGED_TOLERANCE`] agree with it.
    About,
    /// "up to", "as much as", "as many as": the largest value, stated as a figure ("detours add up to
    /// 25 minutes"), so values within [`HEDGED_TOLERANCE`] agree with it and another maximum does not.
    UpTo,
    /// "more than", "at least", "over": a floor; any larger value agrees with it.
    AtLeast,
    /// "less than", "fewer than", "under", "at most": a ceiling; any smaller value agrees with it.
    AtMost,
}

/// Largest relative difference (to the larger value) of two figures of one thing that agree when either
/// is hedged; exact figures must be equal.
pub const HEDGED_TOLERANCE: f64 = 0.05;

/// Words a hedge takes before its number ("as much as" 3, "about" 1).
fn hedge_words(before: &[String]) -> usize {
    if ["as much as", "as many as"]
        .iter()
        .any(|h| ends_with_words(before, h))
    {
        3
    } else if [
        "more than",
        "at least",
        "upwards of",
        "less than",
        "fewer than",
        "up to",
        "at most",
    ]
    .iter()
    .any(|h| ends_with_words(before, h))
    {
        2
    } else if hedge(before) == Hedge::Exact {
        0
    } else {
        1
    }
}

/// Whether the words end with the words of `phrase` ("backup to" does not end with "up to").
fn ends_with_words(words: &[String], phrase: &str) -> bool {
    let wanted: Vec<&str> = phrase.split(' ').collect();
    words.len() >= wanted.len()
        && words[words.len() - wanted.len()..]
            .iter()
            .zip(&wanted)
            .all(|(w, p)| w == p)
}

/// The hedge the (lowercased) words before a number give it.
fn hedge(before: &[String]) -> Hedge {
    let last = before.last().map(String::as_str).unwrap_or("");
    let ends = |phrase: &str| ends_with_words(before, phrase);
    match last {
        "about" | "almost" | "approximately" | "around" | "nearly" | "roughly" | "some"
        | "estimated" => Hedge::About,
        "over" | "above" => Hedge::AtLeast,
        "under" | "below" => Hedge::AtMost,
        _ if ends("more than") || ends("at least") || ends("upwards of") => Hedge::AtLeast,
        _ if ends("up to") || ends("as much as") || ends("as many as") => Hedge::UpTo,
        _ if ends("less than") || ends("fewer than") || ends("at most") => Hedge::AtMost,
        _ => Hedge::Exact,
    }
}

/// Words a number may stand before without being what it counts.
const SKIPPED: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "by", "for", "from", "had", "has", "have", "in", "is",
    "more", "new", "of", "on", "or", "other", "out", "than", "that", "the", "to", "was", "were",
    "which", "who", "with",
];

/// The words after a number that may say what it counts ("two confirmed meetings": confirmed, meeting).
fn unit_words(following: &[Token<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    for t in following.iter().take(3) {
        let w = t.word.to_lowercase();
        if w.chars().all(char::is_alphabetic) && !SKIPPED.contains(&w.as_str()) {
            let singular = match w.strip_suffix('s') {
                Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_owned(),
                _ => w,
            };
            out.push(singular);
        }
        if t.ends_clause {
            break;
        }
    }
    out
}

/// Whether two numbers may count the same thing.
pub fn same_unit(a: &Number, b: &Number) -> bool {
    a.units.iter().any(|u| b.units.contains(u))
}

/// Scale words and abbreviations.
fn scale(word: &str) -> Option<f64> {
    match word {
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mln" => Some(1e6),
        "billion" | "bn" | "b" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        _ => None,
    }
}

/// Number words (not "one", which is more often a pronoun than a count).
fn word_value(word: &str) -> Option<f64> {
    match word {
        "one" => None,
        "dozen" => Some(12.0),
        _ => newsbrief_timex::number_word_value(word),
    }
}

/// A whitespace-separated token with its punctuation trimmed, and its byte span.
struct Token<'t> {
    word: &'t str,
    start: usize,
    /// Punctuation (other than `$ % .`) was trimmed from its end: a clause may end there.
    ends_clause: bool,
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                push_token(&mut out, text, s, i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

fn push_token<'t>(out: &mut Vec<Token<'t>>, text: &'t str, start: usize, end: usize) {
    let raw = text.get(start..end).unwrap_or("");
    let keep = |c: char| c.is_alphanumeric() || c == '$' || c == '%' || c == '-';
    let lead = raw.len() - raw.trim_start_matches(|c: char| !keep(c)).len();
    let trimmed = raw.trim_matches(|c: char| !keep(c));
    if trimmed.is_empty() {
        return;
    }
    let tail = &raw[lead + trimmed.len()..];
    out.push(Token {
        word: trimmed,
        start: start + lead,
        ends_clause: tail
            .chars()
            .any(|c| matches!(c, ',' | ';' | ':' | ')' | '"' | '”')),
    });
}

/// Parses "1,200", "1.5", "$3", "40%", "3m" into (value, is money, is percent, scale suffix).
fn parse_digits(word: &str) -> Option<(f64, bool, bool, f64)> {
    let money = word.starts_with('$');
    let body = word.trim_start_matches('$');
    let percent = body.ends_with('%');
    let body = body.trim_end_matches('%');
    let digits_end = body
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(body.len());
    let (digits, suffix) = body.split_at(digits_end);
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let factor = if suffix.is_empty() || suffix.eq_ignore_ascii_case("-year-old") {
        1.0
    } else {
        scale(&suffix.to_lowercase())?
    };
    // "1,200" groups by threes; anything else with a comma is not one number.
    let groups: Vec<&str> = digits.split(',').collect();
    if groups.len() > 1 && groups.iter().skip(1).any(|g| g.len() != 3) {
        return None;
    }
    let value: f64 = digits.replace(',', "").parse().ok()?;
    Some((value, money, percent, factor))
}

/// The numbers of `text`, skipping those inside any of the `excluded` byte spans (dates).
pub fn numbers(text: &str, excluded: &[(usize, usize)]) -> Vec<Number> {
    let toks = tokens(text);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let end = t.start + t.word.len();
        if excluded.iter().any(|&(s, e)| s < end && t.start < e) {
            continue;
        }
        let lower = t.word.to_lowercase();
        let (mut value, money, mut percent, factor, written_in_digits) = match parse_digits(t.word)
        {
            Some((v, m, p, f)) => (v * f, m, p, f, true),
            None => match word_value(&lower) {
                Some(v) => (v, false, false, 1.0, false),
                None => continue,
            },
        };
        if text[end..].starts_with(':') || t.start > 0 && text[..t.start].ends_with(':') {
            continue;
        }
        let mut next = i + 1;
        if factor == 1.0 && !t.ends_clause {
            if let Some(s) = toks.get(next).and_then(|n| scale(&n.word.to_lowercase())) {
                value *= s;
                next += 1;
            }
        }
        let is_year = written_in_digits
            && !money
            && !percent
            && value.fract() == 0.0
            && (1800.0..=2100.0).contains(&value)
            && t.word.len() == 4;
        if is_year {
            continue;
        }
        let words = if t.ends_clause {
            Vec::new()
        } else {
            unit_words(toks.get(next..).unwrap_or(&[]))
        };
        if words.first().map(String::as_str) == Some("percent") {
            percent = true;
        }
        let units = if let Some(person) = age_of(&toks, i, text) {
            vec![person]
        } else if money {
            vec!["$".to_owned()]
        } else if percent {
            vec!["%".to_owned()]
        } else {
            words
        };
        let before: Vec<String> = toks[i.saturating_sub(3)..i]
            .iter()
            .map(|p| p.word.to_lowercase())
            .collect();
        let hedged = hedge_words(&before);
        let phrase_start = if hedged > 0 {
            toks[i - hedged].start
        } else {
            t.start
        };
        // The number, its scale word, and the first word of what it counts (when it follows at once).
        let phrase_end = toks
            .get(next)
            .filter(|_| !t.ends_clause && !money && !percent)
            .filter(|n| {
                n.word.chars().all(char::is_alphabetic)
                    && !SKIPPED.contains(&n.word.to_lowercase().as_str())
            })
            .map_or_else(
                || toks[next - 1].start + toks[next - 1].word.len(),
                |n| n.start + n.word.len(),
            );
        out.push(Number {
            value,
            start: t.start,
            end,
            hedge: hedge(&before),
            phrase: (phrase_start, phrase_end),
            units,
        });
    }
    out
}

/// "age:smith" for an age: "Smith, 30," or "30-year-old John Smith" (the surname of the person).
fn age_of(toks: &[Token<'_>], i: usize, text: &str) -> Option<String> {
    let t = toks.get(i)?;
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let name = if t.word.to_lowercase().ends_with("-year-old") {
        toks[i + 1..]
            .iter()
            .take_while(|n| capitalised(n.word))
            .last()?
            .word
    } else {
        let previous = toks.get(i.checked_sub(1)?)?;
        let after_previous = text.get(previous.start + previous.word.len()..t.start)?;
        let age_like = t.word.len() <= 3 && t.word.chars().all(|c| c.is_ascii_digit());
        if !(age_like
            && after_previous.trim() == ","
            && capitalised(previous.word)
            && t.ends_clause)
        {
            return None;
        }
        previous.word
    };
    Some(format!("age:{}", name.to_lowercase()))
}

/// Whether two figures of the same thing agree (see the module documentation): equal; within
/// [`HEDGED_TOLERANCE`] when either is hedged ("about", "nearly", "up to", "as much as"); or within what an
/// open bound allows ("more than 300" and "350"; two floors, or two ceilings, never contradict).
pub fn compatible(a: &Number, b: &Number) -> bool {
    let largest = a.value.abs().max(b.value.abs());
    let close = |tolerance: f64| (a.value - b.value).abs() <= largest * tolerance;
    if largest == 0.0 || close(1e-3) {
        return true;
    }
    use Hedge::*;
    let (low, high) = (1.0 - HEDGED_TOLERANCE, 1.0 + HEDGED_TOLERANCE);
    match (a.hedge, b.hedge) {
        (AtLeast, AtLeast) | (AtMost, AtMost) => true,
        (AtLeast, AtMost) => a.value <= b.value,
        (AtMost, AtLeast) => b.value <= a.value,
        (AtLeast, _) => b.value >= a.value * low,
        (_, AtLeast) => a.value >= b.value * low,
        (AtMost, _) => b.value <= a.value * high,
        (_, AtMost) => a.value <= b.value * high,
        (About | UpTo, _) | (_, About | UpTo) => close(HEDGED_TOLERANCE),
        (Exact, Exact) => false,
    }
}

/// Whether two figures of the same thing are near enough to suggest one fact: [`compatible`] read
/// loosely, a stated maximum ("up to 847") taken as a bound and approximate figures within 25%. Evidence for
/// grouping statements into one claim ("about 250,000" / "240,000 people"), never for agreement: once two
/// statements are one claim, their figures are compared with [`compatible`].
pub fn near(a: &Number, b: &Number) -> bool {
    let largest = a.value.abs().max(b.value.abs());
    let close = |tolerance: f64| (a.value - b.value).abs() <= largest * tolerance;
    if largest == 0.0 || close(1e-3) {
        return true;
    }
    use Hedge::*;
    let bound = |h: Hedge| if h == UpTo { AtMost } else { h };
    match (bound(a.hedge), bound(b.hedge)) {
        (AtLeast, AtLeast) | (AtMost, AtMost) => true,
        (AtLeast, AtMost) => a.value <= b.value,
        (AtMost, AtLeast) => b.value <= a.value,
        (AtLeast, _) => b.value >= a.value * 0.9,
        (_, AtLeast) => a.value >= b.value * 0.9,
        (AtMost, _) => b.value <= a.value * 1.1,
        (_, AtMost) => a.value <= b.value * 1.1,
        (About, _) | (_, About) => close(0.25),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(f64, String)> {
        numbers(text, &[])
            .into_iter()
            .map(|n| (n.value, n.units.first().cloned().unwrap_or_default()))
            .collect()
    }

    #[test]
    fn words_digits_and_scales_normalise() {
        assert_eq!(
            values("a gathering with 50 other ambassadors"),
            [(50.0, "ambassador".to_owned())]
        );
        assert_eq!(
            values("with fifty ambassadors"),
            [(50.0, "ambassador".to_owned())]
        );
        let a = &numbers("two confirmed meetings with him", &[])[0];
        let b = &numbers("two meetings with Russian officials", &[])[0];
        assert!(same_unit(a, b));
        assert_eq!(values("it cost $1.2 million"), [(1.2e6, "$".to_owned())]);
        assert_eq!(values("it cost $1.2m."), [(1.2e6, "$".to_owned())]);
        assert_eq!(values("up 40 percent"), [(40.0, "%".to_owned())]);
    }

    #[test]
    fn ages_name_their_person() {
        assert_eq!(
            values("Kevin Johnson, 25, and Dwight Smith, 30, were held"),
            [
                (25.0, "age:johnson".to_owned()),
                (30.0, "age:smith".to_owned())
            ]
        );
        assert_eq!(
            values("the 29-year-old Geraldine Alcorn"),
            [(29.0, "age:alcorn".to_owned())]
        );
    }

    #[test]
    fn years_times_and_ordinals_are_not_counts() {
        assert!(values("In 2016 at 3:30 the 3rd one left").is_empty());
    }

    #[test]
    fn hedged_numbers_tolerate_close_values() {
        let a = &numbers("about 50 people", &[])[0];
        let b = &numbers("52 people", &[])[0];
        let c = &numbers("80 people", &[])[0];
        assert!(a.hedge == Hedge::About && compatible(a, b));
        assert!(!compatible(b, c));
        let more = &numbers("more than 350 flights", &[])[0];
        let also_more = &numbers("more than 600 flights", &[])[0];
        let exact = &numbers("200 flights", &[])[0];
        assert!(compatible(more, also_more));
        assert!(!compatible(more, exact));
    }

    #[test]
    fn two_stated_maxima_or_approximations_that_differ_do_not_agree() {
        let n = |t: &str| numbers(t, &[]).remove(0);
        let up_to = n("detours add up to 25 minutes");
        let as_much = n("detours add as much as 20 minutes");
        assert_eq!(as_much.hedge, Hedge::UpTo);
        assert!(!compatible(&up_to, &as_much));
        assert!(compatible(&up_to, &n("detours add as much as 25 minutes")));
        let about = n("About 14,000 vehicles cross");
        assert!(compatible(&about, &n("nearly 14,000 vehicles cross")));
        assert!(compatible(&about, &n("13,500 vehicles cross")));
        assert!(!compatible(&about, &n("Roughly 12,000 cars cross")));
        let text = "detours add as much as 20 minutes to trips";
        let (s, e) = n(text).phrase;
        assert_eq!(&text[s..e], "as much as 20 minutes");
        let text = "it cost about $1.2 million, officials said";
        let (s, e) = n(text).phrase;
        assert_eq!(&text[s..e], "about $1.2 million");
    }
}
