//! newsbrief-cluster: the story pipeline beyond one machine.
//!
//! Articles go on a durable NATS JetStream stream ([`publish`]; the article id is the message id, so the
//! server drops a re-published article). Any number of [`worker`]s pull from one durable consumer they
//! share: each profiles the articles it takes (the costly part: cleaning, terms, names, fingerprints) and
//! commits the profiles to PostgreSQL under the message's stream sequence number ([`queue`]) before
//! acknowledging the message, so a killed worker's messages are redelivered and stored once. One worker at
//! a time — whichever holds PostgreSQL's advisory lock — is the assigner: it gives the profiled articles
//! to the story store ([`newsbrief_store::Ingest`]) strictly in stream order, so the stories do not depend
//! on how many workers run or which took which article: they are those of one process reading the
//! stream in order.

mod error;
pub mod health;
pub mod jetstream;
pub mod publish;
pub mod queue;
pub mod worker;

pub use error::ClusterError;
pub use jetstream::Names;
pub use publish::Publisher;
pub use worker::{StageTimes, Worker, WorkerConfig, WorkerReport};
