//! Best tag sequence of a sentence under per-token scores and tag-transition scores, restricted
//! to well-formed BILOU sequences (an `I-X` or `L-X` only continuing an open `X`, every entity
//! closed by its `L-X`, or a `U-X` alone).

use std::sync::OnceLock;

use crate::model::TRANSITION_ROWS;
use crate::tag::{EntityKind, Tag, TAG_COUNT};

/// Tags that leave no entity open (`O`, `L-X`, `U-X`): the tags after which `O`, `B-X` and
/// `U-X` may come.
const CLOSING: usize = 1 + 2 * EntityKind::ALL.len();

/// Tags continuing an entity (`I-X`, `L-X`) follow one of two open tags (`B-X`, `I-X`).
const OPEN_OF_A_KIND: usize = 2;

/// The well-formed steps between tags, worked out once from [`Tag::may_follow`]: 97 of the 289
/// pairs, in two shapes, so that Viterbi looks at those only, in fixed-length loops.
struct Steps {
    /// The closing tags, in index order.
    closing: [usize; CLOSING],
    /// For each tag, the open tags it continues (in index order), or none when it follows the
    /// closing tags.
    continues: [Option<[usize; OPEN_OF_A_KIND]>; TAG_COUNT],
}

fn steps() -> &'static Steps {
    static STEPS: OnceLock<Steps> = OnceLock::new();
    STEPS.get_or_init(|| {
        let tags = || (0..TAG_COUNT).map(Tag::from_index);
        let follows = |tag: Tag| {
            tags()
                .enumerate()
                .filter(move |&(_, from)| tag.may_follow(Some(from)))
        };
        let mut closing = [0; CLOSING];
        for (slot, (index, _)) in closing.iter_mut().zip(follows(Tag::Outside)) {
            *slot = index;
        }
        let continues = std::array::from_fn(|tag| {
            let mut open = follows(Tag::from_index(tag)).map(|(index, _)| index);
            match (open.next(), open.next()) {
                (Some(first), Some(second)) if !closing.contains(&first) => Some([first, second]),
                _ => None,
            }
        });
        Steps { closing, continues }
    })
}

/// The highest-scoring well-formed tag indexes for the per-token `scores`.
/// `transitions[previous * TAG_COUNT + tag]`, with row `TAG_COUNT` for the sentence start.
pub fn best_tags(scores: &[[f32; TAG_COUNT]], transitions: &[f32]) -> Vec<usize> {
    if scores.is_empty() || transitions.len() < TRANSITION_ROWS * TAG_COUNT {
        return vec![0; scores.len()];
    }
    let steps = steps();
    // after_closing[tag][j]: the transition score from the j-th closing tag into `tag`
    let after_closing: [[f32; CLOSING]; TAG_COUNT] = std::array::from_fn(|tag| {
        steps
            .closing
            .map(|previous| transitions[previous * TAG_COUNT + tag])
    });
    let mut best = [f32::NEG_INFINITY; TAG_COUNT];
    for (tag, value) in best.iter_mut().enumerate() {
        if Tag::from_index(tag).may_follow(None) {
            *value = scores[0][tag] + transitions[TAG_COUNT * TAG_COUNT + tag];
        }
    }
    let mut back: Vec<[u8; TAG_COUNT]> = Vec::with_capacity(scores.len());
    back.push([0; TAG_COUNT]);
    for token_scores in &scores[1..] {
        let closing_best = steps.closing.map(|previous| best[previous]);
        let mut next = [f32::NEG_INFINITY; TAG_COUNT];
        let mut pointers = [0u8; TAG_COUNT];
        for tag in 0..TAG_COUNT {
            // ties go to the lowest previous tag
            let mut keep_best = |previous: usize, candidate: f32| {
                if candidate > next[tag] {
                    next[tag] = candidate;
                    pointers[tag] = previous as u8;
                }
            };
            match steps.continues[tag] {
                Some(open) => {
                    for previous in open {
                        keep_best(
                            previous,
                            best[previous] + transitions[previous * TAG_COUNT + tag],
                        );
                    }
                }
                None => {
                    for ((&previous, &score), &step) in steps
                        .closing
                        .iter()
                        .zip(&closing_best)
                        .zip(&after_closing[tag])
                    {
                        keep_best(previous, score + step);
                    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_steps_looked_at_are_the_well_formed_ones() {
        let steps = steps();
        for tag in 0..TAG_COUNT {
            let looked_at: &[usize] = match &steps.continues[tag] {
                Some(open) => open,
                None => &steps.closing,
            };
            let well_formed: Vec<usize> = (0..TAG_COUNT)
                .filter(|&from| Tag::from_index(tag).may_follow(Some(Tag::from_index(from))))
                .collect();
            assert_eq!(looked_at, well_formed, "{:?}", Tag::from_index(tag));
        }
    }

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
