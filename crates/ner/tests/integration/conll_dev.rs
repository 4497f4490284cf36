//! The committed model reaches the target on the CoNLL-2003 development set (`eng.testa`),
//! read from `<workspace>/../shared/data/conll2003/`; skipped with a note when it is absent.
//! The committed model is trained on `eng.train` and `eng.testa`, so this only checks that it
//! decodes and tags the set; the held-out measure is cross-validation and the train-only model
//! (`docs/bench/ner.md`).

use std::path::Path;

use newsbrief_ner::conll::annotate;
use newsbrief_ner::Tagger;

#[test]
fn committed_model_scores_at_least_88_f1_on_eng_testa() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/conll2003/eng.testa");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{} not found: skipped", path.display());
        return;
    };
    let tagger = Tagger::committed().expect("the committed model decodes");
    let evaluation = annotate(&tagger, &text).evaluation;
    eprint!("{}", evaluation.report());
    assert_eq!(evaluation.overall.gold, 5942);
    assert!(
        evaluation.overall.f1() >= 0.88,
        "F1 {:.4}",
        evaluation.overall.f1()
    );
}
