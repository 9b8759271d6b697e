//! SQLite's WAL is copied back into the database file by a background task, not by the
//! writer. By default the connection whose commit takes the WAL past 1,000 pages runs the
//! checkpoint itself, fsyncs included, while it still holds the one write lock, so every
//! send queued behind it waited for the disk. A passive checkpoint from a reading
//! connection runs beside the writer instead: it takes no write lock and waits for nobody.
//! The writer still checkpoints if this task falls far behind (`AUTOCHECKPOINT_PAGES`), so
//! the WAL stays bounded whatever happens here. SQLite reuses the WAL file from its start
//! after a checkpoint and by default keeps it at the largest size it ever reached (a large
//! import would leave hundreds of megabytes on disk for good); `WAL_SIZE_LIMIT_BYTES` has it
//! cut back when it starts over.

use super::{Backend, Db};
use std::time::Duration;

/// Where the writer would checkpoint by itself (pages of 4 KiB: 16 MiB of WAL).
pub const AUTOCHECKPOINT_PAGES: u32 = 4000;

/// The size the WAL file is cut back to when it starts over (`journal_size_limit`): as much as
/// the writer's own checkpoint lets it grow.
pub const WAL_SIZE_LIMIT_BYTES: u64 = AUTOCHECKPOINT_PAGES as u64 * 4096;

/// How often the background checkpoint runs.
const EVERY: Duration = Duration::from_millis(500);

/// Starts the background checkpoint on SQLite (nothing to do on PostgreSQL).
pub fn spawn_checkpointer(db: Db) -> Option<tokio::task::JoinHandle<()>> {
    (db.backend() == Backend::Sqlite).then(|| {
        tokio::spawn(async move {
            let mut every = tokio::time::interval(EVERY);
            every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                every.tick().await;
                if let Err(error) = sqlx::query("pragma wal_checkpoint(PASSIVE)")
                    .execute(db.pool())
                    .await
                {
                    tracing::warn!(error.cause = %error, "WAL checkpoint failed");
                }
            }
        })
    })
}
