//! Publish: articles onto the stream, in order, each under its id as the message id (a re-published id is
//! dropped by the server and counted as a duplicate).

use async_nats::jetstream::Context;
use async_nats::HeaderMap;
use newsbrief_core::Article;

use crate::jetstream::{self, Names};
use crate::queue::article_to_json;
use crate::ClusterError;

/// What a publish did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    /// Articles the stream took.
    pub new: usize,
    /// Articles it already had (the same id).
    pub duplicates: usize,
}

/// A connection to the stream that takes articles.
pub struct Publisher {
    context: Context,
    names: Names,
}

impl Publisher {
    pub async fn connect(url: &str, names: &Names) -> Result<Publisher, ClusterError> {
        let (context, _) = jetstream::connect(url, names).await?;
        Ok(Publisher {
            context,
            names: names.clone(),
        })
    }

    /// Publishes the articles in order and waits until the server has stored each (in order: the stream's
    /// order is the articles' order).
    pub async fn send(&self, articles: &[Article]) -> Result<Published, ClusterError> {
        let mut pending = Vec::with_capacity(articles.len());
        for a in articles {
            let mut headers = HeaderMap::new();
            headers.insert("Nats-Msg-Id", a.id.as_str());
            let body = article_to_json(a);
            let ack = self
                .context
                .publish_with_headers(self.names.subject.clone(), headers, body.to_string().into())
                .await
                .map_err(|e| ClusterError::nats(&format!("publishing {}", a.id), e))?;
            pending.push((a, ack));
        }
        let mut out = Published::default();
        for (a, ack) in pending {
            let ack = ack
                .await
                .map_err(|e| ClusterError::nats(&format!("publishing {}", a.id), e))?;
            if ack.duplicate {
                out.duplicates += 1;
            } else {
                out.new += 1;
            }
        }
        Ok(out)
    }
}
