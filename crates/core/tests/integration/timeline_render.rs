//! The Markdown timeline shows when outlets date what looks like one event differently.

use newsbrief_core::{build_brief, render, Article, BriefOptions};

#[test]
fn conflicting_dates_are_shown_in_markdown() {
    let mut a = Article::new(
        "a",
        "Senator met envoy\n\nThe senator met the foreign envoy at the embassy in Washington on July 14, 2016, to discuss the new trade sanctions.\n",
    );
    a.published = Some("2017-03-02".into());
    let mut b = Article::new(
        "b",
        "Envoy meeting\n\nThe senator met the foreign envoy at the embassy in Washington on July 18, 2016, to discuss the new trade sanctions.\n",
    );
    b.published = Some("2017-03-02".into());
    let brief = build_brief(&[a, b], &BriefOptions::default()).expect("a brief");
    assert!(
        brief.timeline.iter().any(|e| !e.conflicts.is_empty()),
        "{:?}",
        brief.timeline
    );
    let md = render::markdown(&brief);
    assert!(md.contains("**2016-07-14**"), "{md}");
    assert!(md.contains("dated differently: 2016-07-18 [2]"), "{md}");
}
