//! Best tag sequence of a sentence under per-token scores and tag-transition scores, restricted
//! to well-formed BIO sequences (an `I-X` only after a `B-X` or `I-X`).

use crate::model::TRANSITION_ROWS;
use crate::tag::{Tag, TAG_COUNT};

/// The highest-scoring well-formed tag indexes for the per-token `scores`.
/// `transitions[previous * TAG_COUNT + tag]`, with row `TAG_COUNT` for the sentence start.
pub fn best_tags(scores: &[[f32; TAG_COUNT]], transitions: &[f32]) -> Vec<usize> {
    if scores.is_empty() || transitions.len() < TRANSITION_ROWS * TAG_COUNT {
        return vec![0; scores.len()];
    }
    let transition = |previous: Option<usize>, tag: usize| {
        transitions[previous.unwrap_or(TAG_COUNT) * TAG_COUNT + tag]
    };
    let allowed = |previous: Option<usize>, tag: usize| {
        Tag::from_index(tag).may_follow(previous.map(Tag::from_index))
    };
    let mut best = [f32::NEG_INFINITY; TAG_COUNT];
    for (tag, value) in best.iter_mut().enumerate() {
        if allowed(None, tag) {
            *value = scores[0][tag] + transition(None, tag);
        }
    }
    let mut back: Vec<[u8; TAG_COUNT]> = Vec::with_capacity(scores.len());
    back.push([0; TAG_COUNT]);
    for token_scores in &scores[1..] {
        let mut next = [f32::NEG_INFINITY; TAG_COUNT];
        let mut pointers = [0u8; TAG_COUNT];
        for tag in 0..TAG_COUNT {
            for (previous, &previous_score) in best.iter().enumerate() {
                if previous_score == f32::NEG_INFINITY || !allowed(Some(previous), tag) {
                    continue;
                }
                let candidate = previous_score + transition(Some(previous), tag);
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
        if best[tag] > best[best_tag] {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::EntityKind;

    #[test]
    fn repairs_inside_after_outside() {
        let mut first = [0f32; TAG_COUNT];
        first[Tag::Outside.index()] = 1.0;
        let mut second = [0f32; TAG_COUNT];
        second[Tag::Inside(EntityKind::Person).index()] = 5.0;
        second[Tag::Begin(EntityKind::Person).index()] = 4.0;
        let tags = best_tags(&[first, second], &[0.0; TRANSITION_ROWS * TAG_COUNT]);
        assert_eq!(
            tags,
            [Tag::Outside.index(), Tag::Begin(EntityKind::Person).index()]
        );
    }
}
