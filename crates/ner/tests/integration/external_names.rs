//! The committed gazetteer of external name lists loads and knows names no CoNLL training sentence
//! needs to have seen.

use newsbrief_ner::tagger::committed_external_names;

fn matches(words: &[&str]) -> Vec<usize> {
    let external = committed_external_names().expect("the committed external names decode");
    let mut features = vec![Vec::new(); words.len()];
    external.add_external_features(words, &mut features);
    features.iter().map(Vec::len).collect()
}

#[test]
fn committed_lists_hold_places_and_people_names() {
    let external = committed_external_names().expect("the committed external names decode");
    assert!(external.len() > 100_000, "{} entries", external.len());
    let counts = matches(&[
        "Kowalczyk",
        "flew",
        "to",
        "Ouagadougou",
        "via",
        "Xqzzyv",
        ".",
    ]);
    assert!(counts[0] > 0, "a census surname");
    assert!(counts[3] > 0, "a capital city");
    assert_eq!(counts[5], 0, "an invented word");
    assert_eq!(
        counts[1] + counts[2] + counts[4] + counts[6],
        0,
        "lower-case words"
    );
}

/// People the news writes after titles ("Mr. Obama") are people, not the towns that share their names.
#[test]
fn news_people_are_people_not_towns() {
    use newsbrief_ner::{EntityKind, Tagger};
    let tagger = Tagger::default();
    for text in [
        "Obama said on Tuesday that the plan would work.",
        "Republicans criticised Obama over the deal.",
        "Putin denied the claims on Friday.",
    ] {
        let people: Vec<&str> = tagger
            .entities(text)
            .iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| m.text(text))
            .collect();
        assert_eq!(people.len(), 1, "{text}: {people:?}");
    }
}
