use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// A page of the 利用者台帳.
#[server(endpoint = "routing/list_roster")]
pub async fn list_roster(filter: RosterFilter) -> Result<RosterPage, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.roster(&caller, filter).await
}
