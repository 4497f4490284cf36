//! `newsbrief summarize` never loses a good line: every bad line, whatever is wrong with it, is reported by
//! its number and skipped, the good ones are all written in input order, and the exit code is 2.

use assert_cmd::Command;

fn newsbrief() -> Command {
    Command::cargo_bin("newsbrief").unwrap()
}

/// A good cluster line with the id `c{n}`.
fn good(n: usize) -> Vec<u8> {
    format!(
        r#"{{"id": "c{n}", "documents": ["The council of town {n} approved the new budget on Monday after a long debate.", "Town {n} approved its budget on Monday, officials said."]}}"#
    )
    .into_bytes()
}

/// Runs `summarize` over `lines` (joined by newlines) and gives the exit code, the ids written and stderr.
fn run(lines: &[Vec<u8>]) -> (Option<i32>, Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("clusters.jsonl");
    let output = dir.path().join("summaries.jsonl");
    std::fs::write(&input, lines.join(&b'\n')).unwrap();
    let out = newsbrief()
        .args(["summarize", "--words", "20", "--input"])
        .arg(&input)
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    let written = std::fs::read_to_string(&output).unwrap_or_default();
    let ids = written
        .lines()
        .map(|l| {
            let value: serde_json::Value = serde_json::from_str(l).unwrap();
            assert!(
                !value["sentences"].as_array().unwrap().is_empty(),
                "an empty summary was written: {l}"
            );
            value["id"].as_str().unwrap().to_owned()
        })
        .collect();
    (
        out.status.code(),
        ids,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ids(numbers: impl IntoIterator<Item = usize>) -> Vec<String> {
    numbers.into_iter().map(|n| format!("c{n}")).collect()
}

#[test]
fn invalid_utf8_line_is_skipped_and_the_others_written() {
    let mut lines: Vec<Vec<u8>> = (1..=10).map(good).collect();
    lines[5] = b"{\"id\": \"bad\", \"documents\": [\"caf\xe9 \xff\xfe\"]}".to_vec();
    let (code, written, stderr) = run(&lines);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(written, ids((1..=10).filter(|&n| n != 6)));
    assert!(stderr.contains("line 6: not valid UTF-8"), "{stderr}");
    assert!(
        stderr.contains("9 clusters summarised, 1 lines skipped"),
        "{stderr}"
    );
}

#[test]
fn bad_line_past_the_first_chunk_loses_nothing() {
    let mut lines: Vec<Vec<u8>> = (1..=2000).map(good).collect();
    lines[1029] = b"\xc3\x28 not UTF-8 at all \x80".to_vec();
    let (code, written, stderr) = run(&lines);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(written.len(), 1999);
    assert_eq!(written, ids((1..=2000).filter(|&n| n != 1030)));
    assert!(stderr.contains("line 1030: not valid UTF-8"), "{stderr}");
}

#[test]
fn every_kind_of_bad_line_is_reported_by_number() {
    let lines: Vec<Vec<u8>> = vec![
        good(1),
        br#"{"id": "empty", "documents": []}"#.to_vec(),
        good(3),
        br#"{"id": "blank", "documents": ["", "   "]}"#.to_vec(),
        br#"{"id": "multinews-blank", "document": " ||||| "}"#.to_vec(),
        b"{not json".to_vec(),
        br#"["an", "array"]"#.to_vec(),
        br#"{"documents": ["No id here, but a sentence."]}"#.to_vec(),
        br#"{"id": "x", "documents": [1, 2]}"#.to_vec(),
        b"".to_vec(),
        good(11),
        b"\xff\xfe\x00".to_vec(),
        good(13),
    ];
    let (code, written, stderr) = run(&lines);
    assert_eq!(code, Some(2), "{stderr}");
    assert_eq!(written, ids([1, 3, 11, 13]));
    for number in [2, 4, 5, 6, 7, 8, 9, 12] {
        assert!(
            stderr.contains(&format!("newsbrief: line {number}: ")),
            "line {number} not reported:\n{stderr}"
        );
    }
    assert!(stderr.contains("line 2: no documents"), "{stderr}");
    assert!(
        !stderr.contains("line 10:"),
        "a blank line is not an error:\n{stderr}"
    );
    assert!(
        stderr.contains("4 clusters summarised, 8 lines skipped"),
        "{stderr}"
    );
}

#[test]
fn all_good_lines_exit_zero_from_stdin() {
    let lines: Vec<Vec<u8>> = (1..=3).map(good).collect();
    let out = newsbrief()
        .args(["summarize", "--words", "20", "--input", "-"])
        .write_stdin(lines.join(&b'\n'))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let written: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(written.len(), 3);
    assert!(out.stderr.is_empty());
}
