//! Reading user files: text in any encoding, JSONL clusters, JSON articles. Errors are fine; panics
//! are not, and an article read has its text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbrief_core::ingest;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = ["story.txt", "clusters.jsonl", "articles.json", "page.md"][usize::from(pick % 4)];
    let _ = ingest::articles_from_file(name, bytes);
    let _ = ingest::decode_text(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        for line in text.lines() {
            let _ = ingest::parse_cluster_line(line);
        }
    }
});
