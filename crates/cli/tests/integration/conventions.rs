//! Command-line conventions (issue 16): `--words 0` refused, a closed pipe ends the program quietly,
//! counts of one in the singular, text files in legacy encodings read with a warning.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use predicates::prelude::*;

fn newsbrief() -> Command {
    Command::cargo_bin("newsbrief").unwrap()
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak")
}

#[test]
fn a_word_budget_of_zero_is_refused_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("c.jsonl");
    std::fs::write(&jsonl, "{\"id\":\"a\",\"documents\":[\"One. Two.\"]}\n").unwrap();
    let example = example();
    let runs: [Vec<&std::ffi::OsStr>; 3] = [
        vec![
            "brief".as_ref(),
            "--words".as_ref(),
            "0".as_ref(),
            example.as_os_str(),
        ],
        vec![
            "summarize".as_ref(),
            "--words".as_ref(),
            "0".as_ref(),
            "--input".as_ref(),
            jsonl.as_os_str(),
        ],
        vec![
            "eval".as_ref(),
            "--run".as_ref(),
            "--words".as_ref(),
            "0".as_ref(),
            "--input".as_ref(),
            jsonl.as_os_str(),
        ],
    ];
    for args in runs {
        newsbrief()
            .args(&args)
            .assert()
            .failure()
            .stderr(predicate::str::contains("at least 1"))
            .stderr(predicate::str::contains("--words"));
    }
    newsbrief()
        .args(["brief", "--words", "ten"])
        .arg(example)
        .assert()
        .failure()
        .stderr(predicate::str::contains("whole number"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    for args in [
        vec!["brief"],
        vec!["brief", "--format", "json"],
        vec!["entities"],
    ] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("newsbrief"))
            .args(&args)
            .arg(example())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before anything is written, as `head` does once it has its lines.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(out.status.success(), "{args:?}: {:?} {stderr}", out.status);
    }
}

#[test]
fn a_windows_1252_file_is_briefed_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252: é is 0xE9, the curly quotes 0x93 0x94 and the apostrophe 0x92.
    let bytes: &[u8] = b"Caf\xe9 owner reopens after fire\n\n\x93We\x92re back,\x94 said Ren\xe9e Martin, who owns the caf\xe9 \
        on Main Street, on Monday. The caf\xe9 had been closed for three months after a kitchen fire in March. \
        Firefighters said nobody was hurt in the blaze.\n";
    std::fs::write(dir.path().join("cafe.txt"), bytes).unwrap();
    let out = newsbrief()
        .args(["brief", "--format", "json"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("cafe.txt"))
        .stderr(predicate::str::contains("windows-1252"))
        .get_output()
        .stdout
        .clone();
    let brief: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(brief["title"], "Café owner reopens after fire");
    assert!(brief["summary"][0]["text"]
        .as_str()
        .unwrap()
        .contains("Renée"));
}

#[test]
fn counts_of_one_are_singular() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("one.txt"),
        "Council passes budget\n\nThe city council passed the budget on Tuesday after a long debate. \
         Mayor Ana Ruiz said the vote was a relief for the town of Millbrook.\n",
    )
    .unwrap();
    let brief = newsbrief().arg("brief").arg(dir.path()).assert().success();
    let md = String::from_utf8(brief.get_output().stdout.clone()).unwrap();
    assert!(md.contains("_1 source ·"), "{md}");
    let entities = newsbrief()
        .args(["entities", "--format", "text"])
        .arg(dir.path())
        .assert()
        .success();
    let text = String::from_utf8(entities.get_output().stdout.clone()).unwrap();
    assert!(!text.is_empty());
    assert!(
        !text.contains(" 1 mentions") && !text.contains(" 1 articles"),
        "{text}"
    );
}
