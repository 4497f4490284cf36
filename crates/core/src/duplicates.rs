//! Duplicates: which articles are copies of one report — the same file given twice, or one wire story run
//! by several outlets with light edits (a changed headline or sentence, a correction, a byline) — so that a
//! brief counts each report once, however many outlets ran it.
//!
//! Each text gets a MinHash [`Fingerprint`]: [`NUM_HASHES`] minimum hashes over its word 5-shingles, whose
//! fraction of agreements estimates the Jaccard similarity of the two shingle sets. The minimums are those
//! of one permutation hashing (each shingle hashed once, its hash's top bits choosing one of the
//! `NUM_HASHES` bins, empty bins filled from their neighbours): as accurate as `NUM_HASHES` independent
//! hash functions at a fraction of the work. Two articles with an
//! estimated similarity of at least [`NEAR_DUPLICATE`] are copies. [`Fingerprint::bands`] gives
//! locality-sensitive band keys, so a large collection (a stream) only compares the fingerprints that share
//! a key. Hashing is deterministic: fixed seeds and fixed mixing functions, the same on every run and
//! platform, so fingerprints can be stored and compared later.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::terms::words;

/// How many minimum hashes a fingerprint holds.
pub const NUM_HASHES: usize = 64;
/// LSH bands of a fingerprint ([`Fingerprint::bands`]).
pub const BANDS: usize = 16;
/// Hashes per LSH band: with 16 bands of 4, two texts of similarity 0.8 share a band key with probability
/// 0.9998, of 0.5 with probability 0.64, of 0.2 with probability 0.03.
pub const ROWS: usize = 4;
const _: () = assert!(BANDS * ROWS == NUM_HASHES);

/// Estimated Jaccard similarity at or above which two articles are copies of one report.
///
/// Chosen on the two labelled streams in `../shared/data/streams`, all pairs (`pairs_in_the_streams` in
/// `tests/integration/copies.rs`). duc2007-main (1,125 AP, NYT and Xinhua articles): 10 pairs at 0.5 or more, 4 at
/// 0.7, 3 at 0.8, 1 at 0.9. multinews-devtrain (967 web articles): 389, 389, 387 and 386, nearly all
/// scraped boilerplate repeated across unrelated stories (Wayback Machine crawl notices, "Tweet with a
/// location"). From 0.8 up every pair is one text twice: identical (a file sent again, boilerplate) or
/// one report lightly edited (an AP story re-filed with its attribution reworded, a column run again
/// with a paragraph cut, an NYT story with a few paragraphs added). From 0.5 to 0.8 are mostly wire
/// stories re-filed with a new top or new paragraphs (AP and NYT write-thrus with the day's news on top,
/// 0.55–0.73): a copy is not analysed, so counting them as copies would lose their new facts. Different
/// reports of one story stay at 0.5 or below (the highest are one desk's follow-ups reusing its
/// paragraphs; none of the five of `examples/sessions-kislyak` reaches 0.1).
/// With 64 hashes the estimate's standard deviation near 0.8 is 0.05, so a copy at 0.9 or more (a
/// changed sentence or two) is almost never missed, while a version with a fifth of new text may be.
pub const NEAR_DUPLICATE: f32 = 0.8;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Seed of the hash family (any fixed value; changing it changes every stored fingerprint).
const SEED: u64 = 0x6e65_7773_6272_6965; // "newsbrie"

/// MinHash signature of an article text: [`NUM_HASHES`] bin minimums over its word 5-shingles (words
/// are lowercased runs of letters and digits, as [`crate::terms::words`] gives them); a text of fewer
/// than 5 words has its whole word sequence as its one shingle. A text without words gives the empty
/// signature (all `u32::MAX`), which matches nothing, itself included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// One minimum per hash function, `NUM_HASHES` of them.
    pub hashes: Vec<u32>,
}

