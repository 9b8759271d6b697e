use crate::error::AppError;
use crate::types::{UnseenFilter, UnseenPage};
use leptos::prelude::*;

/// Newest versions the current office sent that a partner has not opened or confirmed.
#[server(endpoint = "versions/unseen")]
pub async fn unseen_versions(filter: UnseenFilter) -> Result<UnseenPage, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.versions.unseen(&caller, filter).await
}
