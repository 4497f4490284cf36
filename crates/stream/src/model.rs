//! Model: the learned decision of whether an article joins a story — a logistic model over
//! [`crate::features`] and the probability above which the best candidate story is joined.
//!
//! The shipped model (`model/story.json`) is trained by `stream-eval --train` on labelled streams
//! (see docs/bench/stream.md); nothing about the decision is tuned by hand.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::features::{Features, NAMES};
use crate::StreamError;

/// Weights of the features and the joining threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    /// Feature names, in order (checked against [`NAMES`] when loading).
    pub features: Vec<String>,
    /// Weights for articles of some length.
    pub weights: Vec<f32>,
    /// Weights for short articles (a headline, a brief), whose similarities run on another scale.
    pub short_weights: Vec<f32>,
    /// The best candidate story is joined when its probability is at least this.
    pub threshold: f32,
    /// What the model was trained on, for the record.
    #[serde(default)]
    pub trained_on: String,
}

static SHIPPED: LazyLock<Model> = LazyLock::new(|| {
    Model::from_json(include_str!("../model/story.json"))
        .expect("the shipped story model matches the features (checked by a unit test)")
});

impl Model {
    /// The model shipped with newsbrief.
    pub fn shipped() -> Model {
        SHIPPED.clone()
    }

    /// Reads a model, checking it was trained on the features this build computes.
    pub fn from_json(json: &str) -> Result<Model, StreamError> {
        let model: Model =
            serde_json::from_str(json).map_err(|e| StreamError::Model(e.to_string()))?;
        if model.features != NAMES
            || model.weights.len() != NAMES.len()
            || model.short_weights.len() != NAMES.len()
        {
            return Err(StreamError::Model(format!(
                "trained on features {:?}, this build computes {:?}",
                model.features, NAMES
            )));
        }
        Ok(model)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The probability that the article (short or not) belongs to the story.
    pub fn probability(&self, features: &Features, short: bool) -> f32 {
        let weights = if short {
            &self.short_weights
        } else {
            &self.weights
        };
        let z: f32 = weights.iter().zip(features).map(|(w, x)| w * x).sum();
        1.0 / (1.0 + (-z).exp())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_model_loads() {
        let m = Model::shipped();
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
    }

    #[test]
    fn a_model_for_other_features_is_refused() {
        let json =
            r#"{"features": ["bias"], "weights": [1.0], "short_weights": [1.0], "threshold": 0.5}"#;
        assert!(matches!(Model::from_json(json), Err(StreamError::Model(_))));
    }
}