/// The splitmix64 finaliser: a fixed, well-mixing 64-bit permutation.
const fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The hash of a word, lowercased (character by character, so the ASCII fast path and the general one
/// agree).
fn word_hash(word: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = 0;
    let mut feed = |c: u32| h = (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(K);
    if word.is_ascii() {
        for b in word.bytes() {
            feed(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            feed(u32::from(c));
        }
    }
    splitmix64(h)
}

/// The hash of a shingle: its word hashes in order (`words[first..]` then `words[..first]`, a ring).
fn shingle_hash(words: &[u64], first: usize) -> u64 {
    let mut h = words.len() as u64;
    for k in 0..words.len() {
        let w = words[(first + k) % words.len()];
        h ^= w.rotate_left((13 * k as u32) % 64);
    }
    splitmix64(h)
}

/// Bits of a shingle's hash that choose its bin (`2^BIN_BITS == NUM_HASHES`).
const BIN_BITS: u32 = 6;
const _: () = assert!(1 << BIN_BITS == NUM_HASHES);

/// Puts a shingle's hash in its bin (the top bits), keeping the bin's minimum of the low 32 bits.
#[inline]
fn add(mins: &mut [u32; NUM_HASHES], filled: &mut u64, x: u64) {
    let bin = (x >> (64 - BIN_BITS)) as usize;
    mins[bin] = mins[bin].min(x as u32);
    *filled |= 1 << bin;
}

/// Fills each empty bin from the nearest filled bin after it (circularly), mixed with the distance, so
/// that two texts whose filled bins agree also agree on the empty ones ("densification" of one
/// permutation hashing, Shrivastava 2017).
fn densify(mins: &mut [u32; NUM_HASHES], filled: u64) {
    if filled == 0 {
        return;
    }
    for i in 0..NUM_HASHES {
        if filled & (1 << i) != 0 {
            continue;
        }
        let distance = (filled.rotate_right(i as u32)).trailing_zeros() as u64;
        let j = (i + distance as usize) % NUM_HASHES;
        mins[i] = splitmix64(SEED ^ (u64::from(mins[j]) << 8) ^ distance) as u32;
    }
}

impl Fingerprint {
    /// The fingerprint of `text`.
    pub fn of(text: &str) -> Fingerprint {
        let mut mins = [u32::MAX; NUM_HASHES];
        let mut filled = 0u64;
        let mut window = [0u64; SHINGLE];
        let mut n = 0usize;
        for word in words(text) {
            window[n % SHINGLE] = word_hash(word);
            n += 1;
            if n >= SHINGLE {
                // The oldest word of the window is the one the next word will replace.
                add(&mut mins, &mut filled, shingle_hash(&window, n % SHINGLE));
            }
        }
        if (1..SHINGLE).contains(&n) {
            add(&mut mins, &mut filled, shingle_hash(&window[..n], 0));
        }
        densify(&mut mins, filled);
        Fingerprint {
            hashes: mins.to_vec(),
        }
    }

    /// Whether this is the signature of a text without words (or not a signature at all).
    fn is_empty(&self) -> bool {
        self.hashes.len() != NUM_HASHES || self.hashes.iter().all(|&h| h == u32::MAX)
    }

    /// Estimated Jaccard similarity of the two shingle sets, 0..=1 (fraction of equal minhashes; 0 if
    /// either is empty).
    pub fn similarity(&self, other: &Fingerprint) -> f32 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let equal = self
            .hashes
            .iter()
            .zip(&other.hashes)
            .filter(|(a, b)| a == b)
            .count();
        equal as f32 / NUM_HASHES as f32
    }

    /// LSH band keys for candidate lookup: [`BANDS`] keys, each a u64 hash of (band index, [`ROWS`]
    /// consecutive hashes). Two fingerprints sharing any band key are candidates (to be confirmed with
    /// [`Fingerprint::similarity`]). The empty signature has no keys, as it matches nothing.
    pub fn bands(&self) -> Vec<u64> {
        if self.is_empty() {
            return Vec::new();
        }
        self.hashes
            .chunks_exact(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                rows.iter().fold(splitmix64(SEED ^ band as u64), |h, &r| {
                    splitmix64(h ^ u64::from(r))
                })
            })
            .collect()
    }
}

/// For each article, the index of the earlier article it is a copy of (None for an original); exact
/// duplicates and near-duplicates (similarity >= [`NEAR_DUPLICATE`]) both count; chains resolve to the
/// first original. An article is matched to the most similar earlier article that shares a band key with
/// it (the earliest on a tie); a text without words is never a copy nor copied.
pub fn copies_of(texts: &[&str]) -> Vec<Option<usize>> {
    let prints: Vec<Fingerprint> = texts.iter().map(|t| Fingerprint::of(t)).collect();
    let mut out: Vec<Option<usize>> = vec![None; texts.len()];
    let mut buckets: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut seen: FxHashSet<usize> = FxHashSet::default();
    for (i, print) in prints.iter().enumerate() {
        let keys = print.bands();
        let mut best: Option<(f32, usize)> = None;
        seen.clear();
        'search: for key in &keys {
            for &j in buckets.get(key).into_iter().flatten() {
                if !seen.insert(j) {
                    continue;
                }
                let s = print.similarity(&prints[j]);
                if s >= NEAR_DUPLICATE && best.is_none_or(|(b, k)| s > b || (s == b && j < k)) {
                    best = Some((s, j));
                    if s >= 1.0 {
                        // Nothing beats an exact match, and buckets list articles in input order, so
                        // this is the earliest one.
                        break 'search;
                    }
                }
            }
        }
        out[i] = best.map(|(_, j)| out[j].unwrap_or(j));
        for key in keys {
            buckets.entry(key).or_default().push(i);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const WIRE: &str = "WASHINGTON (AP) — Attorney General Jeff Sessions met twice last year with Russia's \
        ambassador to the United States, the Justice Department said Wednesday, encounters he did not \
        disclose when asked during his confirmation hearing about possible contacts between Donald Trump's \
        campaign and Russian officials.\n\nThe revelation prompted calls from Democrats for Sessions to \
        resign or at least recuse himself from an ongoing FBI investigation into Russian interference in \
        the election. The Justice Department said there was nothing improper about the meetings.\n\n\
        Sessions, who was an early Trump supporter and a policy adviser, met with Ambassador Sergey \
        Kislyak in July on the sidelines of the Republican National Convention and in September in his \
        office on Capitol Hill, according to the department. At the time, Sessions was a senator and a \
        member of the Senate Armed Services Committee.\n\nDuring his January confirmation hearing, \
        Sessions was asked what he would do if he learned of evidence that anyone affiliated with the \
        Trump campaign communicated with the Russian government in the course of the campaign. He \
        replied that he was not aware of any such activities and added that he did not have \
        communications with the Russians.\n\nSessions spokeswoman Sarah Isgur Flores said there was \
        absolutely nothing misleading about his answer. She said he was asked during the hearing about \
        communications between Russia and the Trump campaign, not about meetings he took as a senator.";

    const OTHER: &str = "Attorney General Jeff Sessions spoke twice with Russia's ambassador during the \
        presidential campaign, according to reports published late on Wednesday, contact that he failed \
        to mention during his Senate confirmation hearings.\n\nThe Washington Post first reported the two \
        conversations with Sergey Kislyak, one in July at a Heritage Foundation event and another in \
        September in the senator's office. The Justice Department confirmed both.\n\nDemocratic leaders \
        in Congress demanded that Sessions step aside from any inquiry into contacts between the Trump \
        campaign and Moscow, and some called for him to quit. Nancy Pelosi said he had lied under oath \
        and should resign.\n\nA spokeswoman for Sessions said the meetings were part of his work on the \
        Armed Services Committee, where he met more than 25 ambassadors last year, and had nothing to do \
        with the campaign. The White House called the reports another attack by partisan Democrats.";

    #[test]
    fn identical_texts_are_similar_one() {
        let a = Fingerprint::of(WIRE);
        assert_eq!(a.hashes.len(), NUM_HASHES);
        assert_eq!(a.similarity(&Fingerprint::of(WIRE)), 1.0);
        // Case, spacing and punctuation are not words.
        let shouted = WIRE.to_uppercase().replace("\n\n", "  ").replace(',', " ,");
        assert_eq!(a.similarity(&Fingerprint::of(&shouted)), 1.0);
        assert_eq!(copies_of(&[WIRE, WIRE, WIRE]), vec![None, Some(0), Some(0)]);
    }

    #[test]
    fn a_lightly_edited_copy_is_a_near_duplicate() {
        let a = Fingerprint::of(WIRE);
        // Another outlet's run: its own dateline and a sentence rewritten.
        let edited = WIRE
            .replace(
                "WASHINGTON (AP) —",
                "By the Associated Press\n\nWASHINGTON —",
            )
            .replace(
                "The Justice Department said there was nothing improper about the meetings.",
                "The department insisted the meetings were entirely proper.",
            );
        let s = a.similarity(&Fingerprint::of(&edited));
        assert!(s >= NEAR_DUPLICATE, "{s}");
        // A corrected re-publication: one fact fixed, a correction note appended.
        let corrected = WIRE.replace("in July", "in early July")
            + "\n\nThis story has been corrected to show that the first meeting was in early July.";
        let s = a.similarity(&Fingerprint::of(&corrected));
        assert!(s >= NEAR_DUPLICATE, "{s}");
        assert_eq!(
            copies_of(&[WIRE, OTHER, &edited, &corrected]),
            vec![None, None, Some(0), Some(0)]
        );
    }

    #[test]
    fn two_reports_of_one_story_are_not_copies() {
        let s = Fingerprint::of(WIRE).similarity(&Fingerprint::of(OTHER));
        assert!(s < 0.2, "{s}");
        assert_eq!(copies_of(&[WIRE, OTHER]), vec![None, None]);
    }

    #[test]
    fn chains_resolve_to_the_first_original() {
        // Each version differs a little from the one before, more from the first.
        let words: Vec<String> = (0..400).map(|i| format!("w{i}")).collect();
        let v0 = words.join(" ");
        let v1 = words[..380].join(" ");
        let v2 = words[..330].join(" ");
        let sim = |a: &str, b: &str| Fingerprint::of(a).similarity(&Fingerprint::of(b));
        assert!(sim(&v1, &v0) >= NEAR_DUPLICATE && sim(&v2, &v1) >= NEAR_DUPLICATE);
        assert_eq!(copies_of(&[&v0, &v1, &v2]), vec![None, Some(0), Some(0)]);
    }

    #[test]
    fn the_estimate_follows_the_true_jaccard() {
        // Two texts of distinct numbered words sharing a run: shingle sets with a known overlap.
        for (shared, own) in [(100, 0), (90, 10), (60, 40), (30, 70), (0, 100)] {
            let mut total = 0.0;
            for trial in 0..20 {
                let common: Vec<String> =
                    (0..shared + 4).map(|i| format!("c{trial}x{i}")).collect();
                let text = |tag: &str| {
                    let mut w = common.clone();
                    w.extend((0..own).map(|i| format!("{tag}{trial}x{i}")));
                    w.join(" ")
                };
                total += Fingerprint::of(&text("a")).similarity(&Fingerprint::of(&text("b")));
            }
            let want = shared as f32 / (shared + 2 * own) as f32;
            let got = total / 20.0;
            assert!((got - want).abs() < 0.05, "{shared}/{own}: {got} vs {want}");
        }
    }

    #[test]
    fn the_estimate_spreads_as_minhash_should() {
        // At a true Jaccard of 0.5 the estimate of 64 independent minimum hashes has a standard
        // deviation of sqrt(0.5 · 0.5 / 64) = 0.0625; correlated hash functions would spread it more.
        let trials = 200;
        let errors: Vec<f32> = (0..trials)
            .map(|trial| {
                let common: Vec<String> = (0..54).map(|i| format!("s{trial}y{i}")).collect();
                let text = |tag: &str| {
                    let mut w = common.clone();
                    w.extend((0..25).map(|i| format!("{tag}{trial}y{i}")));
                    w.join(" ")
                };
                Fingerprint::of(&text("a")).similarity(&Fingerprint::of(&text("b"))) - 0.5
            })
            .collect();
        let mean = errors.iter().sum::<f32>() / trials as f32;
        let sd = (errors.iter().map(|e| (e - mean).powi(2)).sum::<f32>() / trials as f32).sqrt();
        assert!(mean.abs() < 0.015, "bias {mean}");
        assert!((0.045..0.08).contains(&sd), "standard deviation {sd}");
    }

    #[test]
    fn empty_and_short_texts() {
        let empty = Fingerprint::of("");
        assert!(empty.hashes.iter().all(|&h| h == u32::MAX));
        assert_eq!(empty.similarity(&empty), 0.0);
        assert_eq!(empty.similarity(&Fingerprint::of(WIRE)), 0.0);
        assert!(empty.bands().is_empty());
        assert_eq!(Fingerprint::of(" — … !").similarity(&empty), 0.0);
        let short = Fingerprint::of("Sessions resigns");
        assert_eq!(
            short.similarity(&Fingerprint::of("SESSIONS  resigns!")),
            1.0
        );
        assert_eq!(
            short.similarity(&Fingerprint::of("Sessions resigns today")),
            0.0
        );
        assert_eq!(short.bands().len(), BANDS);
        assert_eq!(
            copies_of(&["", "", "Sessions resigns", "sessions resigns", "x"]),
            vec![None, None, None, Some(2), None]
        );
        assert!(copies_of(&[]).is_empty());
        let odd = Fingerprint {
            hashes: vec![1, 2, 3],
        };
        assert_eq!(odd.similarity(&short), 0.0);
        assert!(odd.bands().is_empty());
    }

    #[test]
    fn hashing_is_deterministic() {
        // Fixed values, the same on every run and platform: a change here changes every stored
        // fingerprint.
        let a = Fingerprint::of("The quick brown fox jumps over the lazy dog");
        assert_eq!(
            a,
            Fingerprint::of("the quick brown fox jumps over the lazy dog")
        );
        assert_eq!(
            a.hashes[..4],
            [2439527726, 323347584, 2826604658, 4163838646]
        );
        assert_eq!(
            Fingerprint::of("Sessions resigns").hashes[..2],
            [1169629148, 2818328797]
        );
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Fingerprint>(&json).unwrap(), a);
        assert_eq!(word_hash("Ñandú"), word_hash("ñANDÚ"));
        assert_eq!(word_hash("abc"), word_hash("ABC"));
    }

    /// Speed on a long article (run with `--ignored --nocapture`, ideally in release).
    #[test]
    #[ignore]
    fn speed() {
        let text = [WIRE, OTHER].join("\n\n").repeat(3);
        let n = 400;
        // Best of a few rounds, as other work on the machine only ever slows a round down.
        let best = |f: &dyn Fn(&str) -> u64| {
            (0..7)
                .map(|_| {
                    let start = std::time::Instant::now();
                    let mut sum = 0u64;
                    for i in 0..n {
                        sum = sum.wrapping_add(f(if i % 2 == 0 { &text[..] } else { &text[1..] }));
                    }
                    std::hint::black_box(sum);
                    start.elapsed().as_secs_f64() * 1e6 / n as f64
                })
                .fold(f64::INFINITY, f64::min)
        };
        let all = best(&|t| u64::from(Fingerprint::of(t).hashes[0]));
        // The same pass without the minimum hashes: what reading and hashing the shingles costs.
        let shingles = best(&|t| {
            let mut window = [0u64; SHINGLE];
            let mut sum = 0u64;
            for (k, word) in words(t).enumerate() {
                window[k % SHINGLE] = word_hash(word);
                sum = sum.wrapping_add(shingle_hash(&window, (k + 1) % SHINGLE));
            }
            sum
        });
        println!(
            "{} words: {all:.1} µs per article, {shingles:.1} µs of it reading shingles",
            words(&text).count()
        );
    }
}
