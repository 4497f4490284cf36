//! The public entry points never panic and stay fast on arbitrary and pathological input.

use std::time::{Duration, Instant};

use newsbrief_ner::conll::annotate;
use newsbrief_ner::tokenize::{sentences, tokenize};
use newsbrief_ner::{merge, EntityKind, Mention, Model, Tagger};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn entities_are_valid_spans(text in "\\PC{0,200}") {
        let tagger = Tagger::default();
        for mention in tagger.entities(&text) {
            prop_assert!(mention.start < mention.end && mention.end <= text.len());
            prop_assert!(text.is_char_boundary(mention.start) && text.is_char_boundary(mention.end));
        }
        let tokens = tokenize(&text);
        let ranges = sentences(&text, &tokens);
        prop_assert_eq!(ranges.iter().map(|r| r.len()).sum::<usize>(), tokens.len());
    }

    #[test]
    fn merge_survives_arbitrary_mentions(text in "\\PC{0,80}", spans in prop::collection::vec((0usize..100, 0usize..100, 0usize..4), 0..12)) {
        let mentions: Vec<Mention> = spans
            .into_iter()
            .map(|(start, end, kind)| Mention { start, end, kind: EntityKind::ALL[kind] })
            .collect();
        let entities = merge(&[(text.as_str(), &mentions), (text.as_str(), &mentions)]);
        prop_assert!(entities.iter().all(|e| e.mentions > 0 && !e.aliases.is_empty()));
    }

    #[test]
    fn conll_and_model_decoding_survive_garbage(text in "\\PC{0,200}", bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let annotated = annotate(&Tagger::default(), &text);
        prop_assert_eq!(annotated.text.lines().count(), text.lines().count());
        let _ = Model::decode(&bytes);
    }
}

fn assert_fast(text: &str) {
    let started = Instant::now();
    let mentions = Tagger::default().entities(text);
    let _ = merge(&[(text, &mentions)]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn pathological_inputs_stay_bounded() {
    assert_fast(&"\"".repeat(10_000));
    assert_fast(&"“”".repeat(5_000));
    assert_fast(&"SENATOR SESSIONS MET KISLYAK IN WASHINGTON. ".repeat(300));
    assert_fast(&"sessions met kislyak in washington without anyone noticing ".repeat(300));
    assert_fast(&"Smith Jones Brown Taylor ".repeat(2_000));
    assert_fast(&"a".repeat(100_000));
}

#[test]
fn all_caps_text_still_finds_people() {
    let text =
        "Attorney General Jeff Sessions met Russian Ambassador Sergey Kislyak twice last year. \
                JEFF SESSIONS MET KISLYAK. Sessions said he did not recall the meeting.";
    let mentions = Tagger::default().entities(text);
    assert!(
        mentions
            .iter()
            .any(|m| m.kind == EntityKind::Person && m.text(text).contains("SESSIONS")),
        "{mentions:?}"
    );
}
