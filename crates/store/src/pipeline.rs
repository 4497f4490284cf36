//! Pipeline: the detector's decisions over a run of articles, with the profiles of the next few articles
//! computed on the other cores while the detector (which must go in order, on one thread) decides the
//! current ones.

use newsbrief_core::Article;
use newsbrief_stream::{Decision, Detector, Profile};
use rayon::prelude::*;

/// Articles profiled together while the detector takes the previous ones.
const CHUNK: usize = 32;

/// The detector's decision for each article, in order (each article taken in by the detector).
pub(crate) fn decide(detector: &mut Detector, articles: &[&Article]) -> Vec<Decision> {
    let profile =
        |chunk: &[&Article]| -> Vec<Profile> { chunk.par_iter().map(|a| Profile::of(a)).collect() };
    let mut chunks = articles.chunks(CHUNK);
    let mut decisions = Vec::with_capacity(articles.len());
    let Some(first) = chunks.next() else {
        return decisions;
    };
    let mut current = (first, profile(first));
    loop {
        let next = chunks.next();
        let (profiled, decided) = rayon::join(
            || next.map(|chunk| (chunk, profile(chunk))),
            || {
                let (chunk, profiles) = &current;
                chunk
                    .iter()
                    .zip(profiles)
                    .map(|(a, p)| detector.assign(&a.id, p))
                    .collect::<Vec<_>>()
            },
        );
        decisions.extend(decided);
        match profiled {
            Some(next) => current = next,
            None => return decisions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsbrief_stream::Settings;

    #[test]
    fn the_same_decisions_as_one_at_a_time() {
        let articles = crate::synthetic::stream(300, 4, 3);
        let refs: Vec<&Article> = articles.iter().collect();
        let mut piped = Detector::new(Settings::default());
        let got = decide(&mut piped, &refs);
        let mut plain = Detector::new(Settings::default());
        let want: Vec<Decision> = articles
            .iter()
            .map(|a| plain.assign(&a.id, &Profile::of(a)))
            .collect();
        assert_eq!(got, want);
        assert_eq!(piped.snapshot(), plain.snapshot());
    }
}
