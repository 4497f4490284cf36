//! The stores every store test runs against: an SQLite file and a PostgreSQL schema of its own (on the
//! server `NEWSBRIEF_TEST_POSTGRES` names, else 127.0.0.1:5432 database `test`; `scripts/test` starts one
//! when none answers), both opened through `Ingest::open` with their URL.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use newsbrief_store::Ingest;

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/test";

/// A fresh, empty store, removed when dropped.
pub enum Db {
    Sqlite {
        _dir: tempfile::TempDir,
        path: PathBuf,
    },
    Postgres {
        base: String,
        schema: String,
    },
}

/// A fresh SQLite store and a fresh PostgreSQL store.
pub fn every_store() -> Vec<Db> {
    vec![Db::sqlite(), Db::postgres()]
}

impl Db {
    pub fn sqlite() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("stories.db");
        Db::Sqlite { _dir: dir, path }
    }

    pub fn postgres() -> Db {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let base =
            std::env::var("NEWSBRIEF_TEST_POSTGRES").unwrap_or_else(|_| DEFAULT_POSTGRES.into());
        let schema = format!(
            "nbtest_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|e| {
            panic!(
                "no PostgreSQL at {base} ({e}): set NEWSBRIEF_TEST_POSTGRES, or run scripts/test, which \
                 starts one"
            )
        });
        client
            .batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
            ))
            .unwrap();
        Db::Postgres { base, schema }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Db::Sqlite { .. } => "sqlite",
            Db::Postgres { .. } => "postgres",
        }
    }

    /// The store's URL, as `--store` takes it.
    pub fn url(&self) -> String {
        match self {
            Db::Sqlite { path, .. } => format!("sqlite://{}", path.display()),
            Db::Postgres { base, schema } => {
                let join = if base.contains('?') { '&' } else { '?' };
                format!("{base}{join}options=-csearch_path%3D{schema}")
            }
        }
    }

    pub fn open(&self) -> Ingest {
        Ingest::open(&self.url()).unwrap_or_else(|e| panic!("{}: {e}", self.name()))
    }

    /// Runs a statement on the store behind the program's back (each database's dialect).
    pub fn exec(&self, sqlite: &str, postgres: &str) {
        match self {
            Db::Sqlite { path, .. } => {
                rusqlite::Connection::open(path)
                    .unwrap()
                    .execute_batch(sqlite)
                    .unwrap();
            }
            Db::Postgres { .. } => {
                let mut client = postgres::Client::connect(&self.url(), postgres::NoTls).unwrap();
                client.batch_execute(postgres).unwrap();
            }
        }
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Db::Postgres { base, schema } = self {
            if let Ok(mut client) = postgres::Client::connect(base, postgres::NoTls) {
                let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
            }
        }
    }
}
