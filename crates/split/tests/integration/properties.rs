//! Property tests: `split` never panics, and returns ordered, non-overlapping,
//! non-empty, trimmed ranges on char boundaries, for arbitrary strings.

use newsbrief_split::split;
use proptest::prelude::*;

fn check(text: &str) {
    let ranges = split(text);
    let mut previous_end = 0;
    for range in &ranges {
        assert!(range.start >= previous_end && range.start < range.end && range.end <= text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        let sentence = &text[range.clone()];
        assert_eq!(sentence, sentence.trim());
        previous_end = range.end;
    }
    let covered: usize = ranges
        .iter()
        .map(|r| {
            text[r.clone()]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum();
    assert_eq!(
        covered,
        text.chars().filter(|c| !c.is_whitespace()).count(),
        "text lost"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn punctuation_heavy_strings(text in "[a-zA-Z0-9 .?!…\"'“”‘’()\\[\\]\n\t,;:—-]{0,200}") {
        check(&text);
    }
}

#[test]
fn pathological_inputs_finish() {
    for text in [
        ".".repeat(100_000),
        "a.".repeat(50_000),
        "A. ".repeat(50_000),
        "\n".repeat(100_000),
        " \n".repeat(50_000),
        "?” ".repeat(30_000),
        "x".repeat(100_000) + ". Y",
        "…".repeat(30_000),
        "a".repeat(1_000) + &".Ab".repeat(30_000),
        "end.”".repeat(20_000),
    ] {
        check(&text);
    }
}
