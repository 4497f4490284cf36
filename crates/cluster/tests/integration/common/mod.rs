//! What the cluster tests share: a deployment of its own (a JetStream stream and a PostgreSQL schema, on
//! the servers `NEWSBRIEF_TEST_NATS` and `NEWSBRIEF_TEST_POSTGRES` name, else 127.0.0.1:4222 and
//! 127.0.0.1:5432 database `test`; `scripts/test` starts them when none answers), workers run as threads,
//! and the stories of one in-order process to compare with.
#![allow(dead_code)]

use std::sync::atomic::AtomicBool;
use std::thread;
use std::time::Duration;

use newsbrief_cluster::{Names, Publisher, Worker, WorkerConfig, WorkerReport};
use newsbrief_core::Article;
use newsbrief_store::{Ingest, Outcome};

pub fn nats_url() -> String {
    std::env::var("NEWSBRIEF_TEST_NATS").unwrap_or_else(|_| "nats://127.0.0.1:4222".into())
}

pub fn postgres_base() -> String {
    std::env::var("NEWSBRIEF_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A stream and a schema of their own, removed afterwards.
pub struct Deployment {
    pub names: Names,
    schema: String,
    nats: String,
    postgres: String,
}

impl Deployment {
    pub fn new(tag: &str) -> Deployment {
        Deployment::on(tag, &nats_url())
    }

    /// A deployment on the NATS server at `nats`.
    pub fn on(tag: &str, nats: &str) -> Deployment {
        Deployment::on_servers(tag, nats, &postgres_base())
    }

    /// A deployment on the NATS server at `nats` and the PostgreSQL server at `postgres`.
    pub fn on_servers(tag: &str, nats: &str, postgres: &str) -> Deployment {
        let name = format!("nbtest_{tag}_{}", std::process::id());
        let mut client = postgres::Client::connect(postgres, postgres::NoTls).unwrap_or_else(|e| {
            panic!("no PostgreSQL at {postgres} ({e}): scripts/test starts one")
        });
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
            ))
            .unwrap();
        let deployment = Deployment {
            names: Names::new(&name),
            schema: name,
            nats: nats.to_owned(),
            postgres: postgres.to_owned(),
        };
        deployment.delete_stream();
        deployment
    }

    pub fn store(&self) -> String {
        let base = &self.postgres;
        let join = if base.contains('?') { '&' } else { '?' };
        format!("{base}{join}options=-csearch_path%3D{}", self.schema)
    }

    pub fn delete_stream(&self) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            if let Ok(client) = async_nats::connect(&self.nats).await {
                let _ = async_nats::jetstream::new(client)
                    .delete_stream(&self.names.stream)
                    .await;
            }
        });
    }

    pub fn publish(&self, articles: &[Article]) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let publisher = Publisher::connect(&self.nats, &self.names)
                .await
                .unwrap_or_else(|e| panic!("{e}: scripts/test starts a NATS server"));
            for chunk in articles.chunks(100) {
                publisher.send(chunk).await.unwrap();
            }
        });
    }

    /// Runs `n` workers until the stream is drained; what each did.
    pub fn work(&self, n: usize) -> Vec<WorkerReport> {
        self.spawn_workers(n)
            .into_iter()
            .map(|h| h.join().unwrap())
            .collect()
    }

    /// Starts `n` workers (threads) that stop once the stream is drained.
    pub fn spawn_workers(&self, n: usize) -> Vec<thread::JoinHandle<WorkerReport>> {
        (0..n)
            .map(|_| {
                let config = WorkerConfig {
                    nats: self.nats.clone(),
                    store: self.store(),
                    names: self.names.clone(),
                    batch: 16,
                    until_idle: true,
                    ack_wait: Duration::from_secs(2),
                };
                thread::spawn(move || {
                    let mut worker = Worker::start(config).unwrap();
                    worker.run(&AtomicBool::new(false)).unwrap()
                })
            })
            .collect()
    }

    pub fn assignments(&self) -> Vec<Outcome> {
        Ingest::open(&self.store()).unwrap().assignments().unwrap()
    }
}

impl Drop for Deployment {
    fn drop(&mut self) {
        self.delete_stream();
        if let Ok(mut client) = postgres::Client::connect(&self.postgres, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.schema));
        }
    }
}

pub fn one_process(articles: &[Article]) -> Vec<Outcome> {
    let mut ingest = Ingest::sqlite_in_memory().unwrap();
    for chunk in articles.chunks(512) {
        ingest.add(chunk).unwrap();
    }
    ingest.assignments().unwrap()
}
