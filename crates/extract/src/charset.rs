//! Character set decoding: byte-order mark, then the HTTP header's charset, then the charset the
//! page declares in `<meta>` (or an XML declaration), and when nothing is declared a statistical
//! guess (chardetng). A declared legacy charset on bytes that are valid UTF-8 is taken as UTF-8,
//! the commonest mislabelling on the web.

use encoding_rs::{Encoding, UTF_8};

/// How many leading bytes are searched for a `<meta charset>` declaration.
const DECLARATION_SCAN_BYTES: usize = 16 * 1024;
/// How many bytes the statistical detector reads.
const DETECTOR_SAMPLE_BYTES: usize = 256 * 1024;

/// Decoded text and, when the charset had to be guessed or the bytes were invalid, a warning.
pub(crate) struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

pub(crate) fn decode(bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(encoding, &bytes[bom_len..], None);
    }
    let declared = http_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| declared_in_markup(&bytes[..bytes.len().min(DECLARATION_SCAN_BYTES)]));
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    match declared {
        Some(encoding) if encoding == UTF_8 || !valid_utf8 => decode_with(encoding, bytes, None),
        Some(_) => decode_with(UTF_8, bytes, None),
        None if valid_utf8 => decode_with(UTF_8, bytes, None),
        None => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            let sample = &bytes[..bytes.len().min(DETECTOR_SAMPLE_BYTES)];
            detector.feed(sample, sample.len() == bytes.len());
            let guess = detector.guess(None, chardetng::Utf8Detection::Allow);
            let note = format!("no charset declared; decoded as {} (guessed)", guess.name());
            decode_with(guess, bytes, Some(note))
        }
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], note: Option<String>) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = if had_errors {
        let invalid = format!("invalid {} byte sequences replaced", encoding.name());
        Some(match note {
            Some(note) => format!("{note}; {invalid}"),
            None => invalid,
        })
    } else {
        note
    };
    Decoded {
        text: text.into_owned(),
        warning,
    }
}

/// Finds `charset=...` in a `<meta>` tag or `encoding="..."` in an XML declaration.
fn declared_in_markup(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml") {
        if let Some(label) = value_after(&lower, b"encoding=") {
            return Encoding::for_label(label);
        }
    }
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let tag_start = from + pos;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(encoding) = value_after(tag, b"charset=").and_then(Encoding::for_label) {
            // The HTML standard maps a declared UTF-16 to UTF-8 (the bytes were read as ASCII).
            return Some(
                if encoding.is_single_byte() || encoding.output_encoding() == UTF_8 {
                    encoding.output_encoding()
                } else {
                    encoding
                },
            );
        }
        from = tag_end;
    }
    None
}

fn value_after<'a>(haystack: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let start = find(haystack, key)? + key.len();
    let rest = &haystack[start..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| {
            matches!(
                b,
                b'"' | b'\'' | b';' | b' ' | b'>' | b'/' | b'\t' | b'\n' | b'\r'
            )
        })
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body></html>";
        let decoded = decode(page, None);
        assert!(decoded.text.contains("café"));
        assert!(decoded.warning.is_none());
    }

    #[test]
    fn http_equiv_declaration_is_honoured() {
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>\x93\xfa\x96\x7b</p>";
        assert!(decode(page, None).text.contains("日本"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_guessed_with_a_warning() {
        let page = "<p>Le garçon a mangé une crème brûlée à côté de la fenêtre, très élégant.</p>";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        let decoded = decode(&bytes, None);
        assert!(decoded.text.contains("crème brûlée"), "{}", decoded.text);
        assert!(decoded.warning.is_some());
    }

    #[test]
    fn utf8_wins_over_a_wrong_legacy_declaration() {
        let page = "<meta charset=iso-8859-1><p>naïve café</p>";
        assert!(decode(page.as_bytes(), None).text.contains("naïve café"));
    }
}
