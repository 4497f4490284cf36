//! Output formats and conventions of the command line (issue 16, items 6, 7, 14 and 17): `--sections`,
//! `--format text` with every section, `--format html` as one standalone page, `timex --date` saying the
//! form it wants, `quotes` text lines that start with the speaker, `--no-partial`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn newsbrief() -> Command {
    Command::cargo_bin("newsbrief").unwrap()
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak")
}

fn stdout(args: &[&str]) -> String {
    let out = newsbrief().args(args).arg(example()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn sections_choose_what_the_brief_shows() {
    let md = stdout(&["brief", "--sections", "summary,quotes"]);
    assert!(
        md.contains("## Summary") && md.contains("## Quotes"),
        "{md}"
    );
    for left_out in [
        "## People",
        "## Timeline",
        "## How well sourced",
        "## Sources",
    ] {
        assert!(!md.contains(left_out), "{left_out} in\n{md}");
    }
    newsbrief()
        .args(["brief", "--sections", "summary,gossip"])
        .arg(example())
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown section `gossip`"))
        .stderr(predicate::str::contains("summary, entities, quotes"));
}

#[test]
fn text_keeps_every_section_of_the_markdown_brief() {
    let text = stdout(&["brief", "--format", "text"]);
    for heading in [
        "Summary",
        "People and organisations",
        "Quotes",
        "Timeline",
        "How well sourced",
        "Sources",
    ] {
        assert!(text.contains(&format!("\n{heading}\n---")), "no {heading}");
    }
    assert!(!text.contains("**"));
}

#[test]
fn html_is_one_standalone_page() {
    let html = stdout(&["brief", "--format", "html", "--sections", "summary,sources"]);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("<style>") && html.contains("id=\"brief-data\""));
    assert!(!html.contains("href=\"/app.css\"") && !html.contains("src=\"/app.js\""));
    assert!(html.contains(
        "<title>Sessions Spoke To Russian Ambassador During Campaign · newsbrief</title>"
    ));
    let data = html
        .split("<script type=\"application/json\" id=\"brief-data\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap();
    let brief: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(brief["sections"], serde_json::json!(["summary", "sources"]));
    // The texts the offsets point into, one per source, for the evidence panel.
    let texts = brief["texts"].as_array().unwrap();
    assert_eq!(texts.len(), brief["sources"].as_array().unwrap().len());
    let s = &brief["summary"][0];
    let text = texts[s["doc"].as_u64().unwrap() as usize].as_str().unwrap();
    let span = &text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize];
    assert_eq!(
        span.split_whitespace().collect::<Vec<_>>().join(" "),
        s["text"].as_str().unwrap()
    );
}

#[test]
fn timex_says_which_date_form_it_wants() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "The vote is on Monday.").unwrap();
    newsbrief()
        .args(["timex", "--date", "12/03/2024"])
        .arg(&article)
        .assert()
        .failure()
        .stderr(predicate::str::contains("YYYY-MM-DD"))
        .stderr(predicate::str::contains("invalid characters").not());
}

#[test]
fn quote_lines_start_with_the_speaker_and_partial_quotes_are_left_out_with_no_partial() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Mayor Ana Ruiz said the bridge would close. \"We have no choice,\" Ruiz said.\n\n\
         The council called the plan \"a sensible step\" on Monday.\n",
    )
    .unwrap();
    let out = newsbrief().arg("quotes").arg(&article).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("We have no choice"), "{text}");
    for line in text.lines() {
        assert!(
            !line.starts_with(|c: char| c.is_ascii_digit()),
            "offsets first: {line}"
        );
        assert!(line.contains(" · bytes "), "{line}");
    }
    let all = text.lines().count();
    let out = newsbrief()
        .args(["quotes", "--no-partial"])
        .arg(&article)
        .output()
        .unwrap();
    assert!(out.status.success());
    let whole = String::from_utf8(out.stdout).unwrap();
    assert!(!whole.contains("(partial)"), "{whole}");
    assert!(whole.lines().count() <= all);
    newsbrief()
        .args(["quotes", "--partial", "false"])
        .arg(&article)
        .assert()
        .failure();
}
