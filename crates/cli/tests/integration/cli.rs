//! The command line end to end: the example story, batch mode, and bad input.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn newsbrief() -> Command {
    Command::cargo_bin("newsbrief").unwrap()
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example() -> PathBuf {
    repo().join("examples/sessions-kislyak")
}

/// The Markdown brief of the example story is exactly the committed golden file
/// (regenerate with `UPDATE_GOLDEN=1 cargo test -p newsbrief --test integration cli::`).
#[test]
fn example_brief_matches_golden() {
    let out = newsbrief().arg("brief").arg(example()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sessions-kislyak.md");
    let got = String::from_utf8(out.stdout).unwrap();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read_to_string(&golden).unwrap();
    assert_eq!(
        got, want,
        "the brief changed; if intended, regenerate the golden file"
    );
}

/// The first `count` ```markdown blocks of the README after `heading`.
fn readme_excerpts(heading: &str, count: usize) -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let after = &readme[readme.find(heading).unwrap()..];
    after
        .split("```markdown\n")
        .skip(1)
        .take(count)
        .map(|block| block[..block.find("```").unwrap()].to_owned())
        .collect()
}

/// Every non-blank line of `excerpt` is a line of `output`, in the same order.
fn assert_excerpt_of(excerpt: &str, output: &str) {
    let mut lines = output.lines();
    for line in excerpt.lines().filter(|line| !line.trim().is_empty()) {
        assert!(
            lines.any(|output_line| output_line == line),
            "README line not in the output (or out of order): {line}"
        );
    }
}

/// The README's quick start shows an excerpt of the example brief: it is the golden file's, so the
/// README cannot drift from what the first command prints.
#[test]
fn readme_excerpt_is_from_the_golden_brief() {
    let golden = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sessions-kislyak.md"),
    )
    .unwrap();
    let excerpts = readme_excerpts("## Quick start", 1);
    assert_excerpt_of(&excerpts[0], &golden);
}

/// The README's focused and update briefs are what their commands print.
#[test]
fn readme_focused_and_update_excerpts_are_what_the_commands_print() {
    let excerpts = readme_excerpts("## Focused and update briefs", 2);
    let example = example();
    let file = |prefix: &str| {
        std::fs::read_dir(&example)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .find(|path| {
                path.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(prefix)
            })
            .unwrap()
    };
    let focused = newsbrief()
        .arg("brief")
        .arg(&example)
        .args(["--words", "100", "--focus"])
        .arg("What did Sessions say about his contacts with Russian officials, and when?")
        .output()
        .unwrap();
    assert!(focused.status.success());
    assert_excerpt_of(&excerpts[0], &String::from_utf8(focused.stdout).unwrap());
    let update = newsbrief()
        .arg("brief")
        .args([file("002_"), file("003_"), file("004_")])
        .arg("--seen")
        .args([file("000_"), file("001_")])
        .output()
        .unwrap();
    assert!(update.status.success());
    assert_excerpt_of(&excerpts[1], &String::from_utf8(update.stdout).unwrap());
}

#[test]
fn json_brief_points_into_the_files() {
    let out = newsbrief()
        .args(["brief", "--format", "json", "--words", "150"])
        .arg(example())
        .output()
        .unwrap();
    assert!(out.status.success());
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources = brief["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    let summary = brief["summary"].as_array().unwrap();
    let mut words = 0;
    for s in summary {
        let doc = s["doc"].as_u64().unwrap() as usize;
        let file = example().join(sources[doc]["id"].as_str().unwrap());
        let text = std::fs::read_to_string(file).unwrap();
        let span =
            &text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize];
        let folded = span.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(folded, s["text"].as_str().unwrap());
        words += folded.split_whitespace().count();
    }
    assert!(words <= 150 && words > 100, "{words} words");
}

#[test]
fn article_from_stdin() {
    let text = std::fs::read_to_string(example().join("004_5e607fb1a638b74a.txt")).unwrap();
    newsbrief()
        .args(["brief", "-", "--format", "text", "--words", "60"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("Sessions"));
}

#[test]
fn one_sentence_article() {
    newsbrief()
        .args(["brief", "-", "--format", "text"])
        .write_stdin("The council approved the new budget on Tuesday night.")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "The council approved the new budget on Tuesday night. [1]",
        ));
}

#[test]
fn missing_file_is_one_clear_error() {
    newsbrief()
        .args(["brief", "no/such/file.txt"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("cannot read no/such/file.txt")
                .and(predicate::str::contains("panicked").not()),
        );
}

#[test]
fn directory_without_articles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.bin"), b"x").unwrap();
    newsbrief()
        .arg("brief")
        .arg(dir.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("no article files"));
}

