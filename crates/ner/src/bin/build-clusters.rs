//! Learns the word-cluster table from the unlabelled news text in the shared data and writes it
//! to `model/clusters.tsv`.
//!
//! `cargo run -p newsbrief-ner --release --bin build-clusters -- SHARED_DATA_DIR [--out FILE]`
//! reads `multinews/*.jsonl` (the `documents` and `summary` fields), `polnear/train/text/*.txt`
//! and the words of `conll2003/eng.train` (no labels). Deterministic.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use newsbrief_ner::cluster_learning::{learn_clusters, ClusterOptions};

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

fn read_texts(shared: &Path) -> std::io::Result<Vec<String>> {
    let mut texts = Vec::new();
    for file in sorted_files(&shared.join("multinews"), "jsonl")? {
        multinews_texts(&file, &mut texts)?;
    }
    for file in sorted_files(&shared.join("polnear/train/text"), "txt")? {
        texts.push(std::fs::read_to_string(file)?);
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
    while let Some(arg) = args.next() {
        if arg == "--out" {
            match args.next() {
                Some(path) => out = PathBuf::from(path),
                None => {
                    eprintln!("build-clusters: --out needs a file");
                    return ExitCode::FAILURE;
                }
            }
        } else {
            shared = PathBuf::from(arg);
        }
    }
    let texts = match read_texts(&shared) {
        Ok(texts) => texts,
        Err(err) => {
            eprintln!("build-clusters: cannot read {}: {err}", shared.display());
            return ExitCode::FAILURE;
        }
    };
    let table = learn_clusters(texts.iter().map(String::as_str), ClusterOptions::default());
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
