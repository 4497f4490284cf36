//! `newsbrief serve`: the HTTP API and the web page, on 127.0.0.1:8080 unless told otherwise; the stories
//! of the articles posted to it are kept in `--db PATH`, or in memory.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use newsbrief_server::{parse_size, Config, Stories};

#[derive(clap::Args)]
pub struct Args {
    /// Address to listen on (another than 127.0.0.1 only when you mean to expose the server).
    #[arg(long, default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    addr: IpAddr,
    /// Port to listen on (0: any free port; the address is printed).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Largest request body, e.g. 20MB or 512KB.
    #[arg(long, default_value = "20MB", value_parser = parse_size)]
    max_body: usize,
    /// Most articles in one brief request.
    #[arg(long, default_value_t = 200)]
    max_articles: usize,
    /// Most clusters in one /v1/summarize request.
    #[arg(long, default_value_t = 1000)]
    max_clusters: usize,
    /// Per-request time limit, in seconds.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
    /// Most requests in progress at once (computing or waiting for a worker); beyond that the server
    /// answers 503 at once.
    #[arg(long, default_value_t = 128)]
    max_concurrent: usize,
    /// Requests computing at once (threads doing the CPU work); one per core when not given.
    #[arg(long)]
    workers: Option<usize>,
    /// Bearer token the API asks for (the environment variable NEWSBRIEF_TOKEN works too).
    #[arg(long)]
    token: Option<String>,
    /// SQLite database of the stories (articles posted to /v1/articles, their stories, cached briefs);
    /// created when missing. Without it the stories are kept in memory and lost when the server stops.
    #[arg(long, value_name = "PATH")]
    db: Option<PathBuf>,
    /// The story store as a URL instead of --db: postgres://USER@HOST:PORT/DB (the store a cluster's
    /// `newsbrief worker`s fill) or sqlite://PATH.
    #[arg(
        long,
        value_name = "URL",
        conflicts_with = "db",
        env = "NEWSBRIEF_STORE"
    )]
    store: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    log_to_stderr();
    let token = args
        .token
        .or_else(|| std::env::var("NEWSBRIEF_TOKEN").ok())
        .filter(|t| !t.trim().is_empty());
    let config = Config {
        max_body: args.max_body,
        max_articles: args.max_articles,
        max_clusters: args.max_clusters,
        timeout: Duration::from_secs(args.timeout),
        max_concurrent: args.max_concurrent,
        workers: args.workers.unwrap_or(Config::default().workers),
        token,
    };
    let stories = match (&args.db, &args.store) {
        (Some(path), _) => Stories::open(path)
            .with_context(|| format!("cannot open the story database {}", path.display()))?,
        (None, Some(url)) => {
            Stories::new(newsbrief_store::Ingest::open(url).context("cannot open the story store")?)
        }
        (None, None) => Stories::in_memory().context("cannot make the in-memory story store")?,
    };
    let addr = SocketAddr::new(args.addr, args.port);
    let listener = TcpListener::bind(addr).with_context(|| format!("cannot listen on {addr}"))?;
    let bound = listener.local_addr()?;
    eprintln!(
        "newsbrief: listening on http://{bound}{}; stories kept {}",
        if config.token.is_some() {
            " (API token required)"
        } else {
            ""
        },
        match (&args.db, &args.store) {
            (Some(path), _) => format!("in {}", path.display()),
            (None, Some(_)) => "in the store --store names".to_owned(),
            (None, None) => "in memory (--db PATH keeps them)".to_owned(),
        }
    );
    newsbrief_server::serve_blocking(listener, config, stories.clone())
        .context("the server failed")?;
    if let Err(e) = stories.checkpoint() {
        eprintln!("newsbrief: warning: cannot save the story detector's state ({e}); the next start replays the stored articles");
    }
    eprintln!("newsbrief: stopped");
    Ok(ExitCode::SUCCESS)
}

/// Writes the log (the server: a line per request; a worker: its progress) to stderr; `NEWSBRIEF_LOG`
/// sets the level or filter (`warn` keeps only failures, `off` nothing), `info` by default.
pub fn log_to_stderr() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("NEWSBRIEF_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Only fails when a subscriber is already installed, which then keeps logging.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_target(false)
        .try_init();
}
