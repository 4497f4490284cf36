//! Worker: takes articles off the shared consumer, profiles them (on all cores) and queues them in
//! PostgreSQL, acknowledging each message only once its entry is committed; and, while it holds the
//! assigner's advisory lock, gives the queued articles to the story store in stream order.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use async_nats::jetstream::consumer::PullConsumer;
use async_nats::jetstream::Message;
use futures::StreamExt;
use newsbrief_core::article_json;
use newsbrief_store::Ingest;
use newsbrief_stream::Profile;
use postgres::{Client, NoTls};
use rayon::prelude::*;
use tokio::runtime::Runtime;

use crate::health::Shared;
use crate::jetstream::{self, Names};
use crate::queue::{Entry, Queue};
use crate::ClusterError;

/// Advisory lock key ("nwsa") of the assigner.
const ASSIGNER_LOCK: i64 = 0x6e77_7361;
/// How long a fetch waits for messages when the stream has none.
const FETCH_WAIT: Duration = Duration::from_millis(500);
/// Failures in a row retried before the worker gives up (with back-off: about three minutes).
const RETRIES: u32 = 40;
const BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// How often a busy worker looks at the consumer's state (lag) for its health endpoint.
const LOOK_EVERY: Duration = Duration::from_secs(2);

/// What a worker is given.
#[derive(Debug, Clone)]
pub struct WorkerConfig {
    /// NATS server, `nats://host:4222`.
    pub nats: String,
    /// The story store and work queue: `postgres://user@host:port/db`.
    pub store: String,
    pub names: Names,
    /// Messages taken at a time (and held unacknowledged at most).
    pub batch: usize,
    /// Stop once the stream is drained and every queued article is assigned.
    pub until_idle: bool,
    /// A message a worker has not acknowledged within this time is redelivered (to any worker).
    pub ack_wait: Duration,
}

/// What a worker did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct WorkerReport {
    /// Messages taken, profiled and queued.
    pub profiled: usize,
    /// Messages that were no article (reported, acknowledged, stepped over).
    pub skipped: usize,
    /// Articles this worker gave to the story store as the assigner.
    pub assigned: usize,
    /// Failures retried on fresh connections (a server restarting, a connection lost).
    pub retries: usize,
    /// Where the time went.
    pub time: StageTimes,
}

/// Wall time a worker spent in each stage.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct StageTimes {
    /// Waiting for messages from NATS (including the waits of an empty stream).
    pub fetch: Duration,
    /// Reading each message's article (extraction for HTML) and profiling it, on all cores.
    pub profile: Duration,
    /// Committing profiled articles to the queue in PostgreSQL.
    pub queue: Duration,
    /// Acknowledging messages.
    pub ack: Duration,
    /// As the assigner: reading the queue back, deciding the stories and writing them to the store.
    pub assign: Duration,
}

/// One worker: its connections and, while it is the assigner, the story store.
pub struct Worker {
    config: WorkerConfig,
    runtime: Runtime,
    links: Links,
    report: WorkerReport,
    health: Shared,
    last_look: Instant,
}

/// A worker's connections, made again after a server went away.
struct Links {
    consumer: PullConsumer,
    queue: Queue,
    /// The connection holding the assigner's lock (a session lock: it goes when the worker does).
    lock: Client,
    assigner: bool,
    ingest: Option<Ingest>,
}

impl Links {
    fn connect(config: &WorkerConfig, runtime: &Runtime) -> Result<Links, ClusterError> {
        let consumer = runtime.block_on(async {
            let (_, stream) = jetstream::connect(&config.nats, &config.names).await?;
            jetstream::consumer(&stream, &config.names, config.ack_wait).await
        })?;
        Ok(Links {
            consumer,
            queue: Queue::open(&config.store)?,
            lock: Client::connect(&config.store, NoTls)?,
            assigner: false,
            ingest: None,
        })
    }
}