#[test]
fn unusable_articles_are_named_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_empty.txt"), "  \n\n ").unwrap();
    std::fs::write(dir.path().join("b_binary.txt"), b"\x7fELF\0\0\x01").unwrap();
    newsbrief()
        .arg("brief")
        .arg(dir.path())
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("skipping a_empty.txt: empty article")
                .and(predicate::str::contains(
                    "skipping b_binary.txt: looks like a binary file",
                ))
                .and(predicate::str::contains("no usable article")),
        );
    // Text that is not UTF-8 is decoded (with a warning), not skipped.
    std::fs::write(
        dir.path().join("c_latin1.txt"),
        b"Caf\xe9 owners said the new rules hurt them badly.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("d_good.txt"),
        "The mayor resigned on Friday after a long inquiry.",
    )
    .unwrap();
    newsbrief()
        .arg("brief")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("mayor resigned"));
}

#[test]
fn huge_article_gives_a_brief() {
    let paragraph =
        "The committee met again on Monday to discuss the budget for the next fiscal year. ";
    let text = paragraph.repeat(5 * 1024 * 1024 / paragraph.len());
    newsbrief()
        .args(["brief", "-", "--words", "50"])
        .write_stdin(text)
        .assert()
        .success();
}

#[test]
fn batch_goes_on_after_a_bad_line_and_is_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("clusters.jsonl");
    let good = r#"{"id": "a", "documents": ["The mayor resigned on Friday after a long inquiry into the city budget.", "Officials said the mayor resigned on Friday after an inquiry."]}"#;
    let multinews = r#"{"id": "b", "document": "Storms hit the coast on Sunday, cutting power to thousands of homes. NEWLINE_CHAR NEWLINE_CHAR Crews worked through the night. ||||| Thousands of homes lost power when storms hit the coast on Sunday."}"#;
    std::fs::write(&input, format!("{good}\n{{not json\n{multinews}\n")).unwrap();
    let run = |name: &str| {
        let output = dir.path().join(name);
        newsbrief()
            .args(["summarize", "--words", "30", "--input"])
            .arg(&input)
            .arg("--output")
            .arg(&output)
            .assert()
            .failure()
            .stderr(predicate::str::contains("line 2: not valid JSON"));
        std::fs::read_to_string(output).unwrap()
    };
    let first = run("out1.jsonl");
    assert_eq!(first, run("out2.jsonl"));
    let lines: Vec<serde_json::Value> = first
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[1]["id"], "b");
    for line in &lines {
        assert!(line["summary"].as_str().unwrap().split_whitespace().count() <= 30);
        assert!(!line["sentences"].as_array().unwrap().is_empty());
    }
}

