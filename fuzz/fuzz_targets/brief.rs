//! The whole pipeline: up to four articles (split at NUL bytes) give a brief or a typed error, and every
//! summary sentence points into its article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbrief_core::{build_brief, Article, BriefOptions};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let articles: Vec<Article> = text
        .split('\0')
        .take(4)
        .enumerate()
        .map(|(i, t)| Article::new(format!("a{i}"), t))
        .collect();
    if let Ok(brief) = build_brief(&articles, &BriefOptions::default()) {
        for sentence in &brief.summary {
            let source = &brief.sources[sentence.doc];
            let article = articles.iter().find(|a| a.id == source.id);
            assert!(article.is_some_and(|a| a.text.get(sentence.start..sentence.end).is_some()));
        }
    }
});
