//! `newsbrief stories` and `newsbrief story` end to end: a small made-up stream of three stories with bad
//! lines, standard input, a directory, the database (re-runs, listing, briefs), and an ingest killed with
//! SIGKILL at random points and run again.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Instant;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn newsbrief() -> Command {
    Command::cargo_bin("newsbrief").unwrap()
}

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/sessions-kislyak")
}

/// The committed stream (13 lines: 11 articles, a line of broken JSON at 4, a line without text at 8) with
/// a line of invalid UTF-8 put in as line 7, so the articles are at lines 1-3, 5-6, 8 and 10-14.
fn stream_with_bad_lines(dir: &Path) -> PathBuf {
    let committed = std::fs::read(data("stream.jsonl")).unwrap();
    let mut lines: Vec<&[u8]> = committed.split(|&b| b == b'\n').collect();
    lines.insert(
        6,
        b"{\"id\": \"latin1\", \"text\": \"Caf\xe9 owners said the rules hurt them.\"}",
    );
    let path = dir.join("stream.jsonl");
    std::fs::write(&path, lines.join(&b'\n')).unwrap();
    path
}

/// The ids of the good lines, in input order.
const GOOD: [&str; 11] = [
    "cup-1",
    "dam-1",
    "merger-1",
    "dam-2",
    "dam-1-copy",
    "cup-2",
    "merger-2",
    "dam-3",
    "cup-3",
    "merger-3",
    "dam-4",
];

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn read_json_lines(path: &Path) -> Vec<Value> {
    json_lines(&std::fs::read_to_string(path).unwrap())
}

/// Story of each article in an assignments listing.
fn story_of<'a>(assignments: &'a [Value], id: &str) -> &'a str {
    assignments
        .iter()
        .find(|a| a["id"] == id)
        .and_then(|a| a["story"].as_str())
        .unwrap()
}

#[test]
fn a_stream_forms_its_stories_and_bad_lines_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = stream_with_bad_lines(dir.path());
    let assignments = dir.path().join("assignments.jsonl");
    let out = newsbrief()
        .args(["stories", "--format", "json", "--input"])
        .arg(&input)
        .arg("--assignments")
        .arg(&assignments)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("newsbrief: line 4: not valid JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("newsbrief: line 7: not valid UTF-8"),
        "{stderr}"
    );
    assert!(
        stderr.contains("newsbrief: line 9: no `text` and no `html`"),
        "{stderr}"
    );
    assert!(stderr.contains("11 articles read, 3 skipped"), "{stderr}");
    assert!(!stderr.contains("panicked"));

    let assigned = read_json_lines(&assignments);
    let ids: Vec<_> = assigned.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, GOOD);
    let group = |prefix: &str| {
        let stories: HashSet<_> = GOOD
            .iter()
            .filter(|id| id.starts_with(prefix))
            .map(|id| story_of(&assigned, id))
            .collect();
        assert_eq!(stories.len(), 1, "{prefix}: {assigned:?}");
        stories.into_iter().next().unwrap().to_owned()
    };
    let (dam, merger, cup) = (group("dam"), group("merger"), group("cup"));
    assert_eq!(HashSet::from([&dam, &merger, &cup]).len(), 3);
    for line in &assigned {
        let want = if line["id"] == "dam-1-copy" {
            Value::from("dam-1")
        } else {
            Value::Null
        };
        assert_eq!(line["duplicate_of"], want, "{line}");
    }

    let listing: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listing["articles"], 11);
    assert_eq!(listing["skipped"], 3);
    let stories = listing["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 3);
    // Biggest first: the dam story has 5 articles, 4 of them sources (the copy counts once).
    assert_eq!(stories[0]["id"], dam.as_str());
    assert_eq!(stories[0]["articles"], 5);
    assert_eq!(stories[0]["sources"], 4);
    assert_eq!(
        stories[0]["title"],
        "Brennick Dam breach floods Harlow Creek"
    );
    assert_eq!(
        stories[0]["outlets"],
        serde_json::json!(["Valley Herald", "Metro Wire", "Coast Times", "Daily Ledger"])
    );
    assert_eq!(stories[0]["first_seen"], "2024-05-06T07:10:00Z");
    assert_eq!(stories[0]["last_seen"], "2024-05-07T15:45:00Z");
    for story in &stories[1..] {
        assert_eq!(story["articles"], 3);
    }
}

