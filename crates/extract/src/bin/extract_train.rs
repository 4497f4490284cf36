//! Trains the block model (`crates/extract/model/blocks.json`) on labelled article-extraction sets
//! and reports how it does on pages it was not trained on.
//!
//! Usage: `extract-train DATA_DIR... [--out MODEL.json] [--split-dir DIR]`
//!
//! Each DATA_DIR holds `ground-truth.json` (`{KEY: {"articleBody": TEXT}}`) and `html/KEY.html.gz`.
//! A block is labelled article text when most of its word 4-grams (its whole word sequence when
//! shorter) occur in the true body. Pages are split by a hash of their key: 30 % held out (never
//! used for training or for any choice), the rest in 5 folds. The report gives, per set, the
//! 5-fold cross-validated figures (each page scored by a model not trained on it, its threshold
//! chosen on the training folds), then the model trained on all non-held-out pages on the
//! held-out pages. `--out` writes that model; `--split-dir` writes each set's held-out pages, and
//! all of them together (`all-heldout`), as data directories (symbolic links) for running other
//! extractors on exactly those pages (`scripts/extract/heldout.sh`).
//! Training is deterministic: the same data give the same file.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use newsbrief_extract::learn::{self, Features, Model, PageBlocks, Tree, FEATURES};
use newsbrief_extract::metric::{score_page, summarise, PageScore, Summary};

/// Share of pages held out, in tenths.
const HELD_OUT_TENTHS: u64 = 3;
/// Cross-validation folds over the other pages.
const FOLDS: u64 = 5;
/// Words per shingle when labelling blocks (as in the metric).
const SHINGLE: usize = 4;
/// Boosting rounds (trees).
const ROUNDS: usize = 200;
/// Depth of each tree.
const DEPTH: usize = 3;
/// Shrinkage of each tree's values.
const LEARNING_RATE: f64 = 0.1;
/// L2 penalty on leaf values (in page weights: every page weighs 1).
const LAMBDA: f64 = 0.1;
/// Least hessian weight in a child of a split.
const MIN_CHILD_HESSIAN: f64 = 0.05;
/// Weight of a page seen with a mistaken container, relative to the page as the rules see it.
const MISTAKE_WEIGHT: f64 = 0.5;
/// Most bins per feature.
const BINS: usize = 32;
/// Thresholds tried.
const THRESHOLDS: &[f64] = &[
    0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8,
];

struct LabelledPage {
    set: String,
    key: String,
    truth: String,
    blocks: PageBlocks,
    labels: Vec<bool>,
    weights: Vec<f64>,
    hash: u64,
}

