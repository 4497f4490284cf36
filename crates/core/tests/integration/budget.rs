//! Hostile sizes: an article of hundreds of thousands of sentences is summarised whole, while entities,
//! quotes, the timeline and sourcing read its first sentences only, and the brief says so.

use newsbrief_core::budget::{sentence_cap, FULLY_ANALYSED_SENTENCES};
use newsbrief_core::{
    build_brief, build_brief_cancellable, Article, BriefError, BriefOptions, Cancel,
};

/// One quoted line repeated until the article is `bytes` long (the 2.7–8.1 MB attack).
fn repeated_quote(bytes: usize) -> String {
    let line = "\"We will not back down from this fight,\" said Mayor Jane Smith on Tuesday.\n";
    line.repeat(bytes / line.len())
}

#[test]
fn a_huge_article_is_read_in_full_only_up_to_the_cap() {
    let text = repeated_quote(2_000_000);
    let brief = build_brief(&[Article::new("huge", text)], &BriefOptions::default()).unwrap();
    let note = brief
        .warnings
        .iter()
        .find(|w| w.starts_with("huge: "))
        .expect("a note says the article was cut");
    assert!(
        note.contains(&format!("read the first {FULLY_ANALYSED_SENTENCES}")),
        "{note}"
    );
    let quoted: usize = brief
        .quotes
        .iter()
        .flat_map(|g| &g.quotes)
        .map(|q| q.sources.len())
        .sum();
    assert!(quoted <= FULLY_ANALYSED_SENTENCES, "{quoted} quotes read");
    let mentions: usize = brief.entities.iter().map(|e| e.mentions).sum();
    assert!(
        mentions <= 2 * FULLY_ANALYSED_SENTENCES,
        "{mentions} mentions read"
    );
    assert!(!brief.summary.is_empty());
}

#[test]
fn many_articles_share_the_cap() {
    let articles: Vec<Article> = (0..50)
        .map(|i| {
            let text: String = (0..600)
                .map(|j| format!("Report {i} says item {j} was counted on Tuesday.\n"))
                .collect();
            Article::new(format!("a{i}"), text)
        })
        .collect();
    let brief = build_brief(&articles, &BriefOptions::default()).unwrap();
    let note = format!(
        "a0, a1, a2 and 47 more have over {0} sentences; entities, quotes, the timeline and sourcing \
         read the first {0} of each",
        sentence_cap(50)
    );
    assert_eq!(brief.warnings, [note]);
}

#[test]
fn a_cancelled_brief_stops_with_an_error() {
    let cancel = Cancel::new();
    cancel.cancel();
    let article = Article::new("a", "The council met on Monday. It approved the budget.");
    assert_eq!(
        build_brief_cancellable(&[article], &BriefOptions::default(), &cancel),
        Err(BriefError::Cancelled)
    );
}
