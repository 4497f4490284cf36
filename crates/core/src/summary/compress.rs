//! Compress: light sentence compression for summaries — datelines, wire-agency and ticker tags,
//! short parenthetical asides and trailing attributions ("…, officials said.") are removed when what
//! remains is still a whole sentence.
//!
//! Each rule only deletes a span and never rewrites words, so the result stays grammatical in the cases
//! it accepts; quotations are never touched (a quote needs its speaker).

use std::sync::LazyLock;

use regex::Regex;

/// Fewest words a compressed sentence may keep; shorter results keep the original.
const MIN_WORDS: usize = 6;

/// "WASHINGTON (AP) — ", "NEW YORK, N.Y. - ", "LONDON (Reuters) -- ": a place in capitals, an optional
/// agency, a dash.
static DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)?(?: \([^()]{1,30}\))?\s*(?:—|–|--|-)\s+",
    )
    .ok()
});

/// A short aside in parentheses without figures: "(AP)", "(D-Minn.)", "(pictured)", "(KORS.N)".
static ASIDE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r" \((?:[^()0-9 ]+ ?){1,6}\)").ok());

/// The words after a sentence's last comma that make it a trailing attribution: "officials said",
/// "the department said in a statement", "according to the Washington Post" (the tail is at most
/// [`MAX_ATTRIBUTION_WORDS`] words, so the pattern only ever runs on short text).
static ATTRIBUTION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^(?:according to .+|(?:.+ )?(?:said|says|told .+|reported|reports)(?: on [A-Z][a-z]+day| [A-Z][a-z]+day| in a statement| last week| this week)?)$",
    )
    .ok()
});

/// Longest trailing attribution removed, in words.
const MAX_ATTRIBUTION_WORDS: usize = 14;

/// Longest "according to …" tail removed, in bytes: a long one ("according to a study of …") says
/// more than who said it.
const MAX_ACCORDING_TO_CHARS: usize = 72;

/// The sentence without its trailing attribution (and without the final period), if it has one.
fn before_attribution(sentence: &str) -> Option<&str> {
    let body = sentence.strip_suffix('.')?;
    let comma = body.rfind(", ")?;
    let tail = &body[comma + 2..];
    let words = tail.split_whitespace().count();
    let source_named = if tail.starts_with("according to ") {
        tail.len() <= MAX_ACCORDING_TO_CHARS
    } else {
        ATTRIBUTION_ENDS.iter().any(|end| tail.contains(end))
    };
    let attributed = (1..=MAX_ATTRIBUTION_WORDS).contains(&words)
        && source_named
        && ATTRIBUTION.as_ref().is_some_and(|re| re.is_match(tail));
    attributed.then(|| &body[..comma])
}

/// Words one of which every trailing attribution contains (a cheap test before the pattern).
const ATTRIBUTION_ENDS: &[&str] = &["said", "says", "told ", "reported", "reports"];

/// The sentence with its dateline, asides and trailing attribution removed, or `None` when nothing
/// could be removed safely.
pub fn compress(sentence: &str) -> Option<String> {
    if sentence.contains(['"', '“', '”']) {
        return None;
    }
    let mut out = sentence.to_owned();
    // Cheap tests first: most sentences have nothing to remove, and the patterns are costly.
    let capitals = sentence.chars().take(2).all(|c| c.is_ascii_uppercase());
    if let Some(m) = DATELINE
        .as_ref()
        .filter(|_| capitals)
        .and_then(|re| re.find(&out))
    {
        let rest = &out[m.end()..];
        if rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            out = rest.to_owned();
        }
    }
    if let Some(re) = ASIDE.as_ref().filter(|_| out.contains(" (")) {
        out = re.replace_all(&out, "").into_owned();
    }
    if let Some(body) = before_attribution(&out) {
        out = format!("{body}.");
    }
    (out != sentence && super::word_count(&out) >= MIN_WORDS).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_datelines_asides_and_attributions() {
        assert_eq!(
            compress(
                "WASHINGTON (AP) — Republicans pushed a budget plan through the Senate on Friday."
            )
            .as_deref(),
            Some("Republicans pushed a budget plan through the Senate on Friday.")
        );
        assert_eq!(
            compress("U.S. retailer Michael Kors (KORS.N) agreed to buy the shoe maker for $1.2 billion.")
                .as_deref(),
            Some("U.S. retailer Michael Kors agreed to buy the shoe maker for $1.2 billion.")
        );
        assert_eq!(
            compress("The two men met in his Senate office in September, a Justice Department official said.")
                .as_deref(),
            Some("The two men met in his Senate office in September.")
        );
        assert_eq!(
            compress(
                "Sessions met the ambassador twice last year, according to the Washington Post."
            )
            .as_deref(),
            Some("Sessions met the ambassador twice last year.")
        );
    }

    #[test]
    fn leaves_quotes_figures_and_short_results_alone() {
        assert_eq!(compress("“It is false,” he said, officials said."), None);
        assert_eq!(
            compress("Sales rose (by 5 percent) in the quarter ending in June."),
            None
        );
        assert_eq!(compress("It rained, officials said."), None);
        assert_eq!(
            compress("KXAS-TV reports that police found the car on Tuesday night."),
            None
        );
    }
}
