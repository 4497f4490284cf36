//! How ROUGE-1.5.5 reads a summary in its one-sentence-per-line (SPL) format: lowercase ASCII
//! letters, keep the first n words (`-l`) or bytes (`-b`), then split into tokens (runs of
//! `[a-z0-9]`; `-` and everything else separate them). Two readers, as in the Perl: `readText`
//! (one unit, for n-grams and unigram counts) and `readText_LCS` (one unit per sentence, for
//! ROUGE-L), which differ when truncating by bytes.

use crate::options::Truncation;

/// Non-empty lines of `text`, lowercased the Perl way (`tr/A-Z/a-z/`), as bytes.
pub fn sentences(text: &str) -> Vec<Vec<u8>> {
    text.split('\n')
        .filter(|line| !line.is_empty())
        .map(|line| line.bytes().map(|b| b.to_ascii_lowercase()).collect())
        .collect()
}

/// Perl's whitespace class `\s` on bytes: ASCII space, tab, newline, vertical tab, form feed, return.
fn is_perl_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Perl's `split(/\s+/, $s)`: a leading empty field when `s` starts with whitespace, trailing
/// empty fields dropped.
fn perl_split_words(s: &[u8]) -> Vec<&[u8]> {
    let mut fields: Vec<&[u8]> = s.split(|&b| is_perl_space(b)).collect();
    // Runs of whitespace give empty fields in between: merge by dropping inner empties, but keep a
    // leading one (Perl keeps it) and drop trailing ones.
    let leading_empty = fields.first().is_some_and(|f| f.is_empty()) && !s.is_empty();
    fields.retain(|f| !f.is_empty());
    if leading_empty && !fields.is_empty() {
        fields.insert(0, &[]);
    }
    fields
}

/// `readText`: the text ROUGE-1.5.5 builds n-grams from, as one unit.
pub fn read_text(sentences: &[Vec<u8>], truncation: Truncation) -> Vec<u8> {
    match truncation.effective() {
        Truncation::None => sentences.join(&b' '),
        Truncation::Words(limit) => {
            let mut out: Vec<u8> = Vec::new();
            let mut count = 0usize;
            for s in sentences {
                let words = perl_split_words(s);
                if count + words.len() < limit {
                    if count != 0 {
                        out.push(b' ');
                    }
                    out.extend_from_slice(s);
                    count += words.len();
                } else {
                    if count > 0 {
                        out.push(b' ');
                    }
                    out.extend_from_slice(&words[..limit - count].join(&b' '));
                    break;
                }
            }
            out
        }
        Truncation::Bytes(limit) => {
            let mut out: Vec<u8> = Vec::new();
            let mut count = 0usize;
            for s in sentences {
                if count + s.len() < limit {
                    if count != 0 {
                        out.push(b' ');
                    }
                    out.extend_from_slice(s);
                    count += s.len();
                } else {
                    if count > 0 {
                        out.push(b' ');
                    }
                    out.extend_from_slice(&s[..limit - count]);
                    break;
                }
            }
            out
        }
    }
}

/// `readText_LCS`: the units (sentences) ROUGE-1.5.5 computes ROUGE-L over. With a byte limit the
/// Perl never advances its running length, so every sentence shorter than the limit is kept
/// whole until the first one that is not, which is cut to the limit; reproduced as is.
pub fn read_text_lcs(sentences: &[Vec<u8>], truncation: Truncation) -> Vec<Vec<u8>> {
    match truncation.effective() {
        Truncation::None => sentences.to_vec(),
        Truncation::Words(limit) => {
            let mut units = Vec::new();
            let mut count = 0usize;
            for s in sentences {
                let words = perl_split_words(s);
                if count + words.len() < limit {
                    count += words.len();
                    units.push(s.clone());
                } else {
                    units.push(words[..limit - count].join(&b' '));
                    break;
                }
            }
            units
        }
        Truncation::Bytes(limit) => {
            let mut units = Vec::new();
            for s in sentences {
                if s.len() < limit {
                    units.push(s.clone());
                } else {
                    units.push(s[..limit].to_vec());
                    break;
                }
            }
            units
        }
    }
}

/// The tokens of one unit: maximal runs of `[a-z0-9]` (the Perl turns `-` into a token of its
/// own and then drops every token not starting with `[a-z0-9$]`).
pub fn tokens(unit: &[u8]) -> impl Iterator<Item = &str> {
    unit.split(|b| !(b.is_ascii_lowercase() || b.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .filter_map(|t| std::str::from_utf8(t).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Vec<u8>> {
        sentences(text)
    }

    #[test]
    fn perl_split_keeps_a_leading_empty_field() {
        assert_eq!(perl_split_words(b" a  b "), vec![&b""[..], b"a", b"b"]);
        assert_eq!(perl_split_words(b"   "), Vec::<&[u8]>::new());
        assert_eq!(perl_split_words(b""), Vec::<&[u8]>::new());
    }

    #[test]
    fn truncates_by_words_across_sentences() {
        let s = lines("One two three.\nFour five six.\n");
        assert_eq!(
            read_text(&s, Truncation::Words(4)),
            b"one two three. four".to_vec()
        );
        assert_eq!(
            read_text_lcs(&s, Truncation::Words(4)),
            vec![b"one two three.".to_vec(), b"four".to_vec()]
        );
        assert_eq!(
            read_text(&s, Truncation::None),
            b"one two three. four five six.".to_vec()
        );
    }

    #[test]
    fn truncates_by_bytes_like_the_perl() {
        let s = lines("abcd\nefgh\nijkl");
        assert_eq!(read_text(&s, Truncation::Bytes(6)), b"abcd ef".to_vec());
        // readText_LCS never counts what it kept, so only a sentence longer than the limit stops it.
        assert_eq!(read_text_lcs(&s, Truncation::Bytes(6)).len(), 3);
    }

    #[test]
    fn tokens_are_alphanumeric_runs() {
        let t: Vec<&str> = tokens(b"u.s. co-op $100 \xc3\xa9t\xc3\xa9").collect();
        assert_eq!(t, vec!["u", "s", "co", "op", "100", "t"]);
    }
}