impl LabelledPage {
    fn held_out(&self) -> bool {
        self.hash % 10 < HELD_OUT_TENTHS
    }
    fn fold(&self) -> u64 {
        (self.hash / 10) % FOLDS
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut dirs = Vec::new();
    let mut out = None;
    let mut split_dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a file")?)),
            "--split-dir" => {
                split_dir = Some(PathBuf::from(args.next().ok_or("--split-dir needs a dir")?))
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        return Err("usage: extract-train DATA_DIR... [--out MODEL.json] [--split-dir DIR]".into());
    }
    let mut pages = Vec::new();
    for dir in &dirs {
        pages.extend(load_set(dir)?);
    }
    let sets: Vec<String> = dirs.iter().map(|d| set_name(d)).collect();
    eprintln!("{} pages loaded", pages.len());

    let dev: Vec<&LabelledPage> = pages.iter().filter(|p| !p.held_out()).collect();
    let held_out: Vec<&LabelledPage> = pages.iter().filter(|p| p.held_out()).collect();

    // Cross-validation over the non-held-out pages.
    let mut cv_scores: BTreeMap<(String, String), PageScore> = BTreeMap::new();
    // The same with the rules' container narrowed (a layout the rules miss part of).
    let mut cv_narrowed: BTreeMap<(String, String), PageScore> = BTreeMap::new();
    for fold in 0..FOLDS {
        let train: Vec<&LabelledPage> = dev.iter().copied().filter(|p| p.fold() != fold).collect();
        let model = train_model(&train, "cross-validation fold");
        eprintln!("fold {fold}: threshold {:.2}", model.threshold);
        for page in dev.iter().filter(|p| p.fold() == fold) {
            let score = score_with(&model, page);
            cv_scores.insert((page.set.clone(), page.key.clone()), score);
            if let Some(narrowed) = page.blocks.mistaken_features.first() {
                let score = score_features(&model, page, narrowed);
                cv_narrowed.insert((page.set.clone(), page.key.clone()), score);
            }
        }
    }
    let note = format!(
        "boosted-trees block model trained by extract-train on {} ({} pages, held-out ones left out)",
        sets.join(" + "),
        dev.len()
    );
    let model = train_model(&dev, &note);
    let rules = Model::rules_only();

    println!("| set | pages | evaluation | model | P | R | F1 |");
    println!("|---|---:|---|---|---:|---:|---:|");
    for set in sets.iter().map(Some).chain([None]) {
        let in_set = |p: &&&LabelledPage| set.is_none_or(|s| &p.set == s);
        let name = set.map_or("all", String::as_str);
        let dev_here: Vec<&LabelledPage> = dev.iter().copied().filter(|p| in_set(&p)).collect();
        let cv_of = |scores: &BTreeMap<(String, String), PageScore>| -> Vec<PageScore> {
            dev_here
                .iter()
                .filter_map(|p| scores.get(&(p.set.clone(), p.key.clone())).copied())
                .collect()
        };
        let cv = cv_of(&cv_scores);
        let narrowed_pages: Vec<&LabelledPage> = dev_here
            .iter()
            .copied()
            .filter(|p| !p.blocks.mistaken_features.is_empty())
            .collect();
        let narrowed_rules: Vec<PageScore> = narrowed_pages
            .iter()
            .map(|p| score_features(&rules, p, &p.blocks.mistaken_features[0]))
            .collect();
        let held: Vec<&LabelledPage> = held_out.iter().copied().filter(|p| in_set(&p)).collect();
        let all: Vec<&LabelledPage> = pages.iter().filter(|p| in_set(&p)).collect();
        let narrowed = "5-fold CV, container narrowed";
        let rows: [(&str, usize, &str, Summary); 7] = [
            ("5-fold CV", dev_here.len(), "learned", summarise(&cv)),
            (
                "5-fold CV",
                dev_here.len(),
                "rules only",
                evaluate(&rules, &dev_here),
            ),
            (
                narrowed,
                narrowed_pages.len(),
                "learned",
                summarise(&cv_of(&cv_narrowed)),
            ),
            (
                narrowed,
                narrowed_pages.len(),
                "rules only",
                summarise(&narrowed_rules),
            ),
            (
                "held out",
                held.len(),
                "learned (shipped)",
                evaluate(&model, &held),
            ),
            (
                "held out",
                held.len(),
                "rules only",
                evaluate(&rules, &held),
            ),
            (
                "all pages",
                all.len(),
                "learned (shipped)",
                evaluate(&model, &all),
            ),
        ];
        for (evaluation, count, which, s) in rows {
            println!(
                "| {name} | {count} | {evaluation} | {which} | {:.4} | {:.4} | {:.4} |",
                s.precision, s.recall, s.f1
            );
        }
    }
    if let Some(out) = out {
        std::fs::write(&out, serde_json::to_string_pretty(&model)? + "\n")?;
        eprintln!("model written to {}", out.display());
    }
    if let Some(split_dir) = split_dir {
        write_held_out(&split_dir, &dirs, &held_out)?;
    }
    Ok(())
}

fn set_name(dir: &Path) -> String {
    dir.file_name()
        .map_or("set".to_string(), |n| n.to_string_lossy().into_owned())
}

/// FNV-1a: a hash that stays the same across runs and platforms.
fn stable_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn load_set(dir: &Path) -> Result<Vec<LabelledPage>, Box<dyn std::error::Error>> {
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("ground-truth.json"))?)?;
    let truth = truth
        .as_object()
        .ok_or("ground-truth.json is not an object")?;
    let set = set_name(dir);
    let mut pages = Vec::new();
    for (key, entry) in truth {
        let compressed = std::fs::read(dir.join("html").join(format!("{key}.html.gz")))?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(compressed.as_slice()).read_to_end(&mut html)?;
        let text = entry["articleBody"].as_str().unwrap_or("").to_string();
        let blocks = learn::page_blocks(&html);
        let (labels, weights) = label(&blocks, &text);
        pages.push(LabelledPage {
            hash: stable_hash(key),
            set: set.clone(),
            key: key.clone(),
            truth: text,
            blocks,
            labels,
            weights,
        });
    }
    Ok(pages)
}

