//! What the training program (`extract-train`) needs from the crate: a page's blocks with their
//! features and texts, and the article text written for a chosen set of kept blocks, exactly as
//! [`crate::extract_html`] writes it.

use crate::paragraphs::Paragraph;
use crate::{blocks, body, charset, metadata, parse};

pub use crate::blocks::{feature_names, Features, FEATURES};
pub use crate::model::{Model, ModelError, Tree};

/// The block model shipped with the crate (`model/blocks.json`).
pub fn shipped_model() -> &'static Model {
    crate::model::shipped()
}

/// One page analysed for training.
pub struct PageBlocks {
    paragraphs: Vec<Paragraph>,
    /// The features of each block.
    pub features: Vec<Features>,
    /// The features of the same blocks had the rules chosen a narrower, then a wider container
    /// (when there is one): the rules' mistakes, to train on.
    pub mistaken_features: Vec<Vec<Features>>,
    article_body_hint: Option<String>,
}

/// Decodes an HTML page and cuts it into blocks with their features.
pub fn page_blocks(bytes: &[u8]) -> PageBlocks {
    let decoded = charset::decode(bytes, None);
    let parsed = parse::parse_document(&decoded.text);
    let meta = metadata::extract(&parsed.document, None);
    let mut view = body::rules(&parsed.document);
    let page = blocks::page_blocks(&parsed.document, &view);
    let chosen = view.container;
    let mut mistaken_features = Vec::new();
    for other in [view.narrower_container(), view.wider_container()] {
        if other.is_some() {
            view.set_container(other);
            mistaken_features.push(blocks::page_blocks(&parsed.document, &view).features);
        }
    }
    view.set_container(chosen);
    PageBlocks {
        paragraphs: page.paragraphs,
        features: page.features,
        mistaken_features,
        article_body_hint: meta.article_body,
    }
}

impl PageBlocks {
    /// The text of each block.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs.iter().map(|p| p.text.as_str())
    }

    /// The article text when the blocks marked in `keep` are kept.
    pub fn article(&self, keep: &[bool]) -> String {
        body::assemble(&self.paragraphs, keep, self.article_body_hint.as_deref())
    }
}