impl Worker {
    pub fn start(config: WorkerConfig) -> Result<Worker, ClusterError> {
        if !(config.store.starts_with("postgres://") || config.store.starts_with("postgresql://")) {
            return Err(ClusterError::Database(format!(
                "workers keep their queue and stories in PostgreSQL: `{}` is not a postgres:// URL",
                config.store
            )));
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| ClusterError::Nats(format!("cannot start the NATS client: {e}")))?;
        let links = Links::connect(&config, &runtime)?;
        Ok(Worker {
            config,
            runtime,
            links,
            report: WorkerReport::default(),
            health: Shared::default(),
            last_look: Instant::now(),
        })
    }

    /// The state the worker keeps up to date for its health endpoint ([`crate::health::serve`]).
    pub fn health(&self) -> Shared {
        self.health.clone()
    }

    /// Works until `stop` is set (then finishes the batch in hand) or, with `until_idle`, until nothing is
    /// left to do. A failure (a server restarting, a connection lost) is retried with back-off on fresh
    /// connections — nothing is lost: unacknowledged messages come back, the queue and the store are
    /// transactional — and returned only after [`RETRIES`] in a row. The assigner saves the detector's
    /// state before returning.
    pub fn run(&mut self, stop: &AtomicBool) -> Result<WorkerReport, ClusterError> {
        let mut last_beat = Instant::now();
        let mut failures = 0u32;
        while !stop.load(Ordering::Relaxed) {
            let result = self.step();
            let report = self.report;
            let assigner = self.links.assigner;
            self.health.update(|h| {
                h.ready = result.is_ok();
                h.error = result.as_ref().err().map(ToString::to_string);
                h.assigner = assigner;
                (h.profiled, h.assigned, h.retries) =
                    (report.profiled, report.assigned, report.retries);
            });
            match result {
                Ok(done) => {
                    failures = 0;
                    if done {
                        break;
                    }
                }
                Err(e) if failures < RETRIES => {
                    failures += 1;
                    self.report.retries += 1;
                    tracing::warn!(error = %e, attempt = failures, "retrying on fresh connections");
                    std::thread::sleep(
                        BACKOFF
                            .saturating_mul(1 << failures.min(5))
                            .min(MAX_BACKOFF),
                    );
                    match Links::connect(&self.config, &self.runtime) {
                        Ok(links) => self.links = links,
                        Err(e) => tracing::warn!(error = %e, "cannot reconnect yet"),
                    }
                }
                Err(e) => return Err(e),
            }
            if last_beat.elapsed() > Duration::from_secs(10) {
                tracing::info!(
                    profiled = self.report.profiled,
                    assigned = self.report.assigned,
                    assigner = self.links.assigner,
                    "working"
                );
                last_beat = Instant::now();
            }
        }
        if let Some(ingest) = &mut self.links.ingest {
            ingest.checkpoint()?;
        }
        Ok(self.report)
    }

    /// One round: a batch taken, the ready entries assigned; whether the work is over (`until_idle`).
    fn step(&mut self) -> Result<bool, ClusterError> {
        let taken = self.take_batch()?;
        self.assign()?;
        if taken == 0 || self.last_look.elapsed() > LOOK_EVERY {
            let (lag, in_flight) = self.consumer_state()?;
            self.last_look = Instant::now();
            self.health.update(|h| h.lag = lag);
            if taken == 0 && self.config.until_idle {
                return Ok(lag == 0 && in_flight == 0 && self.links.queue.waiting()? == 0);
            }
        }
        Ok(false)
    }

