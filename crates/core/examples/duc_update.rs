//! Focused and update summaries on the DUC 2007 update topics (issue 15), scored as NIST did:
//! ROUGE-1.5.5 (`-n 4 -m -2 4 -u -f A -p 0.5 -t 0`, stemmed, stop words kept), each summary truncated to
//! 100 words, recall jackknifed over the four references.
//!
//!     cargo run --release -p newsbrief-core --example duc_update -- ../shared/data/duc2007-update
//!
//! Runs: set A focused on the topic statement; sets B (A seen) and C (A and B seen) as update summaries
//! with the same focus and concept coverage; all 100 words. Beside them today's generic summary of each set, and a 250-word
//! focused summary of all 25 articles (DUC 2006-style) scored, as a proxy, against the twelve 100-word
//! references of the topic (there are no 250-word ones). The focus and novelty weights are chosen on a
//! small grid; leave-one-topic-out figures pick them on four topics and score the fifth. Reads NIST data
//! from the given folder and writes nothing.

use std::fs;
use std::path::{Path, PathBuf};

use newsbrief_core::{
    ingest, summarize, Article, ConceptWeights, GuideWeights, SeenConcepts, SummaryOptions,
};
use newsbrief_rouge::{Compat, Rouge155Options, RougeType, Scorer, Truncation};

struct Topic {
    id: String,
    focus: String,
    sets: [Vec<Article>; 3],
    /// References of each set.
    models: [Vec<String>; 3],
}

fn articles(dir: &Path) -> Vec<Article> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("set folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            let name = f.file_name().expect("name").to_string_lossy().into_owned();
            ingest::articles_from_file_noted(&name, &fs::read(f).expect("article"))
                .expect("article text")
                .0
        })
        .collect()
}

fn topics(root: &Path) -> Vec<Topic> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(root)
        .expect("DUC 2007 update folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.join("topic.txt").is_file())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|dir| {
            let id = dir
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let focus = fs::read_to_string(dir.join("topic.txt"))
                .expect("topic")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let set = |s: &str| articles(&dir.join(s));
            let models = |s: &str| {
                let mut files: Vec<PathBuf> = fs::read_dir(dir.join("models"))
                    .expect("models")
                    .map(|e| e.expect("entry").path())
                    .filter(|p| {
                        p.file_name()
                            .is_some_and(|f| f.to_string_lossy().starts_with(&format!("{id}-{s}.")))
                    })
                    .collect();
                files.sort();
                files
                    .iter()
                    .map(|f| fs::read_to_string(f).expect("model"))
                    .collect::<Vec<_>>()
            };
            Topic {
                focus,
                sets: [set("A"), set("B"), set("C")],
                models: [models("A"), models("B"), models("C")],
                id,
            }
        })
        .collect()
}

/// Jackknifed ROUGE-2 and SU4 recall of `summary` truncated to 100 words.
fn score(scorer: &mut Scorer, summary: &str, models: &[String]) -> (f64, f64) {
    let refs: Vec<&str> = models.iter().map(String::as_str).collect();
    let s = scorer.score_jackknifed(summary, &refs);
    (
        s.get(RougeType::Rouge2).recall,
        s.get(RougeType::RougeSU4).recall,
    )
}

/// Per set (A, B, C) of each topic: (R-2, SU4).
type Run = Vec<[(f64, f64); 3]>;

fn run(topics: &[Topic], scorer: &mut Scorer, guide: Option<GuideWeights>) -> Run {
    topics
        .iter()
        .map(|t| {
            let mut out = [(0.0, 0.0); 3];
            for (k, slot) in out.iter_mut().enumerate() {
                *slot = summarize_set(t, k, guide, scorer);
            }
            out
        })
        .collect()
}

