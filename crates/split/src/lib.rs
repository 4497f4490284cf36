//! Sentence splitting for news prose.
//!
//! [`split`] returns the byte ranges of the sentences of a text, in order; every
//! range points into the text it was given, so callers keep offsets into the
//! original article. The rules know news prose: abbreviations and initials
//! ("U.S.", "Sen.", "Jan. 20", "J. Edgar"), periods inside closing quotes,
//! `?”` and `!"`, numbers ("$2.5 million"), and headlines or captions that
//! end at a line break without punctuation.

mod abbrev;
mod boundary;

use std::ops::Range;

/// Byte ranges of the sentences in `text`, in order, trimmed of surrounding
/// white space, never empty and never overlapping, each on char boundaries.
///
/// `text` may be a paragraph or a whole article: a blank line always ends a
/// sentence, a single line break does unless it only wraps prose.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for cut in boundary::cuts(text) {
        push_trimmed(text, start..cut, &mut sentences);
        start = cut;
    }
    push_trimmed(text, start..text.len(), &mut sentences);
    sentences
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let trimmed_start = piece.trim_start();
    if trimmed_start.is_empty() {
        return;
    }
    let start = range.start + piece.len() - trimmed_start.len();
    out.push(start..start + trimmed_start.trim_end().len());
}