fn words(text: &str) -> Vec<&str> {
    static WORDS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    WORDS
        .get_or_init(|| regex::Regex::new(r"\w+").unwrap_or_else(|_| unreachable!("constant")))
        .find_iter(text)
        .map(|m| m.as_str())
        .collect()
}

/// Labels each block (article text or not) and weighs it by its share of the page's word n-grams,
/// so that every page weighs the same, as in the metric.
fn label(blocks: &PageBlocks, truth: &str) -> (Vec<bool>, Vec<f64>) {
    let gold = words(truth);
    let grams: Vec<HashSet<&[&str]>> = (1..=SHINGLE).map(|n| gold.windows(n).collect()).collect();
    let mut labels = Vec::new();
    let mut sizes = Vec::new();
    for text in blocks.texts() {
        let block = words(text);
        let n = block.len().clamp(1, SHINGLE);
        let windows: Vec<&[&str]> = block.windows(n).collect();
        let found = windows.iter().filter(|w| grams[n - 1].contains(*w)).count();
        labels.push(!windows.is_empty() && 2 * found > windows.len());
        sizes.push(windows.len().max(1) as f64);
    }
    let total: f64 = sizes.iter().sum::<f64>().max(1.0);
    (labels, sizes.iter().map(|s| s / total).collect())
}

/// The pages of each set.
fn by_set<'a>(pages: &[&'a LabelledPage]) -> BTreeMap<&'a str, Vec<&'a LabelledPage>> {
    let mut sets: BTreeMap<&str, Vec<&LabelledPage>> = BTreeMap::new();
    for page in pages {
        sets.entry(page.set.as_str()).or_default().push(page);
    }
    sets
}

/// Fits the model on the pages, each set weighing the same, and chooses its threshold on them
/// (the best mean F1 over the sets).
fn train_model(pages: &[&LabelledPage], note: &str) -> Model {
    let sets = by_set(pages);
    let set_weight =
        |set: &str| pages.len() as f64 / (sets.len() * sets.get(set).map_or(1, Vec::len)) as f64;
    let mut rows: Vec<(&Features, bool, f64)> = Vec::new();
    for page in pages {
        let factor = set_weight(&page.set);
        rows.extend(
            page.blocks
                .features
                .iter()
                .zip(&page.labels)
                .zip(&page.weights)
                .map(|((f, &l), &w)| (f, l, w * factor)),
        );
        for features in &page.blocks.mistaken_features {
            rows.extend(
                features
                    .iter()
                    .zip(&page.labels)
                    .zip(&page.weights)
                    .map(|((f, &l), &w)| (f, l, w * factor * MISTAKE_WEIGHT)),
            );
        }
    }
    let (base, trees) = fit_trees(&rows);
    let mut model = Model {
        note: note.to_string(),
        features: learn::feature_names(),
        base,
        trees,
        threshold: 0.5,
    };
    let mut best = (f64::MIN, 0.5);
    for &threshold in THRESHOLDS {
        model.threshold = threshold;
        let f1 = sets
            .values()
            .map(|set| evaluate(&model, set).f1)
            .sum::<f64>();
        if f1 > best.0 {
            best = (f1, threshold);
        }
    }
    model.threshold = best.1;
    model
}

