//! Cleaning and sentence splitting: every sentence is a non-empty range of the text on char boundaries,
//! in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbrief_core::document::Document;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::analyse(&text);
    let mut last_end = 0;
    for sentence in &doc.sentences {
        let range = sentence.range.clone();
        assert!(range.start >= last_end && range.start < range.end && range.end <= text.len());
        assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        last_end = range.end;
    }
});