/// The scores of set `k`'s summary: generic without `guide`; with it, focused on the topic and, for
/// B and C, an update for a reader of the sets before.
fn summarize_set(
    t: &Topic,
    k: usize,
    guide: Option<GuideWeights>,
    scorer: &mut Scorer,
) -> (f64, f64) {
    let mut opts = SummaryOptions::with_words(100);
    if let Some(g) = guide {
        opts.guide = g;
        opts.focus = Some(t.focus.clone());
        opts.seen = t.sets[..k]
            .iter()
            .flatten()
            .map(|a| a.text.clone())
            .collect();
    }
    let summary = summarize(&t.sets[k], &opts).text();
    score(scorer, &summary, &t.models[k])
}

/// [`run`] of only `sets` (the others score 0).
fn run_sets(topics: &[Topic], scorer: &mut Scorer, guide: GuideWeights, sets: &[usize]) -> Run {
    topics
        .iter()
        .map(|t| {
            let mut out = [(0.0, 0.0); 3];
            for &k in sets {
                out[k] = summarize_set(t, k, Some(guide), scorer);
            }
            out
        })
        .collect()
}

/// Means of (R-2, SU4) over sets `sets` of topics `which`.
fn mean(run: &Run, which: &[usize], sets: &[usize]) -> (f64, f64) {
    let (mut r2, mut su4, mut n) = (0.0, 0.0, 0.0);
    for &t in which {
        for &s in sets {
            r2 += run[t][s].0;
            su4 += run[t][s].1;
            n += 1.0;
        }
    }
    (r2 / n, su4 / n)
}

/// Runs the update sets (B and C) with `guide` and prints their B+C row of a grid, labelled `name`.
fn update_grid_point(
    topics: &[Topic],
    scorer: &mut Scorer,
    guide: GuideWeights,
    name: &str,
) -> (GuideWeights, Run) {
    let all: Vec<usize> = (0..topics.len()).collect();
    let r = run_sets(topics, scorer, guide, &[1, 2]);
    let bc = mean(&r, &all, &[1, 2]);
    println!("| {name} | | {:.5} / {:.5} | |", bc.0, bc.1);
    (guide, r)
}

/// The grid point with the best mean R-2 + SU4 over sets `sets` of topics `rest` (the first on ties).
fn best(grid: &[(GuideWeights, Run)], rest: &[usize], sets: &[usize]) -> usize {
    let mut best = 0;
    for (i, (_, r)) in grid.iter().enumerate() {
        let (a, b) = (mean(r, rest, sets), mean(&grid[best].1, rest, sets));
        if a.0 + a.1 > b.0 + b.1 {
            best = i;
        }
    }
    best
}

/// Leave one topic out: for each topic, set A's knobs chosen from `focus_grid` and the updates' from
/// `update_grid` on the other topics, scored on it; prints each choice (`describe`) and the row `name`.
fn leave_one_out(
    topics: &[Topic],
    focus_grid: &[(GuideWeights, Run)],
    update_grid: &[(GuideWeights, Run)],
    name: &str,
    describe: impl Fn(&GuideWeights) -> String,
) {
    let all: Vec<usize> = (0..topics.len()).collect();
    let mut loo: Run = Vec::new();
    for (held, topic) in topics.iter().enumerate() {
        let rest: Vec<usize> = all.iter().copied().filter(|&t| t != held).collect();
        let f = best(focus_grid, &rest, &[0]);
        let u = best(update_grid, &rest, &[1, 2]);
        println!(
            "held out {}{name}: focus {}; {}",
            topic.id,
            focus_grid[f].0.focus,
            describe(&update_grid[u].0)
        );
        let (a, bc) = (&focus_grid[f].1[held], &update_grid[u].1[held]);
        loo.push([a[0], bc[1], bc[2]]);
    }
    row(
        &format!("leave-one-topic-out{name} (knobs chosen on the other 4)"),
        &loo,
        &all,
    );
}

fn row(name: &str, run: &Run, which: &[usize]) {
    let abc = mean(run, which, &[0, 1, 2]);
    let bc = mean(run, which, &[1, 2]);
    let a = mean(run, which, &[0]);
    println!(
        "| {name} | {:.5} / {:.5} | {:.5} / {:.5} | {:.5} / {:.5} |",
        a.0, a.1, bc.0, bc.1, abc.0, abc.1
    );
}

