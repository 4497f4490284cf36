//! Reading user files: text in any encoding, JSONL clusters, JSON articles, and fetched pages and text
//! with the charset a server named. Errors are fine; panics are not.
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
    // As fetched: the server's charset (any label, good or not) over a page or plain text.
    let charset = [
        "windows-1252",
        "utf-16le",
        "shift_jis",
        "koi8-r",
        "iso-2022-jp",
        "utf-8",
        "no-such-charset",
    ][usize::from(pick / 4 % 7)];
    let fetched = ["page.html", "page.txt"][usize::from(pick / 28 % 2)];
    let _ = ingest::articles_from_fetched(fetched, bytes, Some(charset));
    if let Ok(text) = std::str::from_utf8(bytes) {
        for line in text.lines() {
            let _ = ingest::parse_cluster_line(line);
        }
    }
});
