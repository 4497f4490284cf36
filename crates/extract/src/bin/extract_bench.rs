//! Article-extraction benchmark runner: extracts the benchmark's pages with newsbrief (and, with the
//! `compare` feature, dom_smoothie), or reads another extractor's predictions from a JSON file, and
//! scores everything with the one metric in `newsbrief_extract::metric`.
//!
//! Usage: `extract-bench DATA_DIR [--extractor ours|dom_smoothie]... [--predictions FILE]... [--per-page] [--dump FILE]`
//! (`--dump` writes the first run's predictions as JSON)
//! where FILE is `{"extractor": NAME, "seconds": S, "predictions": {KEY: TEXT}}`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use newsbrief_extract::metric::{score_page, summarise};

struct Run {
    name: String,
    seconds: f64,
    predictions: BTreeMap<String, String>,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let data: PathBuf = args.next().ok_or("usage: extract-bench DATA_DIR [--extractor NAME]... [--predictions FILE]... [--per-page]")?.into();
    let mut extractors = Vec::new();
    let mut prediction_files = Vec::new();
    let mut per_page = false;
    let mut dump = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--extractor" => extractors.push(args.next().ok_or("--extractor needs a name")?),
            "--predictions" => {
                prediction_files.push(args.next().ok_or("--predictions needs a file")?)
            }
            "--per-page" => per_page = true,
            "--dump" => dump = Some(args.next().ok_or("--dump needs a file")?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    if extractors.is_empty() && prediction_files.is_empty() {
        extractors.push("ours".to_string());
    }
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(data.join("ground-truth.json"))?)?;
    let truth = truth
        .as_object()
        .ok_or("ground-truth.json is not an object")?;
    let pages = load_pages(&data, truth.keys())?;
    let total_bytes: usize = pages.values().map(Vec::len).sum();

    let mut runs = Vec::new();
    for name in &extractors {
        runs.push(run_extractor(name, &pages)?);
    }
    for file in &prediction_files {
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(file)?)?;
        let predictions = value["predictions"]
            .as_object()
            .ok_or("predictions file without a predictions object")?
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
            .collect();
        let name = value["extractor"].as_str().unwrap_or(file).to_string();
        runs.push(Run {
            name,
            seconds: value["seconds"].as_f64().unwrap_or(f64::NAN),
            predictions,
        });
    }

    if let (Some(file), Some(run)) = (dump, runs.first()) {
        std::fs::write(file, serde_json::to_string_pretty(&run.predictions)?)?;
    }
    println!("| extractor | precision | recall | F1 | seconds | pages/s | MB/s |");
    println!("|---|---|---|---|---|---|---|");
    for run in &runs {
        let mut scores = Vec::new();
        for (key, entry) in truth {
            let expected = entry["articleBody"].as_str().unwrap_or("");
            let predicted = run.predictions.get(key).map_or("", String::as_str);
            let score = score_page(predicted, expected);
            if per_page {
                eprintln!(
                    "{} {key} P={:.3} R={:.3}",
                    run.name,
                    score.precision.unwrap_or(-1.0),
                    score.recall.unwrap_or(-1.0)
                );
            }
            scores.push(score);
        }
        let s = summarise(&scores);
        println!(
            "| {} | {:.4} | {:.4} | {:.4} | {:.2} | {:.0} | {:.1} |",
            run.name,
            s.precision,
            s.recall,
            s.f1,
            run.seconds,
            s.pages as f64 / run.seconds,
            total_bytes as f64 / 1e6 / run.seconds
        );
    }
    Ok(())
}

/// Decompressed HTML of every page named in the ground truth.
fn load_pages<'a>(
    data: &Path,
    keys: impl Iterator<Item = &'a String>,
) -> Result<BTreeMap<String, Vec<u8>>, Box<dyn std::error::Error>> {
    let mut pages = BTreeMap::new();
    for key in keys {
        let compressed = std::fs::read(data.join("html").join(format!("{key}.html.gz")))?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(compressed.as_slice()).read_to_end(&mut html)?;
        pages.insert(key.clone(), html);
    }
    Ok(pages)
}

fn run_extractor(
    name: &str,
    pages: &BTreeMap<String, Vec<u8>>,
) -> Result<Run, Box<dyn std::error::Error>> {
    let start = Instant::now();
    let mut predictions = BTreeMap::new();
    for (key, html) in pages {
        let text = match name {
            "ours" => newsbrief_extract::read_document(html, "page.html")
                .ok()
                .and_then(|pages| pages.into_iter().next())
                .map(|page| page.text)
                .unwrap_or_default(),
            #[cfg(feature = "compare")]
            "dom_smoothie" => dom_smoothie_text(html),
            other => {
                return Err(format!(
                    "unknown extractor {other} (dom_smoothie needs --features compare)"
                )
                .into())
            }
        };
        predictions.insert(key.clone(), text);
    }
    Ok(Run {
        name: name.to_string(),
        seconds: start.elapsed().as_secs_f64(),
        predictions,
    })
}

#[cfg(feature = "compare")]
fn dom_smoothie_text(html: &[u8]) -> String {
    let html = String::from_utf8_lossy(html);
    let config = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    dom_smoothie::Readability::new(html.as_ref(), None, Some(config))
        .ok()
        .and_then(|mut readability| readability.parse().ok())
        .map(|article| article.text_content.to_string())
        .unwrap_or_default()
}
