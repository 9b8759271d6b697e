//! Service traits the UI calls (implemented in `server`, provided as Leptos context).
//! `app` holds no SQL: every read goes through one of these.

mod audit;
mod offices;
mod staff;

pub use audit::AuditPort;
pub use offices::OfficePort;
pub use staff::StaffPort;

use crate::error::AppError;
use crate::types::{Caller, Flash};
use leptos::prelude::use_context;
use std::sync::Arc;

/// All ports, cloned cheaply into every request's context.
#[derive(Clone)]
pub struct Ports {
    /// 事業所.
    pub offices: Arc<dyn OfficePort>,
    /// 職員 administration.
    pub staff: Arc<dyn StaffPort>,
    /// 操作履歴.
    pub audit: Arc<dyn AuditPort>,
}

/// The request's parts, provided by leptos_axum.
fn request_parts() -> Option<http::request::Parts> {
    use_context::<http::request::Parts>()
}

/// The signed-in caller, if the server's middleware resolved one for this request.
pub fn caller() -> Option<Caller> {
    request_parts().and_then(|parts| parts.extensions.get::<Caller>().cloned())
}

/// The one-shot form data the previous POST left for this page.
pub fn flash() -> Flash {
    request_parts()
        .and_then(|parts| parts.extensions.get::<Flash>().cloned())
        .unwrap_or_default()
}

/// A query-string parameter of the current request.
pub fn query_param(name: &str) -> Option<String> {
    let parts = request_parts()?;
    let found = url_pairs(parts.uri.query()?)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v);
    found
}

fn url_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k.to_string(), v.to_string())
    })
}

/// Caller and ports for a server fn or page: `Unauthenticated` without a signed-in caller.
pub fn scope() -> Result<(Caller, Ports), AppError> {
    let caller = caller().ok_or(AppError::Unauthenticated)?;
    let ports = use_context::<Ports>().ok_or(AppError::Internal {
        reference: "no-ports".into(),
    })?;
    Ok((caller, ports))
}
