use crate::error::AppError;
use crate::types::ReconcileSettings;
use leptos::prelude::*;

/// The office's 実績 reminder setting.
#[server(endpoint = "reconcile/get_settings")]
pub async fn get_reconcile_settings() -> Result<ReconcileSettings, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.reconcile.settings(&caller).await
}
