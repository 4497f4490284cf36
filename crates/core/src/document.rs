//! Document: an article after cleaning and sentence splitting.
//!
//! Each [`Sentence`] is a byte range into the article's original text, with the kind of block it came from
//! and its position among the article's prose sentences.

use std::ops::Range;

use crate::clean::{self, BlockKind};

/// One sentence of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range into the article's original text.
    pub range: Range<usize>,
    pub kind: BlockKind,
    /// Position among the article's prose sentences (0 for the first one); headlines and headings share the
    /// position of the prose sentence that follows them.
    pub position: usize,
    /// Index of the paragraph (kept block) the sentence belongs to.
    pub paragraph: usize,
}

/// An article cleaned and split into sentences.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// Cleans `text` and splits its kept blocks into sentences.
    pub fn analyse(text: &str) -> Document {
        let cleaned = clean::clean(text);
        let mut sentences = Vec::new();
        let mut position = 0;
        for (paragraph, block) in cleaned.blocks.iter().enumerate() {
            let block_text = &text[block.range.clone()];
            let ranges = if block.kind == BlockKind::Paragraph {
                newsbrief_split::split(block_text)
            } else {
                // A headline or heading is one sentence.
                std::iter::once(0..block_text.len()).collect()
            };
            for r in ranges {
                let range = block.range.start + r.start..block.range.start + r.end;
                if clean::is_boilerplate_in_line(&text[range.clone()], block) {
                    continue;
                }
                sentences.push(Sentence {
                    range,
                    kind: block.kind,
                    position,
                    paragraph,
                });
                if block.kind == BlockKind::Paragraph {
                    position += 1;
                }
            }
        }
        Document { sentences }
    }

    /// The article's headline, when its first line reads as one.
    pub fn headline<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.sentences
            .first()
            .filter(|s| s.kind == BlockKind::Headline)
            .map(|s| &text[s.range.clone()])
    }

    /// The prose sentences, in order.
    pub fn prose(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences
            .iter()
            .filter(|s| s.kind == BlockKind::Paragraph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_point_into_the_original() {
        let text = "A Headline\n\nFirst sentence here. Second one here.\nAdvertisement\nThird.";
        let doc = Document::analyse(text);
        assert_eq!(doc.headline(text), Some("A Headline"));
        let prose: Vec<_> = doc
            .prose()
            .map(|s| (&text[s.range.clone()], s.position))
            .collect();
        assert_eq!(
            prose,
            [
                ("First sentence here.", 0),
                ("Second one here.", 1),
                ("Third.", 2)
            ]
        );
    }
}
