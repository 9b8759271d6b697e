use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// 不在と代理 with the form's choices.
#[server(endpoint = "routing/list_absences")]
pub async fn list_absences() -> Result<AbsencesView, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.absences(&caller).await
}
