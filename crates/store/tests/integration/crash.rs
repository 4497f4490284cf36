//! Crash test: an ingest into an SQLite file killed with SIGKILL at random moments and run again ends
//! with the same stories and assignments as an uninterrupted run, every article stored exactly once.
//!
//! The killed ingest is this test binary run again as a child process (`crash_child`, ignored in
//! normal runs, does the ingest when `NEWSBRIEF_CRASH_DB` is set).

use std::collections::HashSet;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use newsbrief_core::Article;
use newsbrief_store::synthetic::{self, Rng};
use newsbrief_store::{Ingest, Order, StoryQuery};

const ARTICLES: usize = 3_000;
const STORIES: usize = 12;
const SEED: u64 = 2024;
const BATCH: usize = 25;
/// The child saves the detector's state every this many batches (so kills land around snapshots too).
const CHECKPOINT_BATCHES: usize = 15;

fn stream() -> Vec<Article> {
    synthetic::stream(ARTICLES, STORIES, SEED)
}

/// The ingest the child runs (and the parent, to completion): the whole stream, from the start.
fn run_ingest(path: &std::path::Path, articles: &[Article]) {
    let mut ingest = Ingest::open_sqlite(path).expect("open");
    for (i, batch) in articles.chunks(BATCH).enumerate() {
        ingest.add(batch).expect("add");
        if (i + 1) % CHECKPOINT_BATCHES == 0 {
            ingest.checkpoint().expect("checkpoint");
        }
    }
    ingest.checkpoint().expect("checkpoint");
}

#[test]
#[ignore = "run by crash_and_rerun_equals_an_uninterrupted_run as its child process"]
fn crash_child() {
    let Some(path) = std::env::var_os("NEWSBRIEF_CRASH_DB") else {
        return;
    };
    run_ingest(std::path::Path::new(&path), &stream());
}

#[test]
fn crash_and_rerun_equals_an_uninterrupted_run() {
    let articles = stream();
    let start = Instant::now();
    let mut reference = Ingest::sqlite_in_memory().unwrap();
    for batch in articles.chunks(BATCH) {
        reference.add(batch).unwrap();
    }
    let expected = reference.assignments().unwrap();
    let took = start.elapsed();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let exe = std::env::current_exe().unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.as_nanos() as u64);
    eprintln!("kill delays from seed {seed}");
    let mut rng = Rng::new(seed);
    let mut stored_before: Vec<usize> = Vec::new();
    let mut budget = took.as_millis() as u64 / 3 + 100;
    for _round in 0..6 {
        let mut child = Command::new(&exe)
            .args([&child_test(), "--exact", "--ignored", "--test-threads", "1"])
            .env("NEWSBRIEF_CRASH_DB", &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Somewhere in the child's run, its start-up (open, restore, replay) included: each round gets
        // up to about a third of the stream further, so the kills land all along it (a longer wait after
        // a round that got nowhere, as on a busy machine).
        let delay = Duration::from_millis(20 + rng.next_u64() % budget);
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();
        let now = stored(&path);
        if stored_before.last().copied().unwrap_or(0) == now {
            budget *= 2;
        }
        stored_before.push(now);
    }
    run_ingest(&path, &articles);

    let ingest = Ingest::open_sqlite(&path).unwrap();
    let got = ingest.assignments().unwrap();
    let ids: HashSet<&str> = got.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids.len(), got.len(), "an article stored twice");
    assert_eq!(got.len(), articles.len(), "an article lost");
    assert_eq!(got, expected);
    let all = StoryQuery::default();
    assert_eq!(
        ingest.stories(&all, Order::Biggest).unwrap(),
        reference.stories(&all, Order::Biggest).unwrap()
    );
    // The kills landed at different points (not all before the first commit or after the last).
    let distinct: HashSet<usize> = stored_before.iter().copied().collect();
    eprintln!("articles stored when killed: {stored_before:?} (an uninterrupted run: {took:?})");
    assert!(distinct.len() >= 2, "{stored_before:?}");
}

/// `crash_child`'s name as the test harness knows it: its path in the test binary ("crash::crash_child").
fn child_test() -> String {
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    if module.is_empty() {
        "crash_child".into()
    } else {
        format!("{module}::crash_child")
    }
}

/// How many articles the database holds (0 when it does not exist yet).
fn stored(path: &std::path::Path) -> usize {
    if !path.exists() {
        return 0;
    }
    Ingest::open_sqlite(path)
        .map(|i| i.cursor() as usize)
        .unwrap_or(0)
}
