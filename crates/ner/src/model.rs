//! The tagger's weights: per-feature tag scores and tag-transition scores, with a compact
//! binary encoding (sparse, 16-bit quantised) for the committed model file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::tag::TAG_COUNT;

/// Transition rows: one per previous tag plus one for the sentence start.
pub const TRANSITION_ROWS: usize = TAG_COUNT + 1;

const MAGIC: &[u8; 8] = b"NBNER\x02\0\0";

/// Errors reading an encoded model.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a newsbrief NER model (bad magic bytes)")]
    BadMagic,
    #[error("model file truncated at byte {0}")]
    Truncated(usize),
    #[error("committed gazetteer: {0}")]
    Gazetteer(#[from] crate::gazetteer::GazetteerError),
}

/// Feature ids are already well-mixed hashes: use them as their own hash.
#[derive(Default)]
pub struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// A map keyed by feature id.
pub type FeatureMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

/// Linear scores over tags for hashed features, plus transition scores.
#[derive(Debug, Clone, Default)]
pub struct Model {
    rows: FeatureMap<u32>,
    weights: Vec<f32>,
    /// `transitions[previous * TAG_COUNT + tag]`, `previous == TAG_COUNT` for the sentence start.
    transitions: Vec<f32>,
}

impl Model {
    /// Builds a model from (feature id, tag scores) rows and transition scores.
    pub fn from_rows(rows: Vec<(u64, [f32; TAG_COUNT])>, transitions: Vec<f32>) -> Model {
        let mut model = Model {
            transitions,
            ..Model::default()
        };
        model.transitions.resize(TRANSITION_ROWS * TAG_COUNT, 0.0);
        for (id, scores) in rows {
            model.add_row(id, &scores);
        }
        model
    }

    /// Adds the tag scores of feature `id` (a later row for the same id replaces the earlier one).
    fn add_row(&mut self, id: u64, scores: &[f32; TAG_COUNT]) {
        self.rows
            .insert(id, (self.weights.len() / TAG_COUNT) as u32);
        self.weights.extend_from_slice(scores);
    }

    /// Number of features with weights.
    pub fn feature_count(&self) -> usize {
        self.rows.len()
    }

    /// Adds the tag scores of `features` into `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32; TAG_COUNT]) {
        for id in features {
            if let Some(&row) = self.rows.get(id) {
                let start = row as usize * TAG_COUNT;
                for (score, weight) in scores
                    .iter_mut()
                    .zip(&self.weights[start..start + TAG_COUNT])
                {
                    *score += weight;
                }
            }
        }
    }

    /// Transition scores, `[previous * TAG_COUNT + tag]`, row `TAG_COUNT` for the sentence start.
    pub fn transitions(&self) -> &[f32] {
        &self.transitions
    }

    /// Encodes the model: weights quantised to 16 bits, zero weights left out.
    pub fn encode(&self) -> Vec<u8> {
        let largest = self
            .weights
            .iter()
            .chain(&self.transitions)
            .fold(0f32, |max, w| max.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / f32::from(i16::MAX)
        } else {
            1.0
        };
        let quantise = |weight: f32| (weight / scale).round() as i16;
        let mut ids: Vec<(u64, u32)> = self.rows.iter().map(|(&id, &row)| (id, row)).collect();
        ids.sort_unstable();
        let mut out = Vec::with_capacity(8 + ids.len() * 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        out.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        for &weight in &self.transitions {
            out.extend_from_slice(&quantise(weight).to_le_bytes());
        }
        for (id, row) in ids {
            let weights = &self.weights[row as usize * TAG_COUNT..(row as usize + 1) * TAG_COUNT];
            let present: u32 = weights
                .iter()
                .enumerate()
                .filter(|(_, &w)| quantise(w) != 0)
                .fold(0, |mask, (tag, _)| mask | (1 << tag));
            out.extend_from_slice(&id.to_le_bytes());
            out.extend_from_slice(&present.to_le_bytes());
            for &weight in weights.iter().filter(|&&w| quantise(w) != 0) {
                out.extend_from_slice(&quantise(weight).to_le_bytes());
            }
        }
        out
    }

    /// Decodes a model written by [`Model::encode`].
    pub fn decode(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut reader = Reader { bytes, at: 0 };
        if reader.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let scale = f32::from_le_bytes(reader.array()?);
        let count = u32::from_le_bytes(reader.array()?) as usize;
        let mut transitions = Vec::with_capacity(TRANSITION_ROWS * TAG_COUNT);
        for _ in 0..TRANSITION_ROWS * TAG_COUNT {
            transitions.push(f32::from(i16::from_le_bytes(reader.array()?)) * scale);
        }
        // rows are read straight into the model (no intermediate list: decoding is most of a short
        // command's start-up)
        let capacity = count.min(bytes.len() / 12);
        let mut model = Model {
            rows: FeatureMap::with_capacity_and_hasher(capacity, Default::default()),
            weights: Vec::with_capacity(capacity * TAG_COUNT),
            transitions,
        };
        for _ in 0..count {
            let id = u64::from_le_bytes(reader.array()?);
            let present = u32::from_le_bytes(reader.array()?);
            let mut scores = [0f32; TAG_COUNT];
            for (tag, score) in scores.iter_mut().enumerate() {
                if present & (1 << tag) != 0 {
                    *score = f32::from(i16::from_le_bytes(reader.array()?)) * scale;
                }
            }
            model.add_row(id, &scores);
        }
        Ok(model)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, length: usize) -> Result<&'a [u8], ModelError> {
        let slice = self
            .bytes
            .get(self.at..self.at + length)
            .ok_or(ModelError::Truncated(self.at))?;
        self.at += length;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut array = [0u8; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips_within_quantisation() {
        let mut scores = [0f32; TAG_COUNT];
        scores[1] = 2.5;
        scores[3] = -1.0;
        let model = Model::from_rows(
            vec![(42, scores), (7, [0.0; TAG_COUNT])],
            vec![0.5; TRANSITION_ROWS * TAG_COUNT],
        );
        let decoded = Model::decode(&model.encode()).unwrap();
        let mut out = [0f32; TAG_COUNT];
        decoded.score(&[42, 99], &mut out);
        assert!((out[1] - 2.5).abs() < 1e-3 && (out[3] + 1.0).abs() < 1e-3);
        assert!((decoded.transitions()[TAG_COUNT * TAG_COUNT + 2] - 0.5).abs() < 1e-3);
    }

    #[test]
    fn rejects_garbage() {
        assert_eq!(
            Model::decode(b"nonsense").unwrap_err(),
            ModelError::BadMagic
        );
        let truncated = &Model::from_rows(Vec::new(), Vec::new()).encode()[..20];
        assert!(matches!(
            Model::decode(truncated),
            Err(ModelError::Truncated(_))
        ));
    }
}