fn score_with(model: &Model, page: &LabelledPage) -> PageScore {
    score_features(model, page, &page.blocks.features)
}

fn score_features(model: &Model, page: &LabelledPage, features: &[Features]) -> PageScore {
    let keep = model.keep(features);
    score_page(&page.blocks.article(&keep), &page.truth)
}

fn evaluate(model: &Model, pages: &[&LabelledPage]) -> Summary {
    let scores: Vec<PageScore> = pages.iter().map(|p| score_with(model, p)).collect();
    summarise(&scores)
}

/// Cut points of one feature: a value `x` falls in bin `b` when `cuts[b-1] < x <= cuts[b]`.
fn cut_points(rows: &[(&Features, bool, f64)], feature: usize) -> Vec<f32> {
    let mut values: Vec<f32> = rows.iter().map(|r| r.0[feature]).collect();
    values.sort_by(f32::total_cmp);
    let mut unique = values.clone();
    unique.dedup();
    let mut cuts: Vec<f32> = if unique.len() <= BINS {
        unique
    } else {
        (1..=BINS)
            .map(|k| values[(k * values.len() / BINS).min(values.len() - 1)])
            .collect()
    };
    cuts.dedup();
    // The last bin takes everything above the last cut.
    cuts.pop();
    cuts
}

fn bin_of(cuts: &[f32], x: f32) -> u8 {
    u8::try_from(cuts.partition_point(|&c| c < x)).unwrap_or(u8::MAX)
}

