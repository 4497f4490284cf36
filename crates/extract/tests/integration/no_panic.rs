//! Property test: the public entry points never panic on arbitrary input.

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn read_document_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2000), name in "[a-z.]{0,12}") {
        let _ = newsbrief_extract::read_document(&bytes, &name);
        let _ = newsbrief_extract::is_markup(&bytes, &name);
    }

    #[test]
    fn markup_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()), Just("<a href=x>".to_string()),
            Just("<script>".to_string()), Just("<meta charset=shift_jis>".to_string()), Just("WARC/1.0\r\n".to_string()),
            Just("<time datetime='2020-13-45'>".to_string()), Just("<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[[{}]]}</script>".to_string()),
            "[a-zA-Z ,.é]{0,40}",
        ], 0..60)) {
        let page = parts.concat();
        let _ = newsbrief_extract::read_document(page.as_bytes(), "soup.html");
    }
}
