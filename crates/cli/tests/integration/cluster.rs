//! The store URL and the cluster commands end to end, against real servers (PostgreSQL:
//! `NEWSBRIEF_TEST_POSTGRES`, else 127.0.0.1:5432 database `test`; NATS with JetStream:
//! `NEWSBRIEF_TEST_NATS`, else 127.0.0.1:4222; `scripts/test` starts them when none answers): `--store
//! postgres://…` gives what an SQLite file gives; `publish` and worker processes give what one `stories`
//! run gives, also when a worker is killed mid-stream; a worker reports its health and stops on SIGTERM.
//! Each test has a PostgreSQL schema and a stream of its own, removed afterwards.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

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

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A deployment of the test's own: a PostgreSQL schema and a JetStream stream named after the test.
struct Cluster {
    dir: tempfile::TempDir,
    postgres: String,
    nats: String,
    name: String,
}

impl Cluster {
    fn new(tag: &str) -> Cluster {
        let postgres = std::env::var("NEWSBRIEF_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into());
        let nats =
            std::env::var("NEWSBRIEF_TEST_NATS").unwrap_or_else(|_| "nats://127.0.0.1:4222".into());
        let name = format!("nbcli_{tag}_{}", std::process::id());
        let mut client =
            postgres::Client::connect(&postgres, postgres::NoTls).unwrap_or_else(|e| {
                panic!("no PostgreSQL at {postgres} ({e}): scripts/test starts one")
            });
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .unwrap();
        let cluster = Cluster {
            dir: tempfile::tempdir().unwrap(),
            postgres,
            nats,
            name,
        };
        cluster.delete_stream();
        cluster
    }

    /// The store's URL, as `--store` takes it.
    fn store(&self) -> String {
        let join = if self.postgres.contains('?') {
            '&'
        } else {
            '?'
        };
        format!(
            "{}{join}options=-csearch_path%3D{}",
            self.postgres, self.name
        )
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn publish(&self, input: &Path) -> assert_cmd::assert::Assert {
        newsbrief()
            .args(["publish", "--nats", &self.nats, "--name", &self.name])
            .arg(input)
            .assert()
    }

    /// A worker process (its log piped), with `extra` arguments.
    fn worker(&self, extra: &[&str]) -> Child {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("newsbrief"))
            .args(["worker", "--nats", &self.nats, "--name", &self.name])
            .args(["--store", &self.store()])
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// The assignments one `stories` run over `input` writes (and its exit code).
    fn one_run(&self, input: &Path) -> (String, Option<i32>) {
        let out = self.path("embedded.jsonl");
        let status = newsbrief()
            .args(["stories", "--input"])
            .arg(input)
            .arg("--assignments")
            .arg(&out)
            .output()
            .unwrap()
            .status;
        (std::fs::read_to_string(&out).unwrap(), status.code())
    }

    /// The assignments the store holds.
    fn stored(&self) -> String {
        let out = self.path("stored.jsonl");
        newsbrief()
            .args(["stories", "--store", &self.store(), "--assignments"])
            .arg(&out)
            .assert()
            .success();
        std::fs::read_to_string(&out).unwrap()
    }

    fn delete_stream(&self) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            if let Ok(client) = async_nats::connect(&self.nats).await {
                let stream = self.name.to_ascii_uppercase();
                let _ = async_nats::jetstream::new(client)
                    .delete_stream(&stream)
                    .await;
            }
        });
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.delete_stream();
        if let Ok(mut client) = postgres::Client::connect(&self.postgres, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

fn wait_ok(worker: Child) {
    let out = worker.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_postgres_store_gives_the_same_stories_as_an_sqlite_file() {
    let cluster = Cluster::new("same");
    let stream = data("stream.jsonl");
    let mut assignments = Vec::new();
    let sqlite = format!("sqlite://{}", cluster.path("s.db").display());
    for (i, store) in [sqlite, cluster.store()].iter().enumerate() {
        let out = cluster.path(&format!("assigned-{i}.jsonl"));
        newsbrief()
            .args(["stories", "--store", store, "--input"])
            .arg(&stream)
            .arg("--assignments")
            .arg(&out)
            .assert()
            .code(2); // the committed stream has two bad lines
        assignments.push(std::fs::read_to_string(&out).unwrap());
    }
    assert_eq!(assignments[0], assignments[1]);
    assert_eq!(json_lines(&assignments[1]).len(), 11);
    // A story's brief from PostgreSQL.
    let story = json_lines(&assignments[1])[0]["story"]
        .as_str()
        .unwrap()
        .to_owned();
    newsbrief()
        .args(["story", &story, "--store", &cluster.store()])
        .assert()
        .success()
        .stdout(predicate::str::contains("## Summary"));
    newsbrief()
        .args(["story", "s999", "--store", &cluster.store()])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no story s999"));
}

#[test]
fn two_worker_processes_fill_a_postgres_store_as_one_stories_run_would() {
    let cluster = Cluster::new("two");
    let stream = data("stream.jsonl");
    let (embedded, code) = cluster.one_run(&stream);
    assert_eq!(code, Some(2), "the committed stream has two bad lines");
    cluster
        .publish(&stream)
        .code(2)
        .stderr(predicate::str::contains("11 articles published"));
    let workers = [
        cluster.worker(&["--until-idle"]),
        cluster.worker(&["--until-idle"]),
    ];
    workers.into_iter().for_each(wait_ok);
    assert_eq!(cluster.stored(), embedded);
    // Published again: the stream drops every id it has.
    cluster.publish(&stream).stderr(
        predicate::str::contains("0 articles published")
            .and(predicate::str::contains("11 already there")),
    );
}

#[test]
fn a_worker_killed_mid_stream_loses_nothing_and_stores_nothing_twice() {
    let cluster = Cluster::new("killed");
    let input = cluster.path("stream.jsonl");
    let lines: Vec<String> = newsbrief_store::synthetic::stream(4_000, 12, 31)
        .iter()
        .map(|a| newsbrief_cluster::queue::article_to_json(a).to_string())
        .collect();
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let (embedded, code) = cluster.one_run(&input);
    assert_eq!(code, Some(0));
    cluster.publish(&input).success();
    let args = ["--until-idle", "--batch", "16", "--ack-wait", "2"];
    let mut doomed = cluster.worker(&args);
    let survivor = cluster.worker(&args);
    std::thread::sleep(Duration::from_millis(800));
    assert!(
        doomed.try_wait().unwrap().is_none(),
        "the worker finished before it could be killed"
    );
    doomed.kill().unwrap(); // SIGKILL
    doomed.wait().unwrap();
    let late = cluster.worker(&args);
    [survivor, late].into_iter().for_each(wait_ok);
    let stored = cluster.stored();
    assert_eq!(stored.lines().count(), 4_000);
    assert_eq!(stored, embedded);
}

/// `GET /readyz` of a worker's health endpoint: the answer, once it is a 200 whose body has `want`.
fn ready(port: u16, want: &str) -> Value {
    use std::io::{Read, Write};
    let start = Instant::now();
    loop {
        let answer = std::net::TcpStream::connect(("127.0.0.1", port))
            .ok()
            .and_then(|mut s| {
                s.write_all(b"GET /readyz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .ok()?;
                let mut text = String::new();
                s.read_to_string(&mut text).ok()?;
                Some(text)
            });
        if let Some(text) = answer.filter(|t| t.starts_with("HTTP/1.1 200") && t.contains(want)) {
            return serde_json::from_str(&text[text.find('{').unwrap()..]).unwrap();
        }
        assert!(start.elapsed().as_secs() < 60, "the worker never got ready");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn a_worker_reports_its_health_and_stops_cleanly_on_sigterm() {
    let cluster = Cluster::new("health");
    cluster.publish(&data("stream.jsonl")).code(2);
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut worker = cluster.worker(&["--health", &format!("127.0.0.1:{port}")]);
    // Ready once it has taken the stream: 11 articles profiled and assigned, nothing waiting.
    let body = ready(port, "\"assigned\":11");
    assert_eq!(body["ready"], true);
    assert_eq!(body["assigner"], true);
    assert_eq!(body["lag"], 0);
    assert!(body["last_commit"].as_u64().is_some());
    // SIGTERM: it finishes the round in hand, saves the detector's state and exits 0.
    std::process::Command::new("kill")
        .args(["-TERM", &worker.id().to_string()])
        .status()
        .unwrap();
    let status = worker.wait().unwrap();
    let mut log = String::new();
    std::io::Read::read_to_string(worker.stderr.as_mut().unwrap(), &mut log).unwrap();
    assert!(status.success(), "{log}");
    assert!(log.contains("worker stopped"), "{log}");
}
