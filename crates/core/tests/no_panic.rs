//! Property tests: no stage panics on arbitrary input, and every span stays inside its article.

use newsbrief_core::{
    build_brief, clean, document::Document, ingest, render, summarize, Article, BriefOptions,
    SummaryOptions,
};
use proptest::prelude::*;

/// Text that looks a little like scraped news: words, punctuation, quotes, line breaks and odd characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,10}",
        Just(". ".to_owned()),
        Just("? ".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("\"".to_owned()),
        Just("U.S.".to_owned()),
        Just(" / Reuters".to_owned()),
        Just("Open Image Modal".to_owned()),
        Just("—".to_owned()),
        "[0-9]{1,4}",
        "\\PC{1,3}",
        Just(" ".to_owned()),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn ingest_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = ingest::article_from_bytes("x", &bytes);
        let _ = ingest::parse_cluster_line(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn stages_never_panic_and_spans_stay_inside(a in newsy_text(), b in newsy_text(), words in 0usize..300) {
        let cleaned = clean::clean(&a);
        for block in &cleaned.blocks {
            prop_assert!(a.get(block.range.clone()).is_some());
        }
        for s in Document::analyse(&a).sentences {
            prop_assert!(a.get(s.range.clone()).is_some());
        }
        let articles = [Article::new("a", a.clone()), Article::new("b", b.clone())];
        let summary = summarize(&articles, &SummaryOptions::with_words(words));
        prop_assert!(summary.words() <= words);
        for s in &summary.sentences {
            let text = &articles[s.doc].text;
            prop_assert!(text.get(s.start..s.end).is_some());
        }
        if let Ok(brief) = build_brief(&articles, &BriefOptions::default()) {
            let _ = render::markdown(&brief);
            let _ = render::json(&brief);
        }
    }
}
