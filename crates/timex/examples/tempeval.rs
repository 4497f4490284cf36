//! TempEval-3 Task A on a directory (or several) of TimeML files: newsbrief-timex against the gold.
//!
//! `cargo run --release -p newsbrief-timex --example tempeval -- DIR... [--errors]`
//! prints strict/relaxed span P/R/F1, value F1 and type F1 (micro, summed over documents);
//! `--errors` also lists every missed, spurious and wrongly valued expression.

use std::path::Path;

use newsbrief_timex::score::{Annotation, Counts};
use newsbrief_timex::{annotate, timeml, Anchor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--errors");
    let mut files = Vec::new();
    for dir in args.iter().filter(|a| !a.starts_with("--")) {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "tml") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut counts = Counts::default();
    for path in &files {
        let doc = timeml::parse(&std::fs::read_to_string(path)?)?;
        let timexes = annotate(
            &doc.text,
            Anchor {
                date: doc.dct,
                inferred: false,
            },
        );
        let gold: Vec<Annotation> = doc.gold.iter().map(Annotation::from).collect();
        let system: Vec<Annotation> = timexes.iter().map(Annotation::from).collect();
        if show_errors {
            print_errors(path, &doc.text, &gold, &system);
        }
        counts.add(&gold, &system);
    }
    let s = counts.scores();
    println!(
        "documents {} gold {} system {}",
        files.len(),
        counts.gold,
        counts.system
    );
    println!(
        "strict  P {:.4} R {:.4} F1 {:.4}",
        s.strict.precision, s.strict.recall, s.strict.f1
    );
    println!(
        "relaxed P {:.4} R {:.4} F1 {:.4}",
        s.relaxed.precision, s.relaxed.recall, s.relaxed.f1
    );
    println!("value F1 {:.4}  type F1 {:.4}", s.value_f1, s.type_f1);
    Ok(())
}

fn print_errors(path: &Path, text: &str, gold: &[Annotation], system: &[Annotation]) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let snippet = |a: &Annotation| text.get(a.start..a.end).unwrap_or("").replace('\n', " ");
    for g in gold {
        match system.iter().find(|s| s.start < g.end && g.start < s.end) {
            None => println!("MISS\t{name}\t{}\t{}\t{}", snippet(g), g.kind, g.value),
            Some(s) => {
                if s.start != g.start || s.end != g.end {
                    println!("SPAN\t{name}\t{}\t|\t{}", snippet(g), snippet(s));
                }
                if s.value != g.value || s.kind != g.kind {
                    println!(
                        "VALUE\t{name}\t{}\t{} {}\t|\t{} {}",
                        snippet(g),
                        g.kind,
                        g.value,
                        s.kind,
                        s.value
                    );
                }
            }
        }
    }
    for s in system {
        if !gold.iter().any(|g| s.start < g.end && g.start < s.end) {
            println!("SPUR\t{name}\t{}\t{}\t{}", snippet(s), s.kind, s.value);
        }
    }
}
