//! The HTTP API's request bodies: brief JSON, plain text, summarize JSONL and posted stream articles are
//! read into requests or refused with an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbrief_api as input;

fuzz_target!(|data: &[u8]| {
    let _ = input::from_json(data, None, 200);
    let _ = input::from_text(data, Some(100));
    let _ = input::clusters_from_jsonl(data, 1_000);
    let _ = input::articles_from_stream_json(data);
});
