//! Same answer: the stories 1, 2 and 4 workers make of a stream equal those of one process reading it in
//! order — against the real servers (NATS with JetStream: `NEWSBRIEF_TEST_NATS`, else 127.0.0.1:4222;
//! PostgreSQL: `NEWSBRIEF_TEST_POSTGRES`, else 127.0.0.1:5432 database `test`; `scripts/test` starts
//! them when none answers). Each run has a stream and a PostgreSQL schema of its own.

use std::sync::atomic::AtomicBool;
use std::thread;

use newsbrief_cluster::{Names, Publisher, Worker, WorkerConfig, WorkerReport};
use newsbrief_core::Article;
use newsbrief_store::{synthetic, Ingest, Outcome};

fn nats_url() -> String {
    std::env::var("NEWSBRIEF_TEST_NATS").unwrap_or_else(|_| "nats://127.0.0.1:4222".into())
}

fn postgres_base() -> String {
    std::env::var("NEWSBRIEF_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A stream and a schema of their own, removed afterwards.
struct Deployment {
    names: Names,
    schema: String,
}

impl Deployment {
    fn new(tag: &str) -> Deployment {
        let name = format!("nbtest_{tag}_{}", std::process::id());
        let mut client = postgres::Client::connect(&postgres_base(), postgres::NoTls)
            .unwrap_or_else(|e| {
                panic!(
                    "no PostgreSQL at {} ({e}): scripts/test starts one",
                    postgres_base()
                )
            });
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .unwrap();
        let deployment = Deployment {
            names: Names::new(&name),
            schema: name,
        };
        deployment.delete_stream();
        deployment
    }

    fn store(&self) -> String {
        let base = postgres_base();
        let join = if base.contains('?') { '&' } else { '?' };
        format!("{base}{join}options=-csearch_path%3D{}", self.schema)
    }

    fn delete_stream(&self) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            if let Ok(client) = async_nats::connect(nats_url()).await {
                let _ = async_nats::jetstream::new(client)
                    .delete_stream(&self.names.stream)
                    .await;
            }
        });
    }

    fn publish(&self, articles: &[Article]) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let publisher = Publisher::connect(&nats_url(), &self.names)
                .await
                .unwrap_or_else(|e| panic!("{e}: scripts/test starts a NATS server"));
            for chunk in articles.chunks(100) {
                publisher.send(chunk).await.unwrap();
            }
        });
    }

    /// Runs `n` workers until the stream is drained; what each did.
    fn work(&self, n: usize) -> Vec<WorkerReport> {
        let handles: Vec<_> = (0..n)
            .map(|_| {
                let config = WorkerConfig {
                    nats: nats_url(),
                    store: self.store(),
                    names: self.names.clone(),
                    batch: 16,
                    until_idle: true,
                    ack_wait: std::time::Duration::from_secs(60),
                };
                thread::spawn(move || {
                    let mut worker = Worker::start(config).unwrap();
                    worker.run(&AtomicBool::new(false)).unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    }

    fn assignments(&self) -> Vec<Outcome> {
        Ingest::open(&self.store()).unwrap().assignments().unwrap()
    }
}

impl Drop for Deployment {
    fn drop(&mut self) {
        self.delete_stream();
        if let Ok(mut client) = postgres::Client::connect(&postgres_base(), postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

fn one_process(articles: &[Article]) -> Vec<Outcome> {
    let mut ingest = Ingest::sqlite_in_memory().unwrap();
    for chunk in articles.chunks(512) {
        ingest.add(chunk).unwrap();
    }
    ingest.assignments().unwrap()
}

/// Each labelled stream of `../shared/data/streams` (beside the repository: present in CI and on the
/// development machines, absent on a fresh clone, where the synthetic test below still runs).
fn shared_streams() -> Vec<(String, Vec<Article>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/streams");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no {}: the shared streams are not checked", dir.display());
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let articles = std::fs::read_to_string(&path)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let value: serde_json::Value = serde_json::from_str(l).unwrap();
                    newsbrief_core::article_json::article_from_json(&value, None).unwrap()
                })
                .collect();
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                articles,
            )
        })
        .collect()
}

#[test]
fn the_shared_streams_get_the_same_stories_from_one_two_and_four_workers() {
    for (name, articles) in shared_streams() {
        let expected = one_process(&articles);
        for workers in [1, 2, 4] {
            let deployment = Deployment::new(&format!("s{workers}"));
            deployment.publish(&articles);
            deployment.work(workers);
            assert_eq!(
                deployment.assignments(),
                expected,
                "{name}, {workers} workers"
            );
        }
    }
}

#[test]
fn one_two_and_four_workers_give_the_stories_of_one_process() {
    let mut articles = synthetic::stream(600, 8, 21);
    // A copy under another id and an id sent twice: the stream drops the second, the store links the copy.
    let copy = Article::new("copy-of-7", articles[7].text.clone());
    articles.insert(300, copy);
    articles.push(articles[3].clone());
    let expected = one_process(&articles);
    assert!(expected.len() > 500);
    for workers in [1, 2, 4] {
        let deployment = Deployment::new(&format!("w{workers}"));
        deployment.publish(&articles);
        let reports = deployment.work(workers);
        assert_eq!(deployment.assignments(), expected, "{workers} workers");
        let profiled: usize = reports.iter().map(|r| r.profiled).sum();
        let assigned: usize = reports.iter().map(|r| r.assigned).sum();
        assert!(
            profiled >= articles.len() - 1,
            "{workers} workers: {reports:?}"
        );
        assert_eq!(assigned, expected.len(), "{workers} workers: {reports:?}");
        assert_eq!(
            reports.iter().filter(|r| r.assigned > 0).count(),
            1,
            "{reports:?}"
        );
    }
}
