//! Removes what an interrupted upload or a crash between "store the bytes" and "commit the
//! rows" left behind: staging objects, and content-addressed objects no row refers to. Only
//! objects older than the grace period are touched, so an upload in flight is never harmed.

use super::store;
use crate::clock::Millis;
use crate::db::Db;
use crate::error::InfraResult;
use crate::storage::Storage;

/// What one sweep removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Swept {
    /// Abandoned staging objects.
    pub staging: usize,
    /// Content-addressed objects without a `blob` row.
    pub orphans: usize,
}

/// Default grace period: a day.
pub const GRACE_MS: Millis = 24 * 3600 * 1000;

/// One sweep at `now`.
pub async fn sweep(db: &Db, storage: &Storage, now: Millis, grace: Millis) -> InfraResult<Swept> {
    let mut swept = Swept::default();
    for (key, modified) in storage.list("staging").await? {
        if now - modified > grace {
            storage.delete(&key).await?;
            swept.staging += 1;
        }
    }
    let mut conn = db.pool().acquire().await?;
    for (key, modified) in storage.list("files").await? {
        let sha = key.rsplit('/').next().unwrap_or_default();
        if now - modified > grace && !store::blob_known(&mut conn, sha).await? {
            storage.delete(&key).await?;
            swept.orphans += 1;
        }
    }
    if swept != Swept::default() {
        tracing::info!(
            staging = swept.staging,
            orphans = swept.orphans,
            "storage cleanup"
        );
    }
    Ok(swept)
}
