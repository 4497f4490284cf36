//! Synthetic streams: reproducible articles from a fixed seed, for tests and benchmarks.
//!
//! A handful of story vocabularies (made-up words and names) recur through the stream, so stories form;
//! common filler words are shared by all. A few articles are exact copies of a recent one under a new id
//! (another outlet running the same wire text), a few are near copies (one sentence added). With
//! [`Synthetic::renewing`] stories are replaced by new ones as the stream goes on (for long benchmarks).

use newsbrief_core::Article;

/// A small, fast, reproducible pseudo-random generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ONSETS: &[&str] = &[
    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "tr", "st", "gl",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou"];

/// A made-up word of `syllables` syllables.
fn word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(rng.pick::<&str>(ONSETS));
        w.push_str(rng.pick::<&str>(VOWELS));
    }
    w.push_str(rng.pick::<&str>(&["n", "r", "s", "l", "m"]));
    w
}

fn capitalised(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// One story's words.
struct Vocabulary {
    words: Vec<String>,
    names: Vec<String>,
}

impl Vocabulary {
    fn new(rng: &mut Rng) -> Vocabulary {
        Vocabulary {
            words: (0..40).map(|_| word(rng, 3)).collect(),
            names: (0..4).map(|_| capitalised(&word(rng, 2))).collect(),
        }
    }
}

/// Exact and near copies take one of this many latest articles.
const RECENT: usize = 10;

/// An endless synthetic stream: `Synthetic::new(stories, seed).take(n)`.
pub struct Synthetic {
    rng: Rng,
    seed: u64,
    filler: Vec<String>,
    vocabularies: Vec<Vocabulary>,
    outlets: Vec<String>,
    recent: std::collections::VecDeque<Article>,
    /// Every this many articles one story is replaced by a new one (0: never).
    renew: usize,
    next: usize,
}

impl Synthetic {
    /// A stream of `stories` recurring stories (all live for ever), one article a minute from
    /// 2024-02-01.
    pub fn new(stories: usize, seed: u64) -> Synthetic {
        let mut rng = Rng::new(seed);
        let filler = (0..300).map(|_| word(&mut rng, 2)).collect();
        let vocabularies = (0..stories.max(1))
            .map(|_| Vocabulary::new(&mut rng))
            .collect();
        Synthetic {
            rng,
            seed,
            filler,
            vocabularies,
            outlets: (0..12).map(|i| format!("Outlet {i}")).collect(),
            recent: std::collections::VecDeque::with_capacity(RECENT),
            renew: 0,
            next: 0,
        }
    }

    /// Replaces one story (in turn) by a new one every `every` articles, so stories start and go quiet
    /// as in a real stream.
    pub fn renewing(self, every: usize) -> Synthetic {
        Synthetic {
            renew: every,
            ..self
        }
    }

    fn article(&mut self) -> Article {
        let i = self.next;
        self.next += 1;
        if self.renew > 0 && i > 0 && i % self.renew == 0 {
            let slot = (i / self.renew) % self.vocabularies.len();
            self.vocabularies[slot] = Vocabulary::new(&mut self.rng);
        }
        let seed = self.seed;
        let rng = &mut self.rng;
        let id = format!("syn-{seed}-{i}");
        let outlet = Some(rng.pick::<String>(&self.outlets).clone());
        let published = Some(minutes_since_february(i as u64));
        let roll = rng.below(100);
        let story = &self.vocabularies[rng.below(self.vocabularies.len())];
        if roll < 8 && self.recent.len() == RECENT {
            let original = self.recent[rng.below(RECENT)].clone();
            if roll < 4 {
                // An exact copy of a recent article, under a new id.
                return Article {
                    id,
                    outlet,
                    published,
                    ..original
                };
            }
            // A near copy: a recent article with one more sentence.
            let extra = sentence(rng, story, &self.filler);
            return Article {
                id,
                outlet,
                published,
                text: format!("{}\n\n{extra}", original.text),
                ..original
            };
        }
        let title = format!(
            "{} {} {} {}",
            rng.pick::<String>(&story.names),
            rng.pick::<String>(&story.words),
            rng.pick::<String>(&self.filler),
            rng.pick::<String>(&story.words)
        );
        let paragraphs: Vec<String> = (0..3 + rng.below(3))
            .map(|_| {
                (0..2 + rng.below(2))
                    .map(|_| sentence(rng, story, &self.filler))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        Article {
            id,
            text: paragraphs.join("\n\n"),
            title: Some(title),
            outlet,
            published,
            url: Some(format!("https://example.org/{seed}/{i}")),
        }
    }
}

impl Iterator for Synthetic {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        let article = self.article();
        if self.recent.len() == RECENT {
            self.recent.pop_front();
        }
        self.recent.push_back(article.clone());
        Some(article)
    }
}

/// `n` articles of `stories` recurring stories, from `seed`.
pub fn stream(n: usize, stories: usize, seed: u64) -> Vec<Article> {
    Synthetic::new(stories, seed).take(n).collect()
}

/// 2024-02-01T00:00:00Z plus `minutes`, as RFC 3339.
fn minutes_since_february(minutes: u64) -> String {
    let days = minutes / (24 * 60);
    let (h, m) = ((minutes / 60) % 24, minutes % 60);
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = 19_754 + days as i64 + 719_468; // 19,754: 2024-02-01
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:00Z")
}

/// One sentence: story words, filler and a name or two.
fn sentence(rng: &mut Rng, story: &Vocabulary, filler: &[String]) -> String {
    let len = 12 + rng.below(10);
    let mut words: Vec<String> = Vec::with_capacity(len);
    words.push(capitalised(rng.pick::<String>(filler)));
    for _ in 1..len {
        let r = rng.below(100);
        words.push(if r < 45 {
            rng.pick(&story.words).clone()
        } else if r < 55 {
            rng.pick(&story.names).clone()
        } else {
            rng.pick(filler).clone()
        });
    }
    format!("{}.", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_have_copies() {
        let a = stream(300, 5, 7);
        assert_eq!(a, stream(300, 5, 7));
        assert_ne!(a, stream(300, 5, 8));
        let texts: std::collections::HashSet<&str> = a.iter().map(|x| x.text.as_str()).collect();
        assert!(texts.len() < a.len(), "some exact copies");
        let ids: std::collections::HashSet<&str> = a.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids.len(), a.len());
    }

    #[test]
    fn one_article_a_minute_from_february() {
        assert_eq!(minutes_since_february(0), "2024-02-01T00:00:00Z");
        assert_eq!(
            minutes_since_february(29 * 1440 + 61),
            "2024-03-01T01:01:00Z"
        );
        assert_eq!(minutes_since_february(335 * 1440), "2025-01-01T00:00:00Z");
    }

    #[test]
    fn renewed_stories_bring_new_words() {
        let words = |articles: &[Article]| -> std::collections::HashSet<String> {
            articles
                .iter()
                .flat_map(|a| a.text.split_whitespace().map(str::to_owned))
                .collect()
        };
        let fixed: Vec<Article> = Synthetic::new(3, 1).take(400).collect();
        let renewed: Vec<Article> = Synthetic::new(3, 1).renewing(50).take(400).collect();
        assert!(words(&renewed).len() > words(&fixed).len() + 100);
    }
}
