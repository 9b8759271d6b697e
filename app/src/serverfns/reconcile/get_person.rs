use crate::error::AppError;
use crate::types::ReconcilePerson;
use leptos::prelude::*;

/// One person's day-by-day reconciliation for a month.
#[server(endpoint = "reconcile/get_person")]
pub async fn get_reconcile_person(
    month: String,
    insurer: String,
    insured: String,
) -> Result<ReconcilePerson, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports
        .reconcile
        .person(&caller, month, insurer, insured)
        .await
}
