//! Best tag sequence of a sentence under per-token scores and tag-transition scores, restricted
//! to well-formed BILOU sequences (an `I-X` or `L-X` only continuing an open `X`, every entity
//! closed by its `L-X`, or a `U-X` alone).

use std::sync::OnceLock;

use crate::model::TRANSITION_ROWS;
use crate::tag::{Tag, TAG_COUNT};

/// The highest-scoring well-formed tag indexes for the per-token `scores`.
/// `transitions[previous * TAG_COUNT + tag]`, with row `TAG_COUNT` for the sentence start.
pub fn best_tags(scores: &[[f32; TAG_COUNT]], transitions: &[f32]) -> Vec<usize> {
    if scores.is_empty() || transitions.len() < TRANSITION_ROWS * TAG_COUNT {
        return vec![0; scores.len()];
    }
    // into[tag][previous]: the transition score, minus infinity where the step is ill-formed
    let allowed = allowed_steps();
    let mut into = [[f32::NEG_INFINITY; TAG_COUNT]; TAG_COUNT];
    for (tag, row) in into.iter_mut().enumerate() {
        for (previous, step) in row.iter_mut().enumerate() {
            if allowed[tag][previous] {
                *step = transitions[previous * TAG_COUNT + tag];
            }
        }
    }
    let mut best = [f32::NEG_INFINITY; TAG_COUNT];
    for (tag, value) in best.iter_mut().enumerate() {
        if Tag::from_index(tag).may_follow(None) {
            *value = scores[0][tag] + transitions[TAG_COUNT * TAG_COUNT + tag];
        }
    }
    let mut back: Vec<[u8; TAG_COUNT]> = Vec::with_capacity(scores.len());
    back.push([0; TAG_COUNT]);
    for token_scores in &scores[1..] {
        let mut next = [f32::NEG_INFINITY; TAG_COUNT];
        let mut pointers = [0u8; TAG_COUNT];
        for (tag, steps) in into.iter().enumerate() {
            for (previous, (&previous_score, &step)) in best.iter().zip(steps).enumerate() {
                let candidate = previous_score + step;
                if candidate > next[tag] {
                    next[tag] = candidate;
                    pointers[tag] = previous as u8;
                }
            }
            next[tag] += token_scores[tag];
        }
        best = next;
        back.push(pointers);
    }
    let mut tag = (0..TAG_COUNT).fold(0, |best_tag, tag| {
        if best[tag] > best[best_tag] && Tag::from_index(tag).may_end() {
            tag
        } else {
            best_tag
        }
    });
    let mut tags = vec![0; scores.len()];
    for position in (0..scores.len()).rev() {
        tags[position] = tag;
        tag = back[position][tag] as usize;
    }
    tags
}

/// `allowed[tag][previous]`: whether `tag` may follow `previous` (worked out once).
fn allowed_steps() -> &'static [[bool; TAG_COUNT]; TAG_COUNT] {
    static ALLOWED: OnceLock<[[bool; TAG_COUNT]; TAG_COUNT]> = OnceLock::new();
    ALLOWED.get_or_init(|| {
        std::array::from_fn(|tag| {
            std::array::from_fn(|previous| {
                Tag::from_index(tag).may_follow(Some(Tag::from_index(previous)))
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::EntityKind;

    #[test]
    fn repairs_an_entity_left_open_or_continued_from_nothing() {
        let mut first = [0f32; TAG_COUNT];
        first[Tag::Outside.index()] = 2.0;
        let mut second = [0f32; TAG_COUNT];
        second[Tag::Last(EntityKind::Person).index()] = 5.0;
        second[Tag::Begin(EntityKind::Person).index()] = 4.5;
        second[Tag::Unit(EntityKind::Person).index()] = 4.0;
        let tags = best_tags(&[first, second], &[0.0; TRANSITION_ROWS * TAG_COUNT]);
        assert_eq!(
            tags,
            [Tag::Outside.index(), Tag::Unit(EntityKind::Person).index()]
        );
    }
}
