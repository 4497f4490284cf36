//! Property tests: the public entry points never panic on arbitrary input, and every score is a
//! fraction in [0, 1].

use newsbrief_rouge::jsonl::{pair_up, parse_predictions, parse_references};
use newsbrief_rouge::{
    aggregate, BootstrapOptions, Compat, MultiRef, Rouge155Options, Score, Scorer, Scores,
    Truncation,
};
use proptest::prelude::*;

fn in_unit_range(s: Score) -> bool {
    [s.precision, s.recall, s.f1]
        .iter()
        .all(|v| (0.0..=1.0).contains(v))
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9 .,\\-\n\t]{0,200}",
        proptest::collection::vec(
            prop_oneof![
                Just("ies"),
                Just("y"),
                Just("running"),
                Just("\n"),
                Just(" "),
                Just("İ"),
                Just("-"),
                Just("eed")
            ],
            0..40
        )
        .prop_map(|v| v.concat()),
    ]
}

fn compat() -> impl Strategy<Value = Compat> {
    let truncation = prop_oneof![
        Just(Truncation::None),
        (0usize..30).prop_map(Truncation::Words),
        (0usize..60).prop_map(Truncation::Bytes),
    ];
    prop_oneof![
        Just(Compat::RougeScore),
        (truncation, any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
            |(truncation, stop, stem, best)| {
                Compat::Rouge155(Rouge155Options {
                    truncation,
                    remove_stopwords: stop,
                    stemming: stem,
                    multi_ref: if best {
                        MultiRef::Best
                    } else {
                        MultiRef::Average
                    },
                    ..Rouge155Options::default()
                })
            }
        ),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scoring_never_panics(compat in compat(), pred in text(), refs in proptest::collection::vec(text(), 0..4)) {
        let mut scorer = Scorer::new(compat);
        let refs: Vec<&str> = refs.iter().map(String::as_str).collect();
        let scores = scorer.score(&pred, &refs);
        for (_, s) in scores.iter() {
            prop_assert!(in_unit_range(s), "{s:?}");
        }
    }

    #[test]
    fn identical_texts_score_one(words in proptest::collection::vec("[a-z]{1,8}", 5..30)) {
        let text = words.join(" ");
        let mut scorer = Scorer::new(Compat::RougeScore);
        let s = scorer.score(&text, &[&text]);
        prop_assert_eq!(s.get(newsbrief_rouge::RougeType::Rouge1).f1, 1.0);
        prop_assert_eq!(s.get(newsbrief_rouge::RougeType::RougeLsum).f1, 1.0);
    }

    #[test]
    fn jsonl_parsing_never_panics(a in text(), b in text()) {
        let refs = parse_references(&a).unwrap_or_default();
        let preds = parse_predictions(&b).unwrap_or_default();
        let pairing = pair_up(&refs, &preds);
        prop_assert!(pairing.pairs.len() >= refs.len());
    }

    #[test]
    fn aggregate_never_panics(values in proptest::collection::vec(0.0f64..=1.0, 0..30), resamples in 0usize..50, confidence in 0.0f64..=100.0, rouge155 in any::<bool>()) {
        let scores: Vec<Scores> = values.iter().map(|&v| {
            let mut s = Scores::default();
            s.set(newsbrief_rouge::RougeType::Rouge1, Score { precision: v, recall: v, f1: v });
            s
        }).collect();
        let ids: Vec<String> = (0..values.len()).map(|i| i.to_string()).collect();
        let pairs: Vec<(&str, &Scores)> = ids.iter().map(String::as_str).zip(scores.iter()).collect();
        let agg = aggregate(&pairs, &BootstrapOptions { resamples, confidence, rouge155 });
        prop_assert_eq!(agg.n, values.len());
    }
}
