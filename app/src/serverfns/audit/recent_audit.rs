use crate::error::AppError;
use crate::types::AuditPage;
use leptos::prelude::*;

/// The current office's latest audit entries and chain check (admins only).
#[server(endpoint = "audit/recent")]
pub async fn recent_audit() -> Result<AuditPage, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.audit.recent(&caller, 100).await
}
