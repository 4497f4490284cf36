//! Encodes an external name list (`KIND<TAB>name` lines, see [`Gazetteer::from_list`]) into the
//! hashed gazetteer the tagger matches: `build-external-names LIST [OUT]`, OUT by default the
//! committed `model/external-names.bin`. Run by `scripts/ner/build-external-names.sh`, which
//! writes the list from registry packages.

use std::path::PathBuf;
use std::process::ExitCode;

use newsbrief_ner::Gazetteer;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(list) = args.next().map(PathBuf::from) else {
        eprintln!("usage: build-external-names LIST [OUT]");
        return ExitCode::FAILURE;
    };
    let out = args.next().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("model/external-names.bin")
    });
    let gazetteer = match std::fs::read_to_string(&list).map(|text| Gazetteer::from_list(&text)) {
        Ok(Ok(gazetteer)) => gazetteer,
        Ok(Err(err)) => {
            eprintln!("build-external-names: {}: {err}", list.display());
            return ExitCode::FAILURE;
        }
        Err(err) => {
            eprintln!(
                "build-external-names: cannot read {}: {err}",
                list.display()
            );
            return ExitCode::FAILURE;
        }
    };
    let bytes = gazetteer.encode();
    eprintln!(
        "external names: {} entries, {} bytes -> {}",
        gazetteer.len(),
        bytes.len(),
        out.display()
    );
    if let Err(err) = std::fs::write(&out, bytes) {
        eprintln!(
            "build-external-names: cannot write {}: {err}",
            out.display()
        );
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
