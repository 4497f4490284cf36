//! `newsbrief worker`: one worker of a cluster — takes articles off the stream `newsbrief publish` fills,
//! profiles them, and (whichever worker holds the lock) assigns their stories in stream order into the
//! PostgreSQL store that `newsbrief stories --store`, `story --store` and `serve` read. SIGINT or SIGTERM
//! finishes the batch in hand and stops.

use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use newsbrief_cluster::{Names, Worker, WorkerConfig};

const EXAMPLES: &str = "Examples:
  newsbrief worker --nats nats://127.0.0.1:4222 --store postgres://news@127.0.0.1/newsbrief
  newsbrief worker --nats nats://127.0.0.1:4222 --store postgres://news@db/newsbrief --until-idle
  newsbrief worker --nats nats://queue:4222 --store postgres://news@db/newsbrief --health 0.0.0.0:9091

The log goes to stderr (NEWSBRIEF_LOG sets its level: info by default).";

#[derive(clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The NATS server (with JetStream).
    #[arg(long, value_name = "URL", env = "NEWSBRIEF_NATS")]
    nats: String,
    /// The PostgreSQL store of the stories (also holds the work queue).
    #[arg(long, value_name = "URL", env = "NEWSBRIEF_STORE")]
    store: String,
    /// The deployment's name (as given to `newsbrief publish`).
    #[arg(long, value_name = "NAME", default_value = "newsbrief")]
    name: String,
    /// Messages taken at a time (and held unacknowledged at most).
    #[arg(long, value_name = "N", default_value_t = 64)]
    batch: usize,
    /// Exit once the stream is drained and every article has its story (batch runs, tests).
    #[arg(long)]
    until_idle: bool,
    /// Seconds after which a message a worker took but did not acknowledge (it died) goes to another
    /// worker; the first worker to start sets it for the deployment.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    ack_wait: u64,
    /// Serve GET /healthz and /readyz (the worker's state as JSON: lag, last commit, assigner) here.
    #[arg(long, value_name = "ADDR:PORT", env = "NEWSBRIEF_HEALTH")]
    health: Option<std::net::SocketAddr>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::serve::log_to_stderr();
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("cannot listen for signals")?;
    }
    let config = WorkerConfig {
        nats: args.nats,
        store: args.store,
        names: Names::new(&args.name),
        batch: args.batch.max(1),
        until_idle: args.until_idle,
        ack_wait: Duration::from_secs(args.ack_wait.max(1)),
    };
    let mut worker = Worker::start(config)?;
    if let Some(addr) = args.health {
        let bound = newsbrief_cluster::health::serve(addr, worker.health())?;
        tracing::info!(%bound, "health on /healthz and /readyz");
    }
    let report = worker.run(&stop)?;
    tracing::info!(
        profiled = report.profiled,
        skipped = report.skipped,
        assigned = report.assigned,
        retries = report.retries,
        fetch_ms = report.time.fetch.as_millis(),
        profile_ms = report.time.profile.as_millis(),
        queue_ms = report.time.queue.as_millis(),
        ack_ms = report.time.ack.as_millis(),
        assign_ms = report.time.assign.as_millis(),
        "worker stopped"
    );
    Ok(ExitCode::SUCCESS)
}