#[test]
fn saved_web_pages_and_text_mix_in_one_brief() {
    let dir = tempfile::tempdir().unwrap();
    let page = r#"<!DOCTYPE html><html lang="en"><head><title>Storm cuts power to thousands</title>
        <meta property="og:site_name" content="Coast Daily">
        <meta property="article:published_time" content="2024-03-04T08:00:00Z"></head>
        <body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
        <article><h1>Storm cuts power to thousands</h1>
        <p>A storm hit the coast on Sunday night and cut power to thousands of homes, the utility said on Monday.</p>
        <p>Crews worked through the night to restore the lines, and most homes had power again by the morning.</p>
        </article><footer>Cookie settings</footer></body></html>"#;
    std::fs::write(dir.path().join("a_page.html"), page).unwrap();
    std::fs::write(
        dir.path().join("b_wire.txt"),
        "Thousands of homes lost power when a storm hit the coast on Sunday night, the utility said.",
    )
    .unwrap();
    let out = newsbrief()
        .args(["brief", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let source = &brief["sources"][0];
    assert_eq!(source["title"], "Storm cuts power to thousands");
    assert_eq!(source["outlet"], "Coast Daily");
    assert!(source["published"]
        .as_str()
        .unwrap()
        .starts_with("2024-03-04"));
    assert_eq!(brief["sources"][1]["id"], "b_wire.txt");
    let text = brief["summary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect::<String>();
    assert!(!text.contains("Home") && !text.contains("Cookie"));
}

/// `eval --jackknife` scores against every leave-one-out subset of the references, as NIST did.
#[test]
fn eval_jackknife_averages_leave_one_out_subsets() {
    let dir = tempfile::tempdir().unwrap();
    let refs = dir.path().join("refs.jsonl");
    let pred = dir.path().join("pred.jsonl");
    std::fs::write(
        &refs,
        r#"{"id": "t", "summaries": ["the cat sat", "a dog ran home", "the mat was red"]}"#,
    )
    .unwrap();
    std::fs::write(&pred, r#"{"id": "t", "summary": "the cat sat on the mat"}"#).unwrap();
    let recall = |extra: &[&str]| -> f64 {
        let out = newsbrief()
            .args(["eval", "--compat", "rouge155", "--format", "json", "--refs"])
            .arg(&refs)
            .arg("--pred")
            .arg(&pred)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["scores"]["rouge1"]["recall"].as_f64().unwrap()
    };
    // Pooled: 5 of 11 reference words. Jackknifed: (2/8 + 5/7 + 3/7) / 3, each rounded first.
    assert!((recall(&[]) - 0.45455).abs() < 1e-9);
    let expected = (0.25 + 0.71429 + 0.42857) / 3.0;
    assert!((recall(&["--jackknife"]) - expected).abs() < 1e-5);
    newsbrief()
        .args(["eval", "--jackknife", "--refs"])
        .arg(&refs)
        .arg("--pred")
        .arg(&pred)
        .assert()
        .failure()
        .stderr(predicate::str::contains("--compat rouge155"));
}

fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(example())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// `brief --focus`: the focus is shown and the summary answers it; an empty focus is one clear error.
#[test]
fn focused_brief_and_empty_focus() {
    let question = "What did Al Franken ask at the confirmation hearing?";
    let out = newsbrief()
        .arg("brief")
        .arg(example())
        .args(["--focus", question, "--words", "100", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(brief["focus"], question);
    let summary = brief["summary"].to_string();
    assert!(summary.contains("Franken"), "{summary}");
    newsbrief()
        .arg("brief")
        .arg(example())
        .args(["--focus", " "])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the focus is empty"));
}

/// `brief NEW --seen OLD`: "What's new", 100 words by default; seen = new gives the "nothing new" note.
#[test]
fn update_brief_and_nothing_new() {
    let files = example_files();
    let out = newsbrief()
        .arg("brief")
        .args(&files[2..])
        .arg("--seen")
        .args(&files[..2])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(markdown.contains("## What's new"), "{markdown}");
    assert!(
        markdown.contains("since 2 articles seen before"),
        "{markdown}"
    );
    let words: usize = markdown
        .split("## What's new\n\n")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .map(|s| s.split_whitespace().filter(|w| !w.starts_with('[')).count())
        .unwrap();
    assert!(words <= 110, "{words} words (100 and the source marks)");
    newsbrief()
        .arg("brief")
        .arg(example())
        .arg("--seen")
        .arg(example())
        .assert()
        .success()
        .stdout(predicate::str::contains("Nothing new"));
}

/// `summarize` lines take "focus" and "seen"; an empty focus skips the line with its number.
#[test]
fn summarize_lines_with_focus_and_seen() {
    let texts: Vec<String> = example_files()
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let lines = [
        serde_json::json!({"id": "f", "documents": texts, "focus": "Franken's question at the hearing"}),
        serde_json::json!({"id": "u", "documents": texts[2..], "seen": texts[..2]}),
        serde_json::json!({"id": "same", "documents": texts, "seen": texts}),
        serde_json::json!({"id": "empty", "documents": texts, "focus": ""}),
    ];
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let out = newsbrief()
        .args(["summarize", "--input", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "one line skipped");
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 4"));
    let got: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), 3);
    assert_eq!(got[0]["focus"], "Franken's question at the hearing");
    assert!(got[0]["summary"].as_str().unwrap().contains("Franken"));
    let update_words = got[1]["summary"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .count();
    assert!((1..=100).contains(&update_words), "{update_words}");
    assert_eq!(got[2]["summary"], "");
    assert_eq!(got[2]["notes"][0]["kind"], "nothing_new");
}

/// `-o` naming a device or a named pipe (`/dev/null`, `/dev/stdout`, a FIFO) writes through it: renaming
/// the finished temporary file over it, as for a regular file, would replace the device itself.
#[cfg(unix)]
#[test]
fn output_to_a_pipe_is_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    let pipe = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    assert!(made.is_ok_and(|status| status.success()), "mkfifo");
    let mut reader = std::process::Command::new("cat")
        .arg(&pipe)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    newsbrief()
        .arg("entities")
        .arg(example())
        .arg("-o")
        .arg(&pipe)
        .assert()
        .success();
    let still_a_pipe = std::fs::metadata(&pipe).unwrap().file_type().is_fifo();
    if !still_a_pipe {
        // the reader waits on the pipe that was replaced: nothing will ever write to it
        let _ = reader.kill();
    }
    let read = reader.wait_with_output().unwrap();
    assert!(
        still_a_pipe,
        "the named pipe was replaced by a regular file"
    );
    assert!(String::from_utf8_lossy(&read.stdout).contains("Sessions"));
}
