use crate::error::AppError;
use crate::types::{DeliveryId, DeliveryVersions, FileId};
use leptos::prelude::*;

/// The versions one file of a delivery belongs to (the download page).
#[server(endpoint = "versions/file_versions")]
pub async fn file_versions(id: DeliveryId, file: FileId) -> Result<DeliveryVersions, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.versions.file_versions(&caller, id, file).await
}
