//! Restatements: outlets word the same fact differently ("closes Monday for six weeks" / "from Monday
//! the bridge will be off-limits for six weeks"), so two such sentences can look less alike than the
//! redundancy cut-off asks. A candidate that names nothing a chosen sentence does not already name (no new
//! name, figure or date) and shares enough of its terms says that sentence's fact again.

use rustc_hash::FxHashSet;

use super::candidates::Pool;

/// Fewer specifics than this are too little to call two sentences the same fact.
const LEAST_SPECIFICS: usize = 3;
/// Share of the candidate's term weight the chosen sentence must also have.
const LEAST_SHARED_TERMS: f32 = 0.3;

/// The specifics of each candidate — the names, figures and dates it states — as sorted term ids.
pub struct Specifics(Vec<Vec<u32>>);

impl Specifics {
    /// A word is a name when it is capitalised inside the sentence, or opens it and the story capitalises
    /// it inside a sentence elsewhere too; a figure when it has a digit or is a number word.
    pub fn of(pool: &Pool) -> Specifics {
        let names: FxHashSet<u32> = pool
            .candidates
            .iter()
            .flat_map(|c| &c.specifics)
            .filter(|w| w.capitalised && !w.first)
            .map(|w| w.id)
            .collect();
        Specifics(
            pool.candidates
                .iter()
                .map(|c| {
                    let mut ids: Vec<u32> = c
                        .specifics
                        .iter()
                        .filter(|w| w.figure || !w.first || names.contains(&w.id))
                        .map(|w| w.id)
                        .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                })
                .collect(),
        )
    }

    /// Whether candidate `candidate` restates `chosen`, given the share of its term weight that `chosen`
    /// also has.
    pub fn restates(&self, candidate: usize, chosen: usize, shared_terms: f32) -> bool {
        let (mine, theirs) = (&self.0[candidate], &self.0[chosen]);
        shared_terms >= LEAST_SHARED_TERMS
            && mine.len() >= LEAST_SPECIFICS
            && mine.iter().all(|w| theirs.binary_search(w).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::summary::candidates::collect;
    use crate::Article;

    fn pool(texts: &[&str]) -> Pool {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("a{i}"), *t))
            .collect();
        let docs: Vec<Document> = articles
            .iter()
            .map(|a| Document::analyse(&a.text))
            .collect();
        collect(&articles, &docs)
    }

    #[test]
    fn a_sentence_naming_nothing_new_restates_and_one_with_a_new_figure_does_not() {
        let pool = pool(&[
            "Millbrook's Ash River Bridge closes Monday and will stay shut for six weeks of repairs to its deck.",
            "Starting Monday the Millbrook bridge will be off-limits to cars and trucks for six weeks while crews rebuild the deck.",
            "Starting Monday the Millbrook bridge will be closed to cars and trucks for eight weeks while crews rebuild the deck.",
        ]);
        let specifics = Specifics::of(&pool);
        // "Starting" opens its sentence and is written capitalised nowhere else: not a name.
        assert_eq!(specifics.0[1].len(), 3, "Monday, Millbrook, six");
        assert!(specifics.restates(1, 0, 0.35));
        assert!(!specifics.restates(1, 0, 0.2), "too few shared terms");
        assert!(!specifics.restates(2, 0, 0.35), "eight weeks is new");
    }
}
