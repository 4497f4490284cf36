//! The learned block model: gradient-boosted decision trees over the block features of `blocks`,
//! trained by `extract-train` on labelled pages and shipped as `model/blocks.json`. A block is
//! article text when its probability reaches the model's threshold.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::blocks::{feature_names, Features, FEATURES};

/// One tree, complete to its depth: inner node `i` (heap order, root 0) sends a block to child
/// `2i + 1` when its feature is at most the node's threshold and to `2i + 2` otherwise; the leaves
/// follow the inner nodes, and `leaves[k]` is the value of leaf `k` (left to right).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Tree {
    pub features: Vec<u16>,
    pub thresholds: Vec<f32>,
    pub leaves: Vec<f64>,
}

impl Tree {
    fn value(&self, row: &Features) -> f64 {
        let inner = self.features.len();
        let mut node = 0usize;
        while let (Some(&feature), Some(&threshold)) =
            (self.features.get(node), self.thresholds.get(node))
        {
            let x = row.get(usize::from(feature)).copied().unwrap_or(0.0);
            node = 2 * node + 1 + usize::from(x > threshold);
        }
        node.checked_sub(inner)
            .and_then(|leaf| self.leaves.get(leaf))
            .copied()
            .unwrap_or(0.0)
    }

    fn fits(&self) -> bool {
        self.features.len() == self.thresholds.len()
            && self.leaves.len() == self.features.len() + 1
            && self.features.iter().all(|&f| usize::from(f) < FEATURES)
    }
}

/// A boosted-trees block model.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Model {
    /// How the model was made (data, folds, command).
    pub note: String,
    /// Feature names, in the order the trees index them; must equal the crate's features.
    pub features: Vec<String>,
    /// Log-odds before the trees.
    pub base: f64,
    pub trees: Vec<Tree>,
    /// Smallest probability of a kept block.
    pub threshold: f64,
}

/// The model file shipped with the crate.
const SHIPPED: &str = include_str!("../model/blocks.json");

/// The shipped model, or the rules alone if the file does not fit the crate's features.
pub(crate) fn shipped() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_json(SHIPPED).unwrap_or_else(|_| Model::rules_only()))
}

/// Why a model file was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("the model file is not valid JSON: {0}")]
    Json(String),
    #[error("the model's features differ from this crate's")]
    Features,
}

impl Model {
    /// Reads a model file and checks that it fits the crate's features.
    pub fn from_json(text: &str) -> Result<Model, ModelError> {
        let model: Model =
            serde_json::from_str(text).map_err(|e| ModelError::Json(e.to_string()))?;
        if model.features != feature_names() || !model.trees.iter().all(Tree::fits) {
            return Err(ModelError::Features);
        }
        Ok(model)
    }

    /// The rules without learning: the blocks of the chosen container that no rule leaves out.
    pub fn rules_only() -> Model {
        let features = feature_names();
        let rules_keep = features.iter().position(|f| f == "rules_keep").unwrap_or(0);
        Model {
            note: "rules only: the container's blocks that no rule leaves out".to_string(),
            features,
            base: 0.0,
            trees: vec![Tree {
                features: vec![u16::try_from(rules_keep).unwrap_or(0)],
                thresholds: vec![0.5],
                leaves: vec![-5.0, 5.0],
            }],
            threshold: 0.5,
        }
    }

    /// Probability that a block is article text.
    pub fn probability(&self, row: &Features) -> f64 {
        let z = self.base + self.trees.iter().map(|t| t.value(row)).sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// True when the block is kept.
    pub fn keeps(&self, row: &Features) -> bool {
        self.probability(row) >= self.threshold
    }

    /// Which blocks are kept.
    pub fn keep(&self, rows: &[Features]) -> Vec<bool> {
        rows.iter().map(|row| self.keeps(row)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_file_loads_and_fits_the_features() {
        let model = Model::from_json(SHIPPED).expect("model/blocks.json loads");
        assert!(!model.trees.is_empty());
        assert!(model.threshold > 0.0 && model.threshold < 1.0);
        assert_eq!(shipped(), &model);
    }

    #[test]
    fn the_rules_only_model_keeps_what_the_rules_keep() {
        let model = Model::rules_only();
        let at = feature_names()
            .iter()
            .position(|f| f == "rules_keep")
            .unwrap_or(0);
        let mut row = [0.0; FEATURES];
        assert_eq!(model.keep(&[row]), [false]);
        row[at] = 1.0;
        assert_eq!(model.keep(&[row]), [true]);
    }

    #[test]
    fn a_model_with_other_features_is_refused() {
        let mut model = Model::rules_only();
        model.features.pop();
        let text = serde_json::to_string(&model).unwrap_or_default();
        assert_eq!(Model::from_json(&text), Err(ModelError::Features));
        assert!(matches!(Model::from_json("{"), Err(ModelError::Json(_))));
    }
}