fn main() {
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data/duc2007-update".into()),
    );
    let topics = topics(&root);
    let all: Vec<usize> = (0..topics.len()).collect();
    let mut scorer = Scorer::new(Compat::Rouge155(Rouge155Options {
        truncation: Truncation::Words(100),
        ..Rouge155Options::default()
    }));
    println!("{} topics; jackknifed recall, R-2 / SU4\n", topics.len());
    println!("| run | A (focused) | B+C (update) | A+B+C |\n| --- | --- | --- | --- |");
    let generic = run(&topics, &mut scorer, None);
    row("generic summary of each set (today)", &generic, &all);
    let default = GuideWeights::default();
    let guided = run(&topics, &mut scorer, Some(default));
    row(
        &format!(
            "focus + update, defaults (focus {}, update focus {}, novelty {}, repeat {}, concept gain {})",
            default.focus, default.update_focus, default.novelty, default.repeat, default.concepts.gain
        ),
        &guided,
        &all,
    );
    // The knobs: the focus weight (set A, no seen articles), and the focus and novelty weights of an
    // update (sets B and C). Each grid is read only on the sets it governs.
    let mut focus_grid = Vec::new();
    for focus in [0.3, 0.5, 0.6, 0.7, 0.9] {
        let g = GuideWeights { focus, ..default };
        let r = run_sets(&topics, &mut scorer, g, &[0]);
        let a = mean(&r, &all, &[0]);
        println!("| grid A: focus {focus} | {:.5} / {:.5} | | |", a.0, a.1);
        focus_grid.push((g, r));
    }
    let mut update_grid = Vec::new();
    for update_focus in [0.0, 0.15, 0.3] {
        for novelty in [0.15, 0.3, 0.45, 0.6] {
            let g = GuideWeights {
                update_focus,
                novelty,
                ..default
            };
            update_grid.push(update_grid_point(
                &topics,
                &mut scorer,
                g,
                &format!("grid B+C: update focus {update_focus}, novelty {novelty}"),
            ));
        }
    }
    // Leave one topic out: each knob chosen on the other four topics (mean R-2 + SU4 on its sets).
    leave_one_out(&topics, &focus_grid, &update_grid, "", |g| {
        format!("update focus {}, novelty {}", g.update_focus, g.novelty)
    });
    // Concept coverage (ICSI) in the update summaries (sets B and C): gain weight, minimum article count,
    // seen discount and focus boost, each beside the default update weights. (On set A, focused with no
    // seen articles, every gain from 0.25 to 100 lowered the scores: 0.128 / 0.158 at best.)
    let mut concept_grid = Vec::new();
    let no_concepts = GuideWeights {
        concepts: ConceptWeights {
            gain: 0.0,
            ..default.concepts
        },
        ..default
    };
    let without = run_sets(&topics, &mut scorer, no_concepts, &[1, 2]);
    let bc = mean(&without, &all, &[1, 2]);
    println!("| concepts: none | | {:.5} / {:.5} | |", bc.0, bc.1);
    for gain in [0.25, 0.5, 1.0, 2.0, 5.0, 100.0] {
        for min_df in [2, 3] {
            for seen in [
                SeenConcepts::Share,
                SeenConcepts::Dropped,
                SeenConcepts::NoveltyFactor,
            ] {
                for focus in [0.0, 1.0] {
                    let concepts = ConceptWeights {
                        gain,
                        min_df,
                        seen,
                        focus,
                    };
                    let g = GuideWeights {
                        concepts,
                        ..default
                    };
                    concept_grid.push(update_grid_point(
                        &topics,
                        &mut scorer,
                        g,
                        &format!(
                            "concepts: gain {gain}, min df {min_df}, seen {seen:?}, focus {focus}"
                        ),
                    ));
                }
            }
        }
    }
    // Leave one topic out over the concept grid, all of it or with some knobs fixed (the fewer knobs
    // chosen on four topics, the less noise); set A as above.
    type Keep = fn(&ConceptWeights) -> bool;
    let fewer: [(&str, Keep); 3] = [
        ("all concept knobs", |_| true),
        ("concepts, min df 2 and focus 1 fixed", |c| {
            c.min_df == 2 && c.focus == 1.0
        }),
        (
            "concepts, only the gain (min df 2, seen share, focus 1)",
            |c| c.min_df == 2 && c.focus == 1.0 && c.seen == SeenConcepts::Share,
        ),
    ];
    for (name, keep) in fewer {
        let pooled: Vec<(GuideWeights, Run)> = concept_grid
            .iter()
            .filter(|(g, _)| keep(&g.concepts))
            .cloned()
            .collect();
        leave_one_out(&topics, &focus_grid, &pooled, &format!(", {name}"), |g| {
            let c = g.concepts;
            format!(
                "concept gain {}, min df {}, seen {:?}, focus {}",
                c.gain, c.min_df, c.seen, c.focus
            )
        });
    }
    // DUC 2006-style: 250 words focused over all 25 articles, against the twelve 100-word references.
    let mut long = Scorer::new(Compat::Rouge155(Rouge155Options {
        truncation: Truncation::Words(250),
        ..Rouge155Options::default()
    }));
    for focus_weight in [None, Some(0.3), Some(0.5), Some(0.6), Some(0.7)] {
        let (mut r2, mut su4) = (0.0, 0.0);
        let mut set_a = (0.0, 0.0);
        for t in &topics {
            let mut opts = SummaryOptions::with_words(250);
            if let Some(focus) = focus_weight {
                opts.focus = Some(t.focus.clone());
                opts.guide.focus = focus;
            }
            let all_articles: Vec<Article> = t.sets.iter().flatten().cloned().collect();
            let summary = summarize(&all_articles, &opts).text();
            let models: Vec<String> = t.models.iter().flatten().cloned().collect();
            let (a, b) = score(&mut long, &summary, &models);
            r2 += a;
            su4 += b;
            // Set A alone, whose four references are focused (not update) summaries.
            let summary = summarize(&t.sets[0], &opts).text();
            let (a, b) = score(&mut long, &summary, &t.models[0]);
            set_a.0 += a;
            set_a.1 += b;
        }
        let n = topics.len() as f64;
        let name = focus_weight.map_or("generic".to_owned(), |f| format!("focused (focus {f})"));
        println!(
            "250 words over A+B+C, {name}, vs the 12 references of 100 words (proxy): R-2 {:.5} SU4 {:.5}",
            r2 / n,
            su4 / n
        );
        println!(
            "250 words over set A, {name}, vs its 4 focused references of 100 words (proxy): R-2 {:.5} SU4 {:.5}",
            set_a.0 / n,
            set_a.1 / n
        );
    }
    if let Ok(table) = fs::read_to_string(root.join("official/averages.tsv")) {
        println!("\nparticipants (official/averages.tsv, these 5 topics), R-2 / SU4:");
        let mut lines = table.lines();
        let _ = lines.next();
        let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
        let best = |col: usize| {
            rows.iter()
                .filter(|r| r[0].parse::<u32>().is_ok_and(|n| (36..=57).contains(&n)))
                .max_by(|a, b| {
                    a[col]
                        .parse::<f64>()
                        .unwrap_or(0.0)
                        .total_cmp(&b[col].parse::<f64>().unwrap_or(0.0))
                })
                .map(|r| (r[0].to_string(), r[col].to_string(), r[col + 4].to_string()))
        };
        if let (Some(abc), Some(bc)) = (best(3), best(4)) {
            println!("  best system A+B+C: {} {} / {}", abc.0, abc.1, abc.2);
            println!("  best system B+C (by R-2): {} {} / {}", bc.0, bc.1, bc.2);
        }
        for r in rows.iter().filter(|r| r[0] == "35" || r[0] == "58") {
            println!(
                "  baseline {}: A+B+C {} / {}, B+C {} / {}",
                r[0], r[3], r[7], r[4], r[8]
            );
        }
    }
}
