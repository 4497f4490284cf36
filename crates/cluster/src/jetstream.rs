//! JetStream: the stream the articles go on and the durable consumer the workers share.

use std::time::Duration;

use async_nats::jetstream::{self, consumer, stream, Context};

use crate::ClusterError;

/// Messages a worker may hold unacknowledged (back-pressure: the server sends no more to the consumer
/// beyond this many outstanding, whatever the number of workers).
const MAX_ACK_PENDING: i64 = 4_096;
/// Re-published ids are dropped by the server within this window.
const DUPLICATE_WINDOW: Duration = Duration::from_secs(24 * 3600);

/// The names one deployment uses: its stream, subject and consumer (several deployments can share a
/// NATS server under different names).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub stream: String,
    pub subject: String,
    pub consumer: String,
}

impl Names {
    /// `NAME` (upper case, the stream), `name.articles` (the subject), `name-workers` (the consumer).
    pub fn new(name: &str) -> Names {
        let lower = name.to_ascii_lowercase();
        Names {
            stream: name.to_ascii_uppercase(),
            subject: format!("{lower}.articles"),
            consumer: format!("{lower}-workers"),
        }
    }
}

impl Default for Names {
    fn default() -> Names {
        Names::new("newsbrief")
    }
}

/// Connects to NATS at `url` and makes sure the stream exists (file storage, de-duplication by message id).
pub async fn connect(url: &str, names: &Names) -> Result<(Context, stream::Stream), ClusterError> {
    let client = async_nats::connect(url)
        .await
        .map_err(|e| ClusterError::nats(&format!("cannot connect to {url}"), e))?;
    let context = jetstream::new(client);
    let stream = context
        .get_or_create_stream(stream::Config {
            name: names.stream.clone(),
            subjects: vec![names.subject.clone()],
            storage: stream::StorageType::File,
            duplicate_window: DUPLICATE_WINDOW,
            ..Default::default()
        })
        .await
        .map_err(|e| ClusterError::nats(&format!("stream {}", names.stream), e))?;
    Ok((context, stream))
}

/// The workers' shared durable pull consumer (explicit acks, every message from the first); a message not
/// acknowledged within `ack_wait` goes to another worker (the consumer keeps the setting of the worker that
/// created it).
pub async fn consumer(
    stream: &stream::Stream,
    names: &Names,
    ack_wait: Duration,
) -> Result<consumer::PullConsumer, ClusterError> {
    stream
        .get_or_create_consumer(
            &names.consumer,
            consumer::pull::Config {
                durable_name: Some(names.consumer.clone()),
                ack_policy: consumer::AckPolicy::Explicit,
                ack_wait,
                max_ack_pending: MAX_ACK_PENDING,
                deliver_policy: consumer::DeliverPolicy::All,
                ..Default::default()
            },
        )
        .await
        .map_err(|e| ClusterError::nats(&format!("consumer {}", names.consumer), e))
}
