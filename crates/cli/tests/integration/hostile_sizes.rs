//! Hostile sizes (issue 18): an article of tens of thousands of sentences is read by `entities` and
//! `quotes` up to the brief's sentence cap, with a note, instead of for minutes.

use assert_cmd::Command;
use predicates::str::contains;

/// A quoted line repeated 30,000 times (the repeated-quote article, 2.3 MB).
fn repeated_quote_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let line = "\"We will not back down from this fight,\" said Mayor Jane Smith on Tuesday.\n";
    let path = dir.path().join("repeated.txt");
    std::fs::write(&path, line.repeat(30_000)).unwrap();
    path
}

#[test]
fn entities_and_quotes_read_long_articles_up_to_the_cap() {
    let dir = tempfile::tempdir().unwrap();
    let path = repeated_quote_file(&dir);
    let note = "sentences; entities, quotes, the timeline and sourcing read the first 2000";
    for command in ["entities", "quotes"] {
        Command::cargo_bin("newsbrief")
            .unwrap()
            .arg(command)
            .arg(&path)
            .assert()
            .success()
            .stderr(contains(note))
            .stdout(contains("Jane Smith"));
    }
    Command::cargo_bin("newsbrief")
        .unwrap()
        .arg("brief")
        .arg(&path)
        .assert()
        .success()
        .stdout(contains(note));
}
