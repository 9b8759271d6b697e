use crate::error::AppError;
use crate::types::{ReconcileMonth, ReconcileQuery};
use leptos::prelude::*;

/// The reconciliation of a month for the current office.
#[server(endpoint = "reconcile/get_month")]
pub async fn get_reconcile_month(query: ReconcileQuery) -> Result<ReconcileMonth, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.reconcile.month(&caller, query).await
}