/// Gradient-boosted trees for the weighted logistic loss, grown level by level on binned features.
fn fit_trees(rows: &[(&Features, bool, f64)]) -> (f64, Vec<Tree>) {
    let d = FEATURES;
    let n = rows.len();
    let cuts: Vec<Vec<f32>> = (0..d).map(|j| cut_points(rows, j)).collect();
    let mut bins = vec![0u8; n * d];
    for (i, (f, _, _)) in rows.iter().enumerate() {
        for j in 0..d {
            bins[i * d + j] = bin_of(&cuts[j], f[j]);
        }
    }
    let total: f64 = rows.iter().map(|r| r.2).sum();
    let positive: f64 = rows.iter().filter(|r| r.1).map(|r| r.2).sum();
    let prior = (positive / total.max(f64::MIN_POSITIVE)).clamp(1e-6, 1.0 - 1e-6);
    let base = (prior / (1.0 - prior)).ln();
    let mut score = vec![base; n];
    let mut trees = Vec::with_capacity(ROUNDS);
    let inner = (1usize << DEPTH) - 1;
    let mut gradient = vec![0.0; n];
    let mut hessian = vec![0.0; n];
    let mut node_of = vec![0usize; n];
    for _ in 0..ROUNDS {
        for (i, (_, label, w)) in rows.iter().enumerate() {
            let p = 1.0 / (1.0 + (-score[i]).exp());
            gradient[i] = w * (p - if *label { 1.0 } else { 0.0 });
            hessian[i] = w * p * (1.0 - p);
        }
        node_of.fill(0);
        let mut features = vec![0u16; inner];
        let mut thresholds = vec![f32::MAX; inner];
        for level in 0..DEPTH {
            let first = (1usize << level) - 1;
            let count = 1usize << level;
            let mut histogram = vec![(0.0f64, 0.0f64); count * d * (BINS + 1)];
            for i in 0..n {
                let local = node_of[i] - first;
                let row_bins = &bins[i * d..(i + 1) * d];
                for (j, &b) in row_bins.iter().enumerate() {
                    let cell = &mut histogram[(local * d + j) * (BINS + 1) + usize::from(b)];
                    cell.0 += gradient[i];
                    cell.1 += hessian[i];
                }
            }
            let mut split_bin = vec![None; count];
            for local in 0..count {
                let feature_hist = |j: usize| {
                    let at = (local * d + j) * (BINS + 1);
                    &histogram[at..at + BINS + 1]
                };
                let (g, h) = feature_hist(0)
                    .iter()
                    .fold((0.0, 0.0), |a, c| (a.0 + c.0, a.1 + c.1));
                let parent_gain = g * g / (h + LAMBDA);
                let mut best: Option<(f64, usize, usize)> = None;
                for (j, feature_cuts) in cuts.iter().enumerate() {
                    let (mut gl, mut hl) = (0.0, 0.0);
                    for (b, cell) in feature_hist(j).iter().enumerate().take(feature_cuts.len()) {
                        gl += cell.0;
                        hl += cell.1;
                        let (gr, hr) = (g - gl, h - hl);
                        if hl < MIN_CHILD_HESSIAN || hr < MIN_CHILD_HESSIAN {
                            continue;
                        }
                        let gain = gl * gl / (hl + LAMBDA) + gr * gr / (hr + LAMBDA) - parent_gain;
                        if gain > 1e-12 && best.is_none_or(|(bg, _, _)| gain > bg) {
                            best = Some((gain, j, b));
                        }
                    }
                }
                if let Some((_, j, b)) = best {
                    features[first + local] = u16::try_from(j).unwrap_or(0);
                    thresholds[first + local] = cuts[j][b];
                    split_bin[local] = Some((j, b));
                }
            }
            for i in 0..n {
                let node = node_of[i];
                let right =
                    split_bin[node - first].is_some_and(|(j, b)| usize::from(bins[i * d + j]) > b);
                node_of[i] = 2 * node + if right { 2 } else { 1 };
            }
        }
        let mut sums = vec![(0.0f64, 0.0f64); inner + 1];
        for i in 0..n {
            let leaf = node_of[i] - inner;
            sums[leaf].0 += gradient[i];
            sums[leaf].1 += hessian[i];
        }
        let leaves: Vec<f64> = sums
            .iter()
            .map(|(g, h)| -LEARNING_RATE * g / (h + LAMBDA))
            .collect();
        for i in 0..n {
            score[i] += leaves[node_of[i] - inner];
        }
        trees.push(Tree {
            features,
            thresholds,
            leaves,
        });
    }
    (base, trees)
}

/// Writes each set's held-out pages, and all of them, as data directories: ground truth and links
/// to the pages.
fn write_held_out(
    split_dir: &Path,
    dirs: &[PathBuf],
    held_out: &[&LabelledPage],
) -> Result<(), Box<dyn std::error::Error>> {
    let mut all = serde_json::Map::new();
    for dir in dirs {
        let set = set_name(dir);
        let mut truth = serde_json::Map::new();
        for page in held_out.iter().filter(|p| p.set == set) {
            let entry = serde_json::json!({ "articleBody": page.truth });
            truth.insert(page.key.clone(), entry.clone());
            all.insert(page.key.clone(), entry);
            let name = format!("{}.html.gz", page.key);
            let source = std::fs::canonicalize(dir.join("html").join(&name))?;
            for out in [format!("{set}-heldout"), "all-heldout".to_string()] {
                let html = split_dir.join(out).join("html");
                std::fs::create_dir_all(&html)?;
                if !html.join(&name).exists() {
                    std::os::unix::fs::symlink(&source, html.join(&name))?;
                }
            }
        }
        let out = split_dir.join(format!("{set}-heldout"));
        std::fs::write(
            out.join("ground-truth.json"),
            serde_json::to_string(&truth)?,
        )?;
        eprintln!("held-out pages of {set} in {}", out.display());
    }
    let out = split_dir.join("all-heldout");
    std::fs::write(out.join("ground-truth.json"), serde_json::to_string(&all)?)?;
    Ok(())
}
