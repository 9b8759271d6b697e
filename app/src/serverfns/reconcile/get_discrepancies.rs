use crate::error::AppError;
use crate::types::DiscrepancyList;
use leptos::prelude::*;

/// Every difference of a month, for the printable view.
#[server(endpoint = "reconcile/get_discrepancies")]
pub async fn get_discrepancies(
    month: String,
    partner: String,
) -> Result<DiscrepancyList, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.reconcile.discrepancies(&caller, month, partner).await
}
