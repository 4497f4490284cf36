//! Learns the word-cluster table from the unlabelled news text in the shared data and writes it
//! to `model/clusters.tsv`.
//!
//! `cargo run -p newsbrief-ner --release --bin build-clusters -- SHARED_DATA_DIR [--out FILE]
//! [--min-count N] [--context-words N] [--coarse N] [--fine N] [--fewer-texts] [--conll-words]`
//! reads `multinews/*.jsonl` (the `documents` and `summary` fields), `polnear/{train,dev}/text/*.txt`
//! and the article bodies of `article-extraction*/ground-truth.json`. `--fewer-texts` leaves out
//! PolNeAR dev and the article-extraction sets; `--conll-words` adds the words of
//! `conll2003/eng.train` (left out by default, so that cross-validation over `eng.train` scores
//! held-out words the clusters have not seen, as on new text). Deterministic.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsbrief_ner::cluster_learning::{learn_clusters, ClusterOptions};

/// The `articleBody` fields of an article-extraction ground-truth file, in key order.
fn ground_truth_texts(path: &Path, texts: &mut Vec<String>) -> std::io::Result<()> {
    let record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path)?)
        .map_err(|err| std::io::Error::new(std::io::ErrorKind::InvalidData, err))?;
    let Some(pages) = record.as_object() else {
        return Ok(());
    };
    let mut keys: Vec<&String> = pages.keys().collect();
    keys.sort();
    for key in keys {
        if let Some(body) = pages[key].get("articleBody").and_then(|b| b.as_str()) {
            texts.push(body.to_string());
        }
    }
    Ok(())
}

fn multinews_texts(path: &Path, texts: &mut Vec<String>) -> std::io::Result<()> {
    for line in std::fs::read_to_string(path)?.lines() {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if let Some(documents) = record.get("documents").and_then(|d| d.as_array()) {
            texts.extend(
                documents
                    .iter()
                    .filter_map(|d| d.as_str())
                    .map(str::to_string),
            );
        }
        if let Some(summary) = record.get("summary").and_then(|s| s.as_str()) {
            texts.push(summary.to_string());
        }
    }
    Ok(())
}

fn sorted_files(dir: &Path, extension: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

fn read_texts(shared: &Path, all_texts: bool, conll: bool) -> std::io::Result<Vec<String>> {
    let mut texts = Vec::new();
    for file in sorted_files(&shared.join("multinews"), "jsonl")? {
        multinews_texts(&file, &mut texts)?;
    }
    for file in sorted_files(&shared.join("polnear/train/text"), "txt")? {
        texts.push(std::fs::read_to_string(file)?);
    }
    if all_texts {
        for file in sorted_files(&shared.join("polnear/dev/text"), "txt")? {
            texts.push(std::fs::read_to_string(file)?);
        }
        for set in ["article-extraction", "article-extraction-l3s"] {
            ground_truth_texts(&shared.join(set).join("ground-truth.json"), &mut texts)?;
        }
    }
    if !conll {
        return Ok(texts);
    }
    let conll = std::fs::read_to_string(shared.join("conll2003/eng.train"))?;
    let words: Vec<&str> = conll
        .lines()
        .map(|line| line.split(' ').next().unwrap_or(""))
        .collect();
    texts.push(words.join(" "));
    Ok(texts)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut shared = PathBuf::from("../shared/data");
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("model/clusters.tsv");
    let mut options = ClusterOptions::default();
    let mut all_texts = true;
    let mut conll = false;
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        let parsed = match arg.as_str() {
            "--out" => value().map(|path| out = PathBuf::from(path)),
            "--fewer-texts" => {
                all_texts = false;
                Ok(())
            }
            "--conll-words" => {
                conll = true;
                Ok(())
            }
            "--min-count" | "--context-words" | "--coarse" | "--fine" => {
                value().and_then(|number| {
                    let number: usize = number.parse().map_err(|e| format!("{arg}: {e}"))?;
                    match arg.as_str() {
                        "--min-count" => options.min_count = number,
                        "--context-words" => options.context_words = number,
                        "--coarse" => options.coarse = number,
                        _ => options.fine = number,
                    }
                    Ok(())
                })
            }
            _ if arg.starts_with("--") => Err(format!("unknown option {arg}")),
            _ => {
                shared = PathBuf::from(arg);
                Ok(())
            }
        };
        if let Err(message) = parsed {
            eprintln!("build-clusters: {message}");
            return ExitCode::FAILURE;
        }
    }
    let texts = match read_texts(&shared, all_texts, conll) {
        Ok(texts) => texts,
        Err(err) => {
            eprintln!("build-clusters: cannot read {}: {err}", shared.display());
            return ExitCode::FAILURE;
        }
    };
    let table = learn_clusters(texts.iter().map(String::as_str), options);
    eprintln!(
        "{} texts, {} words clustered -> {}",
        texts.len(),
        table.lines().count(),
        out.display()
    );
    if let Err(err) = std::fs::write(&out, table) {
        eprintln!("build-clusters: cannot write {}: {err}", out.display());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
