use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// One row of the 利用者台帳.
#[server(endpoint = "routing/get_roster_entry")]
pub async fn get_roster_entry(insurer: String, insured: String) -> Result<RosterEntry, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.roster_entry(&caller, insurer, insured).await
}
