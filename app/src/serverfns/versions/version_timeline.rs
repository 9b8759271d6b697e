use crate::error::AppError;
use crate::types::{Timeline, VersionId};
use leptos::prelude::*;

/// Every version of the person's documents with the partner of `id`.
#[server(endpoint = "versions/timeline")]
pub async fn version_timeline(id: VersionId) -> Result<Timeline, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.versions.timeline(&caller, id).await
}
