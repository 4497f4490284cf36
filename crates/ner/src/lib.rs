//! Named-entity recognition for news text, offline: a two-pass averaged structured perceptron
//! (Viterbi over BILOU tags) over word, shape, affix, context, document-casing and word-cluster
//! features, the second pass adding document-level consistency features over the first pass's
//! predictions (see [`features`]), and matches against [`gazetteer`]s of training names and of
//! external name lists (places, nationalities, clubs, given names and surnames from registry
//! packages, `scripts/ner/build-external-names.sh`). Trained on CoNLL-2003 English with
//! `scripts/ner/train.sh` (word clusters from unlabelled news, then `train-ner`); the weights are
//! committed under `model/` (16-bit quantised, sparse; with the clusters and gazetteers under
//! 5 MB) and compiled into the binary. Also: a tokenizer that keeps
//! byte offsets, the CoNLL format and `conlleval` measure, and alias merging of the entities of
//! the articles of one story ([`merge`]).
//!
//! ```
//! use newsbrief_ner::{EntityKind, Tagger};
//! let text = "Attorney General Jeff Sessions met the Russian ambassador in Washington.";
//! let mentions = Tagger::default().entities(text);
//! assert!(mentions.iter().any(|m| m.text(text) == "Jeff Sessions" && m.kind == EntityKind::Person));
//! ```

pub mod cluster_learning;
pub mod clusters;
pub mod conll;
pub mod external_clusters;
pub mod features;
pub mod gazetteer;
pub mod head_nouns;
pub mod merge;
pub mod model;
pub mod names;
pub mod tag;
pub mod tagger;
pub mod tokenize;
pub mod train;
pub mod viterbi;

pub use gazetteer::{Gazetteer, GazetteerError};
pub use merge::{merge, Alias, StoryEntity};
pub use model::{Model, ModelError};
pub use tag::{EntityKind, Tag};
pub use tagger::{Mention, Tagger};
