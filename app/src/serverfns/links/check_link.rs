use crate::error::AppError;
use crate::types::{LinkInfo, LinkPurpose};
use leptos::prelude::*;

/// The owner of a one-time link (public: the visitor is not signed in); dead links are `NotFound`.
#[server(endpoint = "links/check")]
pub async fn check_link(token: String, purpose: LinkPurpose) -> Result<LinkInfo, AppError> {
    let ports = crate::ports::public_ports()?;
    ports.links.check_link(token, purpose).await
}
