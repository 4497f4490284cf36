//! The user's example story: the brief is within budget, free of junk, and sourced.

use newsbrief_core::{build_brief, BriefOptions};

use crate::common;

use common::example;

/// Lines of the example that are web junk, not article text.
const JUNK: &[&str] = &[
    "Skip to main content",
    "Popular Video",
    "Open Image Modal",
    "Kevin Lamarque",
    "Zach Gibson",
    "Recent+U.S.",
    "One comment",
    "Share Your Thoughts",
    "Sources:",
    "Photo credit",
    "Author:",
    "Updated:",
    "By Dani Graham",
    "swearing-in ceremony",
];

#[test]
fn brief_is_within_budget_sourced_and_clean() {
    let articles = example();
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    assert!(
        brief.words <= 250 && brief.words >= 200,
        "{} words",
        brief.words
    );
    assert!(brief.summary.len() >= 5);
    for s in &brief.summary {
        for junk in JUNK {
            assert!(!s.text.contains(junk), "junk {junk:?} in {:?}", s.text);
        }
        let original = &articles[s.doc].text[s.start..s.end];
        assert_eq!(
            original.split_whitespace().collect::<Vec<_>>().join(" "),
            s.text
        );
    }
    let multi_sourced = brief
        .summary
        .iter()
        .filter(|s| !s.support.is_empty())
        .count();
    assert!(
        multi_sourced >= 3,
        "only {multi_sourced} sentences have support"
    );
    let docs: std::collections::BTreeSet<_> = brief.summary.iter().map(|s| s.doc).collect();
    assert!(docs.len() >= 3, "summary draws on only {docs:?}");
}

#[test]
fn same_fact_from_several_outlets_names_them_all() {
    let articles = example();
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    // Two meetings with Kislyak are reported by articles 1, 2, 3 and 4 (0-based).
    let meeting = brief
        .summary
        .iter()
        .find(|s| s.text.contains("two") && s.text.contains("meetings") || s.text.contains("twice"))
        .expect("the two meetings are in the summary");
    let mut sources: Vec<usize> = meeting.support.iter().map(|s| s.doc).collect();
    sources.push(meeting.doc);
    assert!(
        sources.len() >= 3,
        "meetings sentence supported only by {sources:?}"
    );
}
