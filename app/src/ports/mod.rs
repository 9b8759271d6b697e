//! Service traits the UI calls (implemented in `server`, provided as Leptos context).
//! `app` holds no SQL: every read goes through one of these.

mod audit;
mod exchange;
mod forms;
mod links;
mod offices;
mod reconcile;
mod routing;
mod sessions;
mod staff;
mod two_factor;
mod versions;

pub use audit::AuditPort;
pub use exchange::ExchangePort;
pub use forms::FormsPort;
pub use links::AccountLinkPort;
pub use offices::OfficePort;
pub use reconcile::ReconcilePort;
pub use routing::RoutingPort;
pub use sessions::SessionsPort;
pub use staff::StaffPort;
pub use two_factor::TwoFactorPort;
pub use versions::VersionsPort;

use crate::error::AppError;
use crate::types::{Caller, Flash, NavCounts};
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
    /// 送受信.
    pub exchange: Arc<dyn ExchangePort>,
    /// 帳票表示.
    pub forms: Arc<dyn FormsPort>,
    /// One-time links (password reset, invitation); used before anyone is signed in.
    pub links: Arc<dyn AccountLinkPort>,
    /// ログイン中の端末.
    pub sessions: Arc<dyn SessionsPort>,
    /// 2段階認証.
    pub two_factor: Arc<dyn TwoFactorPort>,
    /// 予実突合.
    pub reconcile: Arc<dyn ReconcilePort>,
    /// 担当の振り分け.
    pub routing: Arc<dyn RoutingPort>,
    /// 版の管理.
    pub versions: Arc<dyn VersionsPort>,
}

/// Reads the request's parts, provided by leptos_axum, in place: a page asks for several of
/// them (the caller, the counts, each filter field), and a copy of the parts would copy every
/// header and extension each time.
fn with_parts<R>(read: impl FnOnce(&http::request::Parts) -> R) -> Option<R> {
    leptos::reactive::owner::with_context::<http::request::Parts, R>(read)
}

/// The signed-in caller, if the server's middleware resolved one for this request.
pub fn caller() -> Option<Caller> {
    with_parts(|parts| parts.extensions.get::<Caller>().cloned()).flatten()
}

/// The navigation counts the server's middleware read with the caller (requests for pages).
pub fn nav_counts() -> Option<NavCounts> {
    with_parts(|parts| parts.extensions.get::<NavCounts>().cloned()).flatten()
}

/// The one-shot form data the previous POST left for this page.
pub fn flash() -> Flash {
    with_parts(|parts| parts.extensions.get::<Flash>().cloned())
        .flatten()
        .unwrap_or_default()
}

/// A query-string parameter of the current request.
pub fn query_param(name: &str) -> Option<String> {
    with_parts(|parts| {
        url_pairs(parts.uri.query()?)
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    })
    .flatten()
}

fn url_pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query.split('&').map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(k), decode(v))
    })
}

/// Percent-decodes a query component (`+` is a space); broken UTF-8 becomes empty.
fn decode(raw: &str) -> String {
    let spaced = raw.replace('+', " ");
    let bytes = spaced.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Caller and ports for a server fn or page: `Unauthenticated` without a signed-in caller.
pub fn scope() -> Result<(Caller, Ports), AppError> {
    let caller = caller().ok_or(AppError::Unauthenticated)?;
    let ports = use_context::<Ports>().ok_or(AppError::Internal {
        reference: "no-ports".into(),
    })?;
    Ok((caller, ports))
}

/// The ports without a caller, for the few public pages (forgotten password, one-time links).
pub fn public_ports() -> Result<Ports, AppError> {
    use_context::<Ports>().ok_or(AppError::Internal {
        reference: "no-ports".into(),
    })
}

/// The handle of this request's session, if signed in.
pub fn session_handle() -> Option<String> {
    with_parts(|parts| {
        parts
            .extensions
            .get::<crate::types::SessionHandle>()
            .map(|h| h.0.clone())
    })
    .flatten()
}
