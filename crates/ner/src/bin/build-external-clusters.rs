//! Encodes an external cluster list (`word<TAB>path` lines, see
//! [`ExternalClusters::from_list`]) into the hashed table the tagger reads:
//! `build-external-clusters LIST [OUT]`, OUT by default the committed
//! `model/external-clusters.bin`. Run by `scripts/ner/build-external-clusters.sh`, which writes the
//! list from a registry package.

use std::path::PathBuf;
use std::process::ExitCode;

use newsbrief_ner::external_clusters::ExternalClusters;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(list) = args.next().map(PathBuf::from) else {
        eprintln!("usage: build-external-clusters LIST [OUT]");
        return ExitCode::FAILURE;
    };
    let out = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("model/external-clusters.bin")
    });
    let table = match std::fs::read_to_string(&list) {
        Ok(text) => match ExternalClusters::from_list(&text) {
            Ok(table) => table,
            Err(err) => {
                eprintln!("build-external-clusters: {}: {err}", list.display());
                return ExitCode::FAILURE;
            }
        },
        Err(err) => {
            eprintln!(
                "build-external-clusters: cannot read {}: {err}",
                list.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let bytes = table.encode();
    eprintln!(
        "external clusters: {} words, {} bytes -> {}",
        table.len(),
        bytes.len(),
        out.display()
    );
    if let Err(err) = std::fs::write(&out, bytes) {
        eprintln!(
            "build-external-clusters: cannot write {}: {err}",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
