use crate::error::AppError;
use crate::types::ReconcileBoard;
use leptos::prelude::*;

/// The monthly-cycle board of the current office.
#[server(endpoint = "reconcile/get_board")]
pub async fn get_reconcile_board(month: String) -> Result<ReconcileBoard, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.reconcile.board(&caller, month).await
}
