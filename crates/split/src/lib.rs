//! Sentence splitting for news prose.
//!
//! `split` returns the byte ranges of the sentences of a text, in order; every
//! range points into the text it was given, so callers keep offsets into the
//! original article.

use std::ops::Range;

/// Byte ranges of the sentences in `text`, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_here = matches!(b, b'.' | b'?' | b'!')
            && bytes.get(i + 1).map_or(true, |c| c.is_ascii_whitespace());
        if end_here || b == b'\n' {
            push_trimmed(text, start, i + 1, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(start + lead..end - trail);
    }
}
