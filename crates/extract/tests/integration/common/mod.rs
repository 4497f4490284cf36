//! Helpers shared by the integration tests: loading gzip pages and ground truth.

use std::io::Read;
use std::path::{Path, PathBuf};

pub fn gunzip_file(path: &Path) -> Vec<u8> {
    let compressed = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut html = Vec::new();
    flate2::read::GzDecoder::new(compressed.as_slice())
        .read_to_end(&mut html)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    html
}

pub fn ground_truth(dir: &Path) -> serde_json::Map<String, serde_json::Value> {
    let text =
        std::fs::read_to_string(dir.join("ground-truth.json")).unwrap_or_else(|e| panic!("{e}"));
    match serde_json::from_str(&text) {
        Ok(serde_json::Value::Object(map)) => map,
        other => panic!("ground-truth.json is not an object: {other:?}"),
    }
}

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}