    /// Takes up to a batch of messages, profiles them, queues them and acknowledges them; their count.
    fn take_batch(&mut self) -> Result<usize, ClusterError> {
        let batch = self.config.batch.max(1);
        let started = Instant::now();
        let messages: Vec<Message> = self.runtime.block_on(async {
            let mut fetched = self
                .links
                .consumer
                .fetch()
                .max_messages(batch)
                .expires(FETCH_WAIT)
                .messages()
                .await
                .map_err(|e| ClusterError::nats("fetching articles", e))?;
            let mut out = Vec::with_capacity(batch);
            while let Some(m) = fetched.next().await {
                out.push(m.map_err(|e| ClusterError::nats("fetching articles", e))?);
            }
            Ok::<_, ClusterError>(out)
        })?;
        let fetched = Instant::now();
        self.report.time.fetch += fetched - started;
        if messages.is_empty() {
            return Ok(0);
        }
        let entries: Vec<Entry> = messages
            .par_iter()
            .map(|m| {
                let seq = m
                    .info()
                    .map(|i| i.stream_sequence)
                    .map_err(|e| ClusterError::nats("message", e))?;
                let item = serde_json::from_slice(&m.payload)
                    .map_err(|e| e.to_string())
                    .and_then(|v| {
                        article_json::article_from_json(&v, None).map_err(|e| e.to_string())
                    });
                Ok(match item {
                    Ok(article) => {
                        let profile = Profile::of(&article);
                        Entry {
                            seq,
                            item: Some((article, profile)),
                        }
                    }
                    Err(reason) => {
                        tracing::warn!(seq, %reason, "message is no article: skipped");
                        Entry { seq, item: None }
                    }
                })
            })
            .collect::<Result<_, ClusterError>>()?;
        let profiled = Instant::now();
        self.report.time.profile += profiled - fetched;
        self.links.queue.put(&entries)?;
        self.health.committed();
        let queued = Instant::now();
        self.report.time.queue += queued - profiled;
        self.report.skipped += entries.iter().filter(|e| e.item.is_none()).count();
        self.report.profiled += entries.len();
        self.runtime.block_on(async {
            for m in &messages {
                m.ack()
                    .await
                    .map_err(|e| ClusterError::nats("acknowledging", e))?;
            }
            Ok::<_, ClusterError>(())
        })?;
        self.report.time.ack += queued.elapsed();
        Ok(messages.len())
    }

    /// As the assigner (taking the lock when free), gives every ready entry to the story store in order.
    fn assign(&mut self) -> Result<(), ClusterError> {
        let started = Instant::now();
        let result = self.assign_ready();
        if self.links.assigner {
            self.report.time.assign += started.elapsed();
        }
        result
    }

    fn assign_ready(&mut self) -> Result<(), ClusterError> {
        let links = &mut self.links;
        if !links.assigner {
            links.assigner = links
                .lock
                .query_one("SELECT pg_try_advisory_lock($1)", &[&ASSIGNER_LOCK])?
                .get(0);
            if !links.assigner {
                return Ok(());
            }
            tracing::info!("this worker assigns the stories");
        }
        loop {
            let ready = links.queue.ready(self.config.batch.max(1) * 4)?;
            let Some(last) = ready.last().map(|e| e.seq) else {
                return Ok(());
            };
            let (articles, profiles): (Vec<_>, Vec<_>) =
                ready.into_iter().filter_map(|e| e.item).unzip();
            let ingest = match &mut links.ingest {
                Some(ingest) => ingest,
                None => links.ingest.insert(Ingest::open(&self.config.store)?),
            };
            // A conflict (another assigner wrote meanwhile: this one lost its lock's connection) is
            // retried by `run` on fresh connections, which restore the store from what it holds.
            let outcomes = ingest.add_profiled(&articles, &profiles)?;
            self.report.assigned += outcomes.iter().filter(|o| !o.repeated).count();
            links.queue.mark_applied(last)?;
            self.health.committed();
        }
    }

    /// Messages on the stream no worker has taken, and messages taken but not acknowledged.
    fn consumer_state(&mut self) -> Result<(u64, usize), ClusterError> {
        self.runtime.block_on(async {
            self.links
                .consumer
                .info()
                .await
                .map(|i| (i.num_pending, i.num_ack_pending))
                .map_err(|e| ClusterError::nats("consumer state", e))
        })
    }
}
