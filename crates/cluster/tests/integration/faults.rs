//! Faults: the NATS server and the PostgreSQL server each restarted while two workers are mid-stream;
//! afterwards every article is stored exactly once, with the stories of one in-order process. The servers
//! restarted are the test's own (`nats-server` and PostgreSQL's binaries, which `scripts/nats.sh` and
//! `scripts/postgres.sh` install when missing), on free ports, so the machine's servers are not touched.
//! (A worker killed mid-stream is `newsbrief`'s CLI test `a_worker_killed_mid_stream_…`.)

use crate::common;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use common::{nats_url, one_process, postgres_base, Deployment};
use newsbrief_store::synthetic;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn wait_until_it_answers(port: u16, what: &str) {
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{what} did not start"
        );
        thread::sleep(Duration::from_millis(50));
    }
}

/// A NATS server with JetStream of the test's own, its data in a temporary directory.
struct OwnNats {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl OwnNats {
    fn start() -> OwnNats {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let child = OwnNats::spawn(port, dir.path());
        OwnNats { child, port, dir }
    }

    fn spawn(port: u16, dir: &Path) -> Child {
        let child = Command::new("nats-server")
            .args(["-a", "127.0.0.1", "-p", &port.to_string(), "-js", "-sd"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot run nats-server ({e}): scripts/nats.sh installs it")
            });
        wait_until_it_answers(port, "nats-server");
        child
    }

    fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// Stops the server (SIGTERM, as a service manager does), waits a second, starts it again.
    fn restart(&mut self) {
        terminate(&mut self.child);
        thread::sleep(Duration::from_secs(1));
        self.child = OwnNats::spawn(self.port, self.dir.path());
    }
}

impl Drop for OwnNats {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn terminate(child: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    let _ = child.wait();
}

/// A PostgreSQL server of the test's own (initdb in a temporary directory, run as the `postgres` user
/// when the test runs as root, as PostgreSQL refuses root).
struct OwnPostgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    port: u16,
}

impl OwnPostgres {
    fn start() -> OwnPostgres {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .ok()
            .and_then(|d| d.filter_map(|e| e.ok().map(|e| e.path().join("bin"))).max())
            .filter(|b| b.join("initdb").exists())
            .expect("no PostgreSQL server binaries under /usr/lib/postgresql: scripts/postgres.sh installs them");
        let dir = tempfile::tempdir().unwrap();
        let owned = Command::new("chown")
            .args(["-R", "postgres"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(owned, "cannot give the data directory to the postgres user");
        let pg = OwnPostgres {
            bin,
            dir,
            port: free_port(),
        };
        pg.run(
            "initdb",
            &format!("-D {} -A trust -U postgres", pg.data().display()),
        );
        pg.start_server();
        pg.run(
            "createdb",
            &format!("-h 127.0.0.1 -p {} -U postgres test", pg.port),
        );
        pg
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn run(&self, tool: &str, args: &str) {
        let line = format!("{} {args} >/dev/null 2>&1", self.bin.join(tool).display());
        let ok = Command::new("su")
            .args(["postgres", "-c", &line])
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "{line} failed");
    }

    fn start_server(&self) {
        self.run(
            "pg_ctl",
            &format!(
                "-D {} -o '-p {} -k /tmp -c listen_addresses=127.0.0.1' -w start",
                self.data().display(),
                self.port
            ),
        );
        wait_until_it_answers(self.port, "PostgreSQL");
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/test", self.port)
    }

    /// Stops the server (fast shutdown: connections are cut), waits a second, starts it again.
    fn restart(&self) {
        self.run(
            "pg_ctl",
            &format!("-D {} -m fast -w stop", self.data().display()),
        );
        thread::sleep(Duration::from_secs(1));
        self.start_server();
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let line = format!(
            "{} -D {} -m immediate stop >/dev/null 2>&1",
            self.bin.join("pg_ctl").display(),
            self.data().display()
        );
        let _ = Command::new("su").args(["postgres", "-c", &line]).status();
    }
}

/// Two workers take a 4,000-article stream on `deployment`; `restart` runs while they are mid-stream.
/// Afterwards the store holds the stories of one in-order process. Returns the workers' retries.
fn restart_mid_stream(deployment: &Deployment, seed: u64, restart: impl FnOnce()) -> usize {
    let articles = synthetic::stream(4_000, 12, seed);
    let expected = one_process(&articles);
    deployment.publish(&articles);
    let workers = deployment.spawn_workers(2);
    thread::sleep(Duration::from_millis(700));
    assert!(
        workers.iter().any(|w| !w.is_finished()),
        "the stream was drained before the restart"
    );
    restart();
    let retries = workers.into_iter().map(|w| w.join().unwrap().retries).sum();
    assert_eq!(deployment.assignments(), expected);
    retries
}

#[test]
fn a_nats_restart_mid_stream_loses_nothing() {
    let mut nats = OwnNats::start();
    let deployment = Deployment::on_servers("natsrestart", &nats.url(), &postgres_base());
    // The NATS client reconnects by itself (messages in flight come back unacknowledged), so the
    // workers may not even see an error.
    restart_mid_stream(&deployment, 41, || nats.restart());
}

#[test]
fn a_postgres_restart_mid_stream_loses_nothing() {
    let postgres = OwnPostgres::start();
    let deployment = Deployment::on_servers("pgrestart", &nats_url(), &postgres.url());
    let retries = restart_mid_stream(&deployment, 43, || postgres.restart());
    assert!(retries > 0, "no worker noticed the restart");
}