#[test]
fn markdown_listing_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let input = std::fs::read(stream_with_bad_lines(dir.path())).unwrap();
    let out = newsbrief()
        .args(["stories", "--input", "-"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<_> = stdout.lines().collect();
    assert_eq!(lines[0], "# Stories");
    assert_eq!(lines.len(), 5, "{stdout}");
    assert!(
        lines[2].ends_with(
            " · Brennick Dam breach floods Harlow Creek · 5 articles (4 sources) · \
             Valley Herald, Metro Wire, Coast Times, Daily Ledger · 2024-05-06 – 2024-05-07"
        ),
        "{stdout}"
    );
    assert!(
        lines[3].contains(" · 3 articles (3 sources) · "),
        "{stdout}"
    );

    // Only the good lines: exit 0, and jsonl output limited to the biggest story.
    let good: String = std::fs::read_to_string(data("stream.jsonl"))
        .unwrap()
        .lines()
        .filter(|l| l.contains("\"text\"") && l.ends_with('}'))
        .map(|l| format!("{l}\n"))
        .collect();
    let out = newsbrief()
        .args([
            "stories", "--input", "-", "--format", "jsonl", "--limit", "1",
        ])
        .write_stdin(good)
        .assert()
        .success();
    let listed = json_lines(&String::from_utf8_lossy(&out.get_output().stdout));
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["articles"], 5);
}

#[test]
fn several_inputs_name_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = stream_with_bad_lines(dir.path());
    let second = dir.path().join("more.jsonl");
    std::fs::write(
        &second,
        "{\"id\": \"x\", \"text\": \"A short note.\", \"published\": \"last week\"}\n",
    )
    .unwrap();
    let assignments = dir.path().join("a.jsonl");
    newsbrief()
        .args(["stories", "--input"])
        .arg(&input)
        .arg("--input")
        .arg(&second)
        .arg("--assignments")
        .arg(&assignments)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(format!("{}: line 4: not valid JSON", input.display()))
                .and(predicate::str::contains(format!(
                    "{}: line 1: field `published` is neither an RFC 3339 time nor a date",
                    second.display()
                )))
                .and(predicate::str::contains("11 articles read, 4 skipped")),
        );
    assert_eq!(read_json_lines(&assignments).len(), 11);
}

