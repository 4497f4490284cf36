//! Saved pages and WARC files: `read_document` gives pages or a typed error, never a panic, and an
//! extracted body never begins or ends with blank space (paragraphs are joined by "\n\n" only).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks how the bytes are named: a page, a WARC file, or a name that says nothing.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["page.html", "crawl.warc", "article"][usize::from(pick % 3)];
    if let Ok(pages) = newsbrief_extract::read_document(bytes, name) {
        for page in pages {
            assert_eq!(page.text.trim(), page.text, "{name}");
        }
    }
});
