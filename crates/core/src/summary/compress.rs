//! Compress: light sentence compression for summaries — datelines, wire-agency and ticker tags and
//! short parenthetical asides are removed when what remains is still a whole sentence.
//!
//! Each rule only deletes a span and never rewrites words, so the result stays grammatical in the cases
//! it accepts; quotations are never touched. Trailing attributions ("…, officials said.") are kept on
//! purpose: removing them did not raise ROUGE on dev, and in a sourced brief who says what is part of
//! the fact (docs/BENCHMARKS.md).

use std::sync::LazyLock;

use regex::Regex;

/// Fewest words a compressed sentence may keep; shorter results keep the original.
const MIN_WORDS: usize = 6;

/// "WASHINGTON (AP) — ", "NEW YORK, N.Y. - ", "LONDON (Reuters) -- ", "NAIROBI, January 4 (Xinhua) -- ",
/// "WASHINGTON _ " (the New York Times wire): a place in capitals, an optional state or date, an optional
/// agency, a dash.
static DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"^[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*| \d{1,2})?)?(?: \([^()]{1,30}\))?\s*(?:—|–|--|-|_)\s+",
    )
    .ok()
});

/// A short aside in parentheses without figures: "(AP)", "(D-Minn.)", "(pictured)", "(KORS.N)".
static ASIDE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r" \((?:[^()0-9 ]+ ?){1,6}\)").ok());

/// The sentence with its dateline and asides removed, or `None` when nothing
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
    (out != sentence && super::word_count(&out) >= MIN_WORDS).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_datelines_and_asides_keeps_attributions() {
        assert_eq!(
            compress(
                "WASHINGTON (AP) — Republicans pushed a budget plan through the Senate on Friday."
            )
            .as_deref(),
            Some("Republicans pushed a budget plan through the Senate on Friday.")
        );
        assert_eq!(
            compress("NAIROBI, January 4 (Xinhua) -- Only 47 percent of the students will go on to secondary school.")
                .as_deref(),
            Some("Only 47 percent of the students will go on to secondary school.")
        );
        assert_eq!(
            compress(
                "WASHINGTON _ The federal judge agreed on Thursday to delay his final ruling."
            )
            .as_deref(),
            Some("The federal judge agreed on Thursday to delay his final ruling.")
        );
        assert_eq!(
            compress("U.S. retailer Michael Kors (KORS.N) agreed to buy the shoe maker for $1.2 billion.")
                .as_deref(),
            Some("U.S. retailer Michael Kors agreed to buy the shoe maker for $1.2 billion.")
        );
        assert_eq!(
            compress("The two men met in his Senate office in September, a Justice Department official said."),
            None
        );
    }

    #[test]
    fn leaves_quotes_figures_and_short_results_alone() {
        assert_eq!(
            compress("“It is false,” he said (AP) in a statement on Monday."),
            None
        );
        assert_eq!(
            compress("Sales rose (by 5 percent) in the quarter ending in June."),
            None
        );
        assert_eq!(compress("It rained (AP)."), None);
        assert_eq!(
            compress("KXAS-TV reports that police found the car on Tuesday night."),
            None
        );
    }
}
