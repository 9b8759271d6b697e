use crate::error::AppError;
use leptos::prelude::*;

/// Whether the signed-in person receives new-file mails.
#[server(endpoint = "exchange/new_items_mail")]
pub async fn new_items_mail_on() -> Result<bool, AppError> {
    let (caller, ports) = crate::ports::scope()?;
    ports.exchange.new_items_mail_on(&caller).await
}
