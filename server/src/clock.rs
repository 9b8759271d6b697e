//! Time as a dependency, so tests can move it instead of sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// Milliseconds since the Unix epoch (UTC); what every stored timestamp is.
pub type Millis = i64;

/// Where "now" comes from.
#[derive(Clone, Debug)]
pub enum Clock {
    /// The system clock.
    System,
    /// A clock the tests set and advance.
    Manual(Arc<AtomicI64>),
}

impl Clock {
    /// A manual clock starting at `start`.
    pub fn manual(start: Millis) -> Self {
        Self::Manual(Arc::new(AtomicI64::new(start)))
    }

    /// Now, in Unix milliseconds.
    pub fn now(&self) -> Millis {
        match self {
            Self::System => {
                let nanos = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
                i64::try_from(nanos / 1_000_000).unwrap_or(i64::MAX)
            }
            Self::Manual(at) => at.load(Ordering::SeqCst),
        }
    }

    /// Moves a manual clock forward (no effect on the system clock).
    pub fn advance(&self, by: std::time::Duration) {
        if let Self::Manual(at) = self {
            let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX);
            at.fetch_add(ms, Ordering::SeqCst);
        }
    }
}
