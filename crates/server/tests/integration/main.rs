//! The integration tests of server, one module per subject, built as one test binary
//! (one link of the dependency graph instead of one per file).

mod api;
mod blocking_work;
mod conventions;
mod header_timeout;
mod no_panic;
mod request_log;
mod shutdown;
mod slow_client;
mod stories;
