//! Time expressions: found and resolved without panics, each span inside the text on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsbrief_timex::{annotate, find, Anchor, NaiveDate};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let anchors = [
        Anchor::unknown(),
        Anchor::known(NaiveDate::from_ymd_opt(2017, 3, 2).unwrap_or_default()),
    ];
    let found = find(&text);
    for anchor in anchors {
        for timex in found.resolve(&text, anchor).into_iter().chain(annotate(&text, anchor)) {
            let (start, end) = (timex.start, timex.end);
            assert!(start <= end && end <= text.len());
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        }
    }
});
