//! Property tests: the input readers (front matter, JSON and JSONL, feeds) never panic on arbitrary
//! bytes, and front matter keeps the article's offsets those of the file.

use newsbrief_core::reader;
use proptest::prelude::*;

/// Bytes that often look like front matter, JSON or JSONL, with odd characters among them.
fn inputish() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("---\n".to_owned()),
        Just("title: x\n".to_owned()),
        Just("date: 2024-03-04\n".to_owned()),
        Just("{\"id\": 1, \"documents\": [\"a\"]}\n".to_owned()),
        Just("{\"articles\": [{\"text\": \"b\"}]}".to_owned()),
        Just("\u{feff}".to_owned()),
        "\\PC{0,12}",
        "[\\[\\]{}:\",\n -]{0,6}",
    ];
    prop::collection::vec(piece, 0..20).prop_map(|pieces| pieces.concat().into_bytes())
}

proptest! {
    #[test]
    fn readers_never_panic(bytes in inputish(), latin in prop::collection::vec(any::<u8>(), 0..64)) {
        for name in ["a.md", "a.json", "a.jsonl", "stdin"] {
            let _ = reader::read(name, &bytes);
            let _ = reader::read(name, &latin);
        }
        let _ = newsbrief_core::feed::parse(&bytes);
    }

    #[test]
    fn front_matter_keeps_offsets(body in "[a-z .]{1,40}") {
        let file = format!("---\ntitle: T\n---\n{body}");
        if let Ok(input) = reader::read("a.md", file.as_bytes()) {
            let reader::Contents::Articles(articles) = input.contents else { panic!("clusters") };
            prop_assert_eq!(articles[0].text.len(), file.len());
            prop_assert_eq!(&articles[0].text[file.len() - body.len()..], body.as_str());
        }
    }
}