#[test]
fn a_directory_is_one_story_with_a_brief() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stories.db");
    let out = newsbrief()
        .args(["stories", "--format", "json", "--input"])
        .arg(example())
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = listing["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{listing}");
    assert_eq!(stories[0]["articles"], 5);
    let id = stories[0]["id"].as_str().unwrap();

    newsbrief()
        .args(["story", id, "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("Sessions"));
    let out = newsbrief()
        .args(["story", id, "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(brief["sources"].as_array().unwrap().len(), 5);
    // The second time comes from the cache, and is the same.
    let again = newsbrief()
        .args(["story", id, "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(again.stdout, out.stdout);
}

#[test]
fn a_rerun_on_the_same_db_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = stream_with_bad_lines(dir.path());
    let db = dir.path().join("stories.db");
    let run = |name: &str| {
        let assignments = dir.path().join(name);
        let out = newsbrief()
            .args(["stories", "--format", "json", "--input"])
            .arg(&input)
            .arg("--db")
            .arg(&db)
            .arg("--assignments")
            .arg(&assignments)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let listing: Value = serde_json::from_slice(&out.stdout).unwrap();
        (listing, std::fs::read_to_string(assignments).unwrap())
    };
    let (first, first_assigned) = run("a1.jsonl");
    let (second, second_assigned) = run("a2.jsonl");
    assert_eq!(first, second);
    assert_eq!(first_assigned, second_assigned);
    assert_eq!(first["stories"].as_array().unwrap().len(), 3);

    // Listing the database without input gives the same stories.
    let out = newsbrief()
        .args(["stories", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(listed["stories"], first["stories"]);
    assert_eq!(listed["articles"], 0);
    newsbrief()
        .args(["stories", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Brennick Dam breach floods Harlow Creek",
        ));
}

#[test]
fn story_errors_are_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stories.db");
    newsbrief()
        .args(["stories", "--input"])
        .arg(data("stream.jsonl"))
        .arg("--db")
        .arg(&db)
        .assert()
        .code(2);
    newsbrief()
        .args(["story", "s99", "--db"])
        .arg(&db)
        .assert()
        .code(1)
        .stderr(format!("newsbrief: no story s99 in {}\n", db.display()));
    newsbrief()
        .args(["story", "s1", "--db"])
        .arg(dir.path().join("missing.db"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no database at"));
    assert!(!dir.path().join("missing.db").exists());
    newsbrief()
        .args(["story", "s1"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--db <PATH>"));
    newsbrief()
        .args(["stories", "--db"])
        .arg(dir.path().join("missing.db"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no database at"));
    newsbrief()
        .args(["stories", "--input", "no/such/stream.jsonl"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read no/such/stream.jsonl"));
    newsbrief()
        .arg("stories")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--input"));
}

#[test]
fn help_shows_examples() {
    for command in ["stories", "story"] {
        newsbrief()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("Examples:")
                    .and(predicate::str::contains(format!("newsbrief {command} "))),
            );
    }
}

// ---- The crash test -------------------------------------------------------------------------------------

/// A small deterministic random number generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [String]) -> &'a str {
        &items[self.below(items.len())]
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A made-up word of 2-3 syllables.
fn word(rng: &mut Rng) -> String {
    const ONSETS: [&str; 16] = [
        "b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "br", "st",
    ];
    const VOWELS: [&str; 6] = ["a", "e", "i", "o", "u", "ar"];
    (0..2 + rng.below(2))
        .map(|_| format!("{}{}", ONSETS[rng.below(16)], VOWELS[rng.below(6)]))
        .collect()
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A JSONL stream of `n` articles about `stories` recurring stories (each its own names, place and topic
/// words, over shared filler), with some syndicated copies (another outlet, a dateline) and some ids sent
/// twice. Returns the stream and its number of distinct ids.
fn synthetic_stream(seed: u64, n: usize, stories: usize) -> (String, usize) {
    let mut rng = Rng(seed);
    let filler: Vec<String> = (0..400).map(|_| word(&mut rng)).collect();
    let outlets = [
        "Wire One",
        "Daily Two",
        "Herald Three",
        "Post Four",
        "Times Five",
    ];
    let vocab: Vec<(Vec<String>, Vec<String>)> = (0..stories)
        .map(|_| {
            let names = (0..3).map(|_| capitalised(&word(&mut rng))).collect();
            let topic = (0..12).map(|_| word(&mut rng)).collect();
            (names, topic)
        })
        .collect();
    let mut lines: Vec<String> = Vec::with_capacity(n);
    let mut ids = HashSet::new();
    while lines.len() < n {
        let i = lines.len();
        let roll = rng.unit();
        if roll < 0.03 && i > 10 {
            // The same line again (a re-send).
            let again = lines[rng.below(i)].clone();
            lines.push(again);
            continue;
        }
        let published = format!(
            "2024-03-{:02}T{:02}:{:02}:00Z",
            1 + i / 200,
            (i / 10) % 24,
            i % 60
        );
        let id = format!("a{i}");
        if roll < 0.08 && i > 10 {
            // A syndicated copy of an earlier article.
            let earlier: Value = serde_json::from_str(&lines[rng.below(i)]).unwrap();
            let text = format!(
                "DATELINE ({}) — {}",
                outlets[rng.below(5)],
                earlier["text"].as_str().unwrap()
            );
            let copy = serde_json::json!({"id": id, "text": text, "title": earlier["title"], "published": published, "outlet": outlets[rng.below(5)]});
            ids.insert(id);
            lines.push(copy.to_string());
            continue;
        }
        let (names, topic) = &vocab[rng.below(stories)];
        let sentence = |rng: &mut Rng| {
            let mut words = vec![names[rng.below(3)].clone()];
            for _ in 0..10 + rng.below(8) {
                words.push(if rng.unit() < 0.5 {
                    rng.pick(topic).to_owned()
                } else {
                    rng.pick(&filler).to_owned()
                });
            }
            if rng.unit() < 0.5 {
                words.push(names[rng.below(3)].clone());
            }
            format!("{}.", words.join(" "))
        };
        let text: Vec<String> = (0..6 + rng.below(6)).map(|_| sentence(&mut rng)).collect();
        let title = format!("{} {} {}", names[0], rng.pick(topic), rng.pick(topic));
        let article = serde_json::json!({"id": id, "text": text.join(" "), "title": title, "published": published, "outlet": outlets[rng.below(5)]});
        ids.insert(id);
        lines.push(article.to_string());
    }
    let mut stream = lines.join("\n");
    stream.push('\n');
    (stream, ids.len())
}

/// `newsbrief stories --input S --db D --assignments A --format json` as a child process (its output
/// piped, or thrown away for a child to be killed, so that it never waits on a full pipe).
fn ingest_child(input: &Path, db: &Path, assignments: &Path, piped: bool) -> std::process::Child {
    let output = || if piped { Stdio::piped() } else { Stdio::null() };
    std::process::Command::new(assert_cmd::cargo::cargo_bin("newsbrief"))
        .args(["stories", "--format", "json", "--input"])
        .arg(input)
        .arg("--db")
        .arg(db)
        .arg("--assignments")
        .arg(assignments)
        .stdout(output())
        .stderr(output())
        .spawn()
        .unwrap()
}

/// Runs an ingest to its end: its listing (stdout) and assignments.
fn ingest_to_end(input: &Path, db: &Path, assignments: &Path) -> (Value, String) {
    let out = ingest_child(input, db, assignments, true)
        .wait_with_output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = serde_json::from_slice(&out.stdout).unwrap();
    (listing, std::fs::read_to_string(assignments).unwrap())
}

/// The stories stored in `db` as `stories --db D --format json` lists them.
fn stored(db: &Path) -> Value {
    let out = newsbrief()
        .args(["stories", "--format", "json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stored_articles(listing: &Value) -> u64 {
    listing["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum()
}

/// An ingest killed with SIGKILL at random points (twice a round, at delays drawn inside the time of an
/// uninterrupted run) and run again ends with the same stories and assignments as an uninterrupted run,
/// every article stored exactly once.
#[cfg(unix)]
#[test]
fn a_killed_ingest_run_again_ends_as_an_uninterrupted_one() {
    use std::os::unix::process::ExitStatusExt;

    let n = if cfg!(debug_assertions) { 800 } else { 3_000 };
    let dir = tempfile::tempdir().unwrap();
    let (stream, distinct) = synthetic_stream(12, n, 40);
    let input = dir.path().join("stream.jsonl");
    std::fs::write(&input, stream).unwrap();

    let started = Instant::now();
    let clean_db = dir.path().join("clean.db");
    let (clean_listing, clean_assigned) =
        ingest_to_end(&input, &clean_db, &dir.path().join("clean.jsonl"));
    let full = started.elapsed();
    let clean_stored = stored(&clean_db);
    assert_eq!(stored_articles(&clean_stored), distinct as u64);
    assert_eq!(clean_assigned.lines().count(), n);
    let stories = clean_stored["stories"].as_array().unwrap().len();
    assert!(
        (20..=200).contains(&stories),
        "{stories} stories from 40 story vocabularies"
    );

    let mut rng = Rng(2024);
    let mut mid_ingest = 0;
    // Three rounds at least; more (up to six) until two kills have landed mid-ingest.
    for round in 0..6 {
        if round >= 3 && mid_ingest >= 2 {
            break;
        }
        let db = dir.path().join(format!("killed{round}.db"));
        let assignments = dir.path().join(format!("killed{round}.jsonl"));
        for _ in 0..2 {
            let delay = full.mul_f64(0.05 + 0.9 * rng.unit());
            let mut child = ingest_child(&input, &db, &assignments, false);
            std::thread::sleep(delay);
            let _ = child.kill();
            let status = child.wait().unwrap();
            eprintln!("round {round}: killed after {delay:?}: {status:?}");
            if status.signal() == Some(9) {
                let held = stored_articles(&stored(&db));
                eprintln!("  {held} of {distinct} articles stored");
                assert!(held <= distinct as u64);
                if held > 0 && held < distinct as u64 {
                    mid_ingest += 1;
                }
            }
        }
        let (listing, assigned) = ingest_to_end(&input, &db, &assignments);
        assert_eq!(listing, clean_listing, "round {round}: the listing differs");
        assert!(
            assigned == clean_assigned,
            "round {round}: the assignments differ"
        );
        let held = stored(&db);
        assert_eq!(
            held, clean_stored,
            "round {round}: the stored stories differ"
        );
        assert_eq!(stored_articles(&held), distinct as u64);
    }
    assert!(
        mid_ingest >= 2,
        "only {mid_ingest} kills landed mid-ingest (uninterrupted run {full:?})"
    );
    eprintln!(
        "crash test: {n} articles, {stories} stories, uninterrupted run {full:?}, {mid_ingest} kills \
         mid-ingest, {:?} in all",
        started.elapsed()
    );
}

#[test]
fn listing_and_story_write_to_a_file_and_a_story_takes_sections() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stories.db");
    let listing = dir.path().join("stories.md");
    newsbrief()
        .args(["stories", "--input"])
        .arg(example())
        .arg("--db")
        .arg(&db)
        .arg("-o")
        .arg(&listing)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let listed = std::fs::read_to_string(&listing).unwrap();
    let id = listed
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find(|w| w.len() > 1 && w.starts_with('s') && w[1..].bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_else(|| panic!("no story id in {listed}"))
        .to_owned();

    let brief = dir.path().join("brief.md");
    newsbrief()
        .args(["story", &id, "--sections", "summary,sources", "--db"])
        .arg(&db)
        .arg("--output")
        .arg(&brief)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let text = std::fs::read_to_string(&brief).unwrap();
    assert!(
        text.contains("## Summary") && text.contains("## Sources"),
        "{text}"
    );
    assert!(
        !text.contains("## Quotes") && !text.contains("## Timeline"),
        "{text}"
    );
    // Without --sections the whole (cached) brief.
    newsbrief()
        .args(["story", &id, "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("## Quotes"));
    newsbrief()
        .args(["story", "s999", "--sections", "summary", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("no story s999"));
}

/// `story ID --since TIME`: an update brief whose seen articles are those published before TIME.
#[test]
fn story_since_a_time_is_an_update_brief() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("stories.db");
    let stream = dir.path().join("stream.jsonl");
    let mut files: Vec<PathBuf> = std::fs::read_dir(example())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let lines: String = files
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let text = std::fs::read_to_string(p).unwrap();
            let published = format!("2017-03-0{}T12:00:00Z", i + 1);
            format!(
                "{}\n",
                serde_json::json!({"id": format!("a{i}"), "text": text, "published": published})
            )
        })
        .collect();
    std::fs::write(&stream, lines).unwrap();
    let out = newsbrief()
        .args(["stories", "--format", "json", "--input"])
        .arg(&stream)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing: Value = serde_json::from_slice(&out.stdout).unwrap();
    let biggest = listing["stories"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|s| s["articles"].as_u64())
        .unwrap()
        .clone();
    let id = biggest["id"].as_str().unwrap();
    let out = newsbrief()
        .args([
            "story",
            id,
            "--since",
            "2017-03-03",
            "--format",
            "json",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let brief: Value = serde_json::from_slice(&out.stdout).unwrap();
    let seen = brief["update"]["seen"].as_array().unwrap();
    assert!(!seen.is_empty(), "{brief}");
    for s in seen {
        assert!(s["published"].as_str().unwrap() < "2017-03-03", "{s}");
    }
    assert!(brief["words"].as_u64().unwrap() <= 100);
    newsbrief()
        .args(["story", id, "--since", "last week", "--db"])
        .arg(&db)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("RFC 3339"));
}
