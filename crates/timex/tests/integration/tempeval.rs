//! Data-driven checks on TimeML: the committed samples (always) and the whole TBAQ corpus (when
//! `<workspace>/../shared/data/timeml/tbaq` is present; skipped with a note otherwise).

use std::path::{Path, PathBuf};

use newsbrief_timex::score::{Annotation, Counts};
use newsbrief_timex::{annotate, timeml, Anchor};

fn score_files(files: &[PathBuf]) -> Counts {
    let mut counts = Counts::default();
    for path in files {
        let document = timeml::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
        let timexes = annotate(
            &document.text,
            Anchor {
                date: document.dct,
                inferred: false,
            },
        );
        let gold: Vec<Annotation> = document.gold.iter().map(Annotation::from).collect();
        let system: Vec<Annotation> = timexes.iter().map(Annotation::from).collect();
        counts.add(&gold, &system);
    }
    counts
}

fn tml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    files
}

#[test]
fn samples_round_trip_and_score() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let files = tml_files(&dir);
    assert_eq!(files.len(), 4);
    for path in &files {
        let original = std::fs::read_to_string(path).unwrap();
        let document = timeml::parse(&original).unwrap();
        assert!(document.dct.is_some(), "{}", path.display());
        let timexes = annotate(
            &document.text,
            Anchor {
                date: document.dct,
                inferred: false,
            },
        );
        let written = document.with_timexes(&timexes);
        let reread = timeml::parse(&written).unwrap();
        assert_eq!(reread.text, document.text, "text must be unchanged");
        assert_eq!(reread.gold.len(), timexes.len());
        assert!(!written.contains("<EVENT") && !written.contains("<TLINK"));
    }
    let scores = score_files(&files).scores();
    assert!(scores.relaxed.f1 >= 0.8, "{scores:?}");
    assert!(scores.value_f1 >= 0.6, "{scores:?}");
}

#[test]
fn tbaq_targets() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/timeml/tbaq");
    if !root.is_dir() {
        eprintln!(
            "note: {} is absent; skipping the full TBAQ check",
            root.display()
        );
        return;
    }
    let mut files = tml_files(&root.join("TimeBank"));
    files.extend(tml_files(&root.join("AQUAINT")));
    let scores = score_files(&files).scores();
    eprintln!("TBAQ all: {scores:?}");
    assert!(scores.relaxed.f1 >= 0.90, "{scores:?}");
    assert!(scores.strict.f1 >= 0.82, "{scores:?}");
    assert!(scores.value_f1 >= 0.81, "{scores:?}");
}
