//! Training: a structured averaged perceptron (Collins 2002) over Viterbi-decoded BILOU sequences.
//!
//! Features seen fewer than `min_count` times in the training data are ignored; after training,
//! features whose averaged weights are all below `prune` in magnitude are dropped from the model.

use crate::model::{FeatureMap, Model, TRANSITION_ROWS};
use crate::tag::{Tag, TAG_COUNT};
use crate::viterbi::best_tags;

/// A sentence ready for training: per-token feature rows (dense indexes) and gold tag indexes.
pub struct TrainingSentence {
    features: Vec<Vec<u32>>,
    gold: Vec<usize>,
}

/// Weights being learnt, with the running sums for averaging.
pub struct Trainer {
    ids: Vec<u64>,
    index: FeatureMap<u32>,
    weights: Vec<f32>,
    weight_sums: Vec<f32>,
    transitions: Vec<f32>,
    transition_sums: Vec<f32>,
    step: f32,
}

impl Trainer {
    /// A trainer knowing the features that occur at least `min_count` times in `token_features`.
    pub fn new<'a>(token_features: impl IntoIterator<Item = &'a [u64]>, min_count: u32) -> Trainer {
        let mut counts: FeatureMap<u32> = FeatureMap::default();
        for features in token_features {
            for &id in features {
                *counts.entry(id).or_default() += 1;
            }
        }
        let mut ids: Vec<u64> = counts
            .into_iter()
            .filter(|&(_, count)| count >= min_count)
            .map(|(id, _)| id)
            .collect();
        ids.sort_unstable();
        let index = ids
            .iter()
            .enumerate()
            .map(|(row, &id)| (id, row as u32))
            .collect();
        let size = ids.len() * TAG_COUNT;
        Trainer {
            ids,
            index,
            weights: vec![0.0; size],
            weight_sums: vec![0.0; size],
            transitions: vec![0.0; TRANSITION_ROWS * TAG_COUNT],
            transition_sums: vec![0.0; TRANSITION_ROWS * TAG_COUNT],
            step: 1.0,
        }
    }

    /// Number of features the trainer keeps weights for.
    pub fn feature_count(&self) -> usize {
        self.ids.len()
    }

    /// Maps a sentence's hashed features to the trainer's rows.
    pub fn prepare(&self, features: &[Vec<u64>], gold: &[Tag]) -> TrainingSentence {
        let features = features
            .iter()
            .map(|token| {
                token
                    .iter()
                    .filter_map(|id| self.index.get(id).copied())
                    .collect()
            })
            .collect();
        TrainingSentence {
            features,
            gold: gold.iter().map(|tag| tag.index()).collect(),
        }
    }

    /// One pass over `sentences` in the given order; returns the number of mistagged tokens.
    pub fn epoch(&mut self, sentences: &[TrainingSentence], order: &[usize]) -> usize {
        let mut mistakes = 0;
        for &number in order {
            let Some(sentence) = sentences.get(number) else {
                continue;
            };
            let scores: Vec<[f32; TAG_COUNT]> = sentence
                .features
                .iter()
                .map(|rows| self.scores(rows))
                .collect();
            let predicted = best_tags(&scores, &self.transitions);
            if predicted != sentence.gold {
                mistakes += predicted
                    .iter()
                    .zip(&sentence.gold)
                    .filter(|(p, g)| p != g)
                    .count();
                self.update(sentence, &predicted);
            }
            self.step += 1.0;
        }
        mistakes
    }

    fn scores(&self, rows: &[u32]) -> [f32; TAG_COUNT] {
        let mut scores = [0f32; TAG_COUNT];
        for &row in rows {
            let start = row as usize * TAG_COUNT;
            for (score, weight) in scores
                .iter_mut()
                .zip(&self.weights[start..start + TAG_COUNT])
            {
                *score += weight;
            }
        }
        scores
    }

    fn update(&mut self, sentence: &TrainingSentence, predicted: &[usize]) {
        let step = self.step;
        for (position, (&gold, &guess)) in sentence.gold.iter().zip(predicted).enumerate() {
            if gold != guess {
                for &row in &sentence.features[position] {
                    let start = row as usize * TAG_COUNT;
                    for (tag, delta) in [(gold, 1.0f32), (guess, -1.0)] {
                        self.weights[start + tag] += delta;
                        self.weight_sums[start + tag] += step * delta;
                    }
                }
            }
            let previous_gold = if position == 0 {
                TAG_COUNT
            } else {
                sentence.gold[position - 1]
            };
            let previous_guess = if position == 0 {
                TAG_COUNT
            } else {
                predicted[position - 1]
            };
            if (previous_gold, gold) != (previous_guess, guess) {
                for (cell, delta) in [
                    (previous_gold * TAG_COUNT + gold, 1.0f32),
                    (previous_guess * TAG_COUNT + guess, -1.0),
                ] {
                    self.transitions[cell] += delta;
                    self.transition_sums[cell] += step * delta;
                }
            }
        }
    }

    /// The averaged model, without features whose weights are all smaller than `prune`.
    pub fn averaged(&self, prune: f32) -> Model {
        let average = |weights: &[f32], sums: &[f32]| -> Vec<f32> {
            weights
                .iter()
                .zip(sums)
                .map(|(w, s)| w - s / self.step)
                .collect()
        };
        let weights = average(&self.weights, &self.weight_sums);
        let rows = self
            .ids
            .iter()
            .enumerate()
            .filter_map(|(row, &id)| {
                let mut scores = [0f32; TAG_COUNT];
                scores.copy_from_slice(&weights[row * TAG_COUNT..(row + 1) * TAG_COUNT]);
                scores
                    .iter()
                    .any(|w| w.abs() >= prune)
                    .then_some((id, scores))
            })
            .collect();
        Model::from_rows(rows, average(&self.transitions, &self.transition_sums))
    }
}

/// A deterministic shuffle (xorshift64*) of `0..count` for epoch `seed`.
pub fn shuffled(count: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    let mut state = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    for i in (1..count).rev() {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let j = (state.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::EntityKind;

    #[test]
    fn learns_a_separable_toy_problem() {
        let person = Tag::Unit(EntityKind::Person);
        let sentences_raw = [
            (vec![vec![1u64], vec![2]], vec![person, Tag::Outside]),
            (vec![vec![2], vec![1]], vec![Tag::Outside, person]),
        ];
        let mut trainer = Trainer::new(
            sentences_raw
                .iter()
                .flat_map(|(f, _)| f.iter().map(Vec::as_slice)),
            1,
        );
        let sentences: Vec<TrainingSentence> = sentences_raw
            .iter()
            .map(|(f, g)| trainer.prepare(f, g))
            .collect();
        for epoch in 0..5 {
            trainer.epoch(&sentences, &shuffled(2, epoch));
        }
        assert_eq!(trainer.epoch(&sentences, &[0, 1]), 0);
        let model = trainer.averaged(0.0);
        let mut scores = [0f32; TAG_COUNT];
        model.score(&[1], &mut scores);
        assert!(scores[person.index()] > scores[Tag::Outside.index()]);
    }

    #[test]
    fn shuffle_is_a_permutation() {
        let mut order = shuffled(100, 3);
        assert_ne!(order, (0..100).collect::<Vec<_>>());
        order.sort_unstable();
        assert_eq!(order, (0..100).collect::<Vec<_>>());
    }
}
