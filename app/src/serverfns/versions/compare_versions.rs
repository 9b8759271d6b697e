use crate::error::AppError;
use crate::types::{VersionDiff, VersionId};
use leptos::prelude::*;

/// A version compared with another (default: its predecessor).
#[server(endpoint = "versions/diff")]
pub async fn compare_versions(
    id: VersionId,
    from: Option<VersionId>,
) -> Result<VersionDiff, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.versions.diff(&caller, id, from).await
}
