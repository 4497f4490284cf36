//! Property tests: no stage panics on arbitrary input, and every span stays inside its article.

use newsbrief_core::{
    build_brief, clean, document::Document, ingest, render, summarize, Article, BriefOptions,
    SummaryOptions,
};
use proptest::prelude::*;

/// Text that looks a little like scraped news: words, punctuation, quotes and their cue verbs, line breaks
/// and odd characters.
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
        // Speakers around quotations: bare quotations in summaries look for them.
        Just(" said".to_owned()),
        Just(" told reporters:".to_owned()),
        Just("—".to_owned()),
        "[0-9]{1,4}",
        "\\PC{1,3}",
        Just(" ".to_owned()),
    ];
    prop::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

/// Sentences full of numbers, ages, hedges and dates, for the corroboration stage.
fn numbery_sentence() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "[0-9]{1,7}",
        "\\$[0-9,.]{1,8}[mbk]?",
        "[0-9]{1,3}%",
        "[0-9]{1,2}-year-old",
        Just(", ".to_owned()),
        Just("more than ".to_owned()),
        Just("up to ".to_owned()),
        Just("about ".to_owned()),
        Just("fifty-five ".to_owned()),
        Just("June 14, 2016 ".to_owned()),
        Just("million ".to_owned()),
        Just(". ".to_owned()),
        Just(" ".to_owned()),
        "\\PC{1,2}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn corroboration_never_panics(a in numbery_sentence(), b in numbery_sentence(), c in numbery_sentence()) {
        let articles = [Article::new("a", a), Article::new("b", b), Article::new("c", c)];
        let docs: Vec<Document> = articles.iter().map(|x| Document::analyse(&x.text)).collect();
        let dates: Vec<_> = articles.iter().map(|x| newsbrief_timex::find(&x.text)).collect();
        let found = newsbrief_core::entities::analyse(&articles, &docs);
        let result = newsbrief_core::corroboration::corroborate(&articles, &docs, &dates, &found.names, &newsbrief_core::Cancel::new(), |d, s, e| found.name_at(d, s, e)).expect("a signal never given");
        for claim in &result.claims {
            prop_assert!(!claim.sources.is_empty());
            for d in &claim.discrepancies {
                prop_assert!(d.values.len() >= 2);
            }
        }
    }

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
            for claim in &brief.corroboration.claims {
                for s in &claim.sources {
                    prop_assert!(articles[s.doc].text.get(s.start..s.end).is_some());
                }
                for d in &claim.discrepancies {
                    for v in &d.values {
                        prop_assert!(articles[v.doc].text.get(v.start..v.end).is_some());
                    }
                }
            }
            let _ = render::markdown(&brief);
            let _ = render::text(&brief);
            let _ = render::json(&brief);
        }
    }

    #[test]
    fn quotations_looking_for_their_speakers_never_panic(
        before in newsy_text(), speaker in newsy_text(), first in newsy_text(), second in newsy_text(), after in newsy_text(),
    ) {
        // A bare quotation of two sentences with a lead-in naming (or garbling) its speaker, amid noise.
        let text = format!("{before}\n\nMayor {speaker} told reporters:\n\n“{first}. {second}?”\n\n{after}");
        let articles = [Article::new("a", text)];
        let summary = summarize(&articles, &SummaryOptions::with_words(300));
        for s in &summary.sentences {
            prop_assert!(articles[0].text.get(s.start..s.end).is_some());
            prop_assert!(s.speaker.as_deref().is_none_or(|speaker| !speaker.trim().is_empty()));
        }
    }

    #[test]
    fn focused_and_update_briefs_never_panic(a in newsy_text(), b in newsy_text(), focus in "\\PC{0,40}", words in 0usize..200) {
        let articles = [Article::new("a", a.clone())];
        let opts = BriefOptions {
            summary: SummaryOptions::with_words(words),
            focus: Some(focus.clone()),
            seen: vec![Article::new("b", b.clone())],
        };
        match build_brief(&articles, &opts) {
            Ok(brief) => {
                prop_assert!(brief.words <= words);
                for s in &brief.summary {
                    prop_assert!(articles[s.doc].text.get(s.start..s.end).is_some());
                }
                let _ = render::markdown(&brief);
            }
            Err(e) => prop_assert!(
                focus.trim().is_empty() || !matches!(e, newsbrief_core::BriefError::EmptyFocus)
            ),
        }
    }
}
