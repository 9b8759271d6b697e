use crate::error::AppError;
use crate::types::{PartnerStatus, VersionId};
use leptos::prelude::*;

/// Per partner: who has opened, downloaded and confirmed the newest version (sender only).
#[server(endpoint = "versions/partner_status")]
pub async fn get_partner_status(id: VersionId) -> Result<PartnerStatus, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.versions.partner_status(&caller, id).await
}
