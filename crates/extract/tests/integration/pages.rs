//! Extraction quality on committed benchmark samples, and the full benchmark when
//! `<workspace>/../shared/data/article-extraction` exists (skipped with a note otherwise).

use crate::common;

use std::path::Path;

use newsbrief_extract::metric::{score_page, summarise};
use newsbrief_extract::read_document;

/// F1 this extractor reached on the full 181-page benchmark (0.9790), minus a small margin (see
/// docs/bench/extract.md); the target is 0.97.
const BENCHMARK_F1_FLOOR: f64 = 0.975;

#[test]
fn committed_samples_are_extracted_with_their_metadata() {
    let dir = common::data_dir();
    let truth = common::ground_truth(&dir);
    let mut scores = Vec::new();
    for (key, entry) in &truth {
        let bytes = std::fs::read(dir.join(format!("{key}.html.gz"))).unwrap_or_default();
        let pages = read_document(&bytes, &format!("{key}.html.gz"))
            .unwrap_or_else(|e| panic!("{key}: {e}"));
        assert_eq!(pages.len(), 1);
        let page = &pages[0];
        assert!(page.title.is_some(), "{key}: no title");
        assert!(page.url.is_some(), "{key}: no url");
        scores.push(score_page(
            &page.text,
            entry["articleBody"].as_str().unwrap_or(""),
        ));
    }
    let summary = summarise(&scores);
    assert!(summary.f1 > 0.95, "F1 on the samples {:.3}", summary.f1);
}

#[test]
fn sample_metadata_is_found() {
    let bytes = std::fs::read(common::data_dir().join("ad9e9e596f21.html.gz")).unwrap_or_default();
    let pages = read_document(&bytes, "givewell.html.gz").unwrap_or_default();
    let page = &pages[0];
    assert_eq!(
        page.published.as_deref().map(|d| &d[..10]),
        Some("2018-10-09")
    );
    assert_eq!(page.language.as_deref().map(|l| &l[..2]), Some("en"));
    assert!(page.text.contains("\n\n"), "paragraphs are kept");
}

#[test]
fn full_benchmark_reaches_the_recorded_f1() {
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/article-extraction");
    if !shared.join("ground-truth.json").exists() {
        eprintln!("note: {} absent, full benchmark skipped", shared.display());
        return;
    }
    let truth = common::ground_truth(&shared);
    let mut scores = Vec::new();
    for (key, entry) in &truth {
        let html = common::gunzip_file(&shared.join("html").join(format!("{key}.html.gz")));
        let text = read_document(&html, "page.html")
            .ok()
            .and_then(|p| p.into_iter().next())
            .map(|p| p.text);
        scores.push(score_page(
            &text.unwrap_or_default(),
            entry["articleBody"].as_str().unwrap_or(""),
        ));
    }
    let summary = summarise(&scores);
    eprintln!(
        "benchmark: P={:.4} R={:.4} F1={:.4}",
        summary.precision, summary.recall, summary.f1
    );
    assert_eq!(summary.pages, 181);
    assert!(summary.f1 >= BENCHMARK_F1_FLOOR, "F1 {:.4}", summary.f1);
}
