//! The input readers never panic, whatever the bytes.

use newsbrief_api::{self as input, UploadedFile};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn readers_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512), words in proptest::option::of(0usize..10_000)) {
        let _ = input::from_json(&bytes, words, 5);
        let _ = input::from_text(&bytes, words);
        let _ = input::clusters_from_jsonl(&bytes, 5);
        let _ = input::articles_from_stream_json(&bytes);
        let file = UploadedFile { name: "f".into(), bytes: bytes.clone() };
        let _ = input::from_files(vec![file], words, 5);
    }

    #[test]
    fn json_shaped_input_never_panics(texts in proptest::collection::vec("\\PC{0,80}", 0..6), words in 0usize..400) {
        let articles: Vec<_> = texts.iter().map(|t| serde_json::json!({"text": t})).collect();
        let body = serde_json::json!({"articles": articles, "words": words}).to_string();
        if let Ok(request) = input::from_json(body.as_bytes(), None, 10) {
            prop_assert!(!request.articles.is_empty());
        }
    }

    #[test]
    fn stream_articles_are_answered_one_each(texts in proptest::collection::vec("\\PC{0,80}", 1..6), html in any::<bool>()) {
        let field = if html { "html" } else { "text" };
        let articles: Vec<_> = texts.iter().enumerate().map(|(i, t)| serde_json::json!({"id": i, field: t})).collect();
        let body = serde_json::Value::Array(articles).to_string();
        let read = input::articles_from_stream_json(body.as_bytes()).unwrap();
        prop_assert_eq!(read.len(), texts.len());
    }
}
