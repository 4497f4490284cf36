//! The learned block model on the committed sample pages: training sees exactly the text that
//! extraction writes, and the model does at least as well as the rules alone.

use crate::common;

use newsbrief_extract::learn::{page_blocks, shipped_model, Model};
use newsbrief_extract::metric::{score_page, summarise};
use newsbrief_extract::read_document;

#[test]
fn training_scores_the_text_that_extraction_writes() {
    let dir = common::data_dir();
    for key in common::ground_truth(&dir).keys() {
        let html = common::gunzip_file(&dir.join(format!("{key}.html.gz")));
        let page = page_blocks(&html);
        let model = shipped_model();
        let from_training = page.article(&model.keep(&page.features));
        let extracted = read_document(&html, "page.html")
            .ok()
            .and_then(|pages| pages.into_iter().next())
            .map(|page| page.text)
            .unwrap_or_default();
        assert_eq!(from_training, extracted, "{key}");
        assert_eq!(page.texts().count(), page.features.len());
    }
}

#[test]
fn the_model_does_at_least_as_well_as_the_rules_alone() {
    let dir = common::data_dir();
    let truth = common::ground_truth(&dir);
    let score = |model: &Model| {
        let scores: Vec<_> = truth
            .iter()
            .map(|(key, entry)| {
                let html = common::gunzip_file(&dir.join(format!("{key}.html.gz")));
                let page = page_blocks(&html);
                let text = page.article(&model.keep(&page.features));
                score_page(&text, entry["articleBody"].as_str().unwrap_or(""))
            })
            .collect();
        summarise(&scores).f1
    };
    let learned = score(shipped_model());
    let rules = score(&Model::rules_only());
    assert!(
        learned >= rules - 0.005,
        "learned {learned:.4}, rules {rules:.4}"
    );
    assert!(learned > 0.95, "learned {learned:.4}");
}
