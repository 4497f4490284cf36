//! Scores the extractor on the committed PolNeAR sample and, when the shared
//! data is present (`<workspace>/../shared/data/polnear/dev`), on the dev split.

use std::path::{Path, PathBuf};

use newsbrief_quotes::eval::{gold_quotes, score, Tally};
use newsbrief_quotes::extract;

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Scores every `*.txt` in `text_dir` against the first `.ann` found for it by `ann_for`.
fn score_dir(text_dir: &Path, ann_for: impl Fn(&str) -> Option<PathBuf>) -> Tally {
    let mut tally = Tally::default();
    let mut texts: Vec<PathBuf> = std::fs::read_dir(text_dir)
        .expect("test data directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    for path in texts {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(ann_path) = ann_for(&stem) else {
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("article");
        let ann = std::fs::read_to_string(ann_path).expect("annotations");
        let gold = gold_quotes(&text, &ann, false);
        let predicted: Vec<_> = extract(&text, &[])
            .into_iter()
            .filter(|q| !q.partial)
            .collect();
        score(&gold, &predicted, &mut tally);
    }
    tally
}

#[test]
fn committed_sample_quotes_and_speakers_are_found() {
    let dir = crate_dir().join("tests/data/polnear");
    let tally = score_dir(&dir, |stem| Some(dir.join(format!("{stem}.ann"))));
    assert!(tally.gold >= 16, "sample has {} gold quotes", tally.gold);
    let (_, _, f1) = tally.overlap_f1();
    assert!(f1 >= 0.9, "overlap F1 {f1:.3}: {tally:?}");
    assert!(
        tally.speaker_accuracy() >= 0.85,
        "speaker accuracy {:.3}: {tally:?}",
        tally.speaker_accuracy()
    );
}

#[test]
fn dev_split_reaches_its_recorded_figures() {
    let dev = crate_dir().join("../../../shared/data/polnear/dev");
    if !dev.join("text").is_dir() {
        println!("skipped: {} is absent", dev.display());
        return;
    }
    let attributions = dev.join("attributions");
    let mut ann_names: Vec<String> = std::fs::read_dir(&attributions)
        .expect("attributions")
        .filter_map(|e| e.ok().and_then(|e| e.file_name().into_string().ok()))
        .collect();
    ann_names.sort();
    let tally = score_dir(&dev.join("text"), |stem| {
        ann_names
            .iter()
            .find(|n| n.rsplit_once('_').is_some_and(|(base, _)| base == stem))
            .map(|n| attributions.join(n))
    });
    let (_, _, f1) = tally.overlap_f1();
    assert!(f1 >= 0.93, "dev overlap F1 {f1:.3}");
    assert!(
        tally.speaker_accuracy() >= 0.92,
        "dev speaker accuracy {:.3}",
        tally.speaker_accuracy()
    );
}
