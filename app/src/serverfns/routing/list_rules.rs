use crate::error::AppError;
#[allow(unused_imports)]
use crate::types::*;
use leptos::prelude::*;

/// 送信元ルール with the form's choices.
#[server(endpoint = "routing/list_rules")]
pub async fn list_rules() -> Result<RulesView, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.routing.rules(&caller).await
}
