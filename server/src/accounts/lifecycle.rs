//! `LifecycleService`: forgotten password, admin-triggered reset, invitations and setting a
//! password through a one-time link. The recipes live in `reset.rs`, `invite.rs` and
//! `set_password.rs`; this file holds the service and what they share.

use crate::audit::{store as audit_store, AuditEvent};
use crate::auth::ClientInfo;
use crate::clock::Clock;
use crate::config::LinkConfig;
use crate::db::Db;
use crate::error::InfraResult;
use app::types::{OfficeId, UserId};
use sqlx::AnyConnection;

/// Account lifecycle by e-mail.
#[derive(Clone, Debug)]
pub struct LifecycleService {
    pub(super) db: Db,
    pub(super) clock: Clock,
    /// Base URL without the trailing slash: links are built from it, never from `Host`.
    pub(super) base_url: String,
    pub(super) links: LinkConfig,
}

impl LifecycleService {
    /// New service.
    pub fn new(db: Db, clock: Clock, base_url: &url::Url, links: LinkConfig) -> Self {
        Self {
            db,
            clock,
            base_url: base_url.as_str().trim_end_matches('/').to_string(),
            links,
        }
    }

    /// `…/password/reset?token=…` or `…/invitation?token=…`.
    pub(super) fn link(&self, path: &str, secret: &str) -> String {
        format!("{}{path}?token={secret}", self.base_url)
    }

    /// Reset link lifetime in milliseconds and minutes.
    pub(super) fn reset_ms(&self) -> i64 {
        i64::try_from(self.links.reset.as_millis()).unwrap_or(i64::MAX / 4)
    }

    /// Invitation link lifetime in milliseconds.
    pub(super) fn invitation_ms(&self) -> i64 {
        i64::try_from(self.links.invitation.as_millis()).unwrap_or(i64::MAX / 4)
    }

    /// Minutes a reset link lives (shown on pages and in mails).
    pub fn reset_minutes(&self) -> i64 {
        self.reset_ms() / 60_000
    }

    /// Days an invitation link lives.
    pub fn invitation_days(&self) -> i64 {
        self.invitation_ms() / 86_400_000
    }

    /// The login page, for mails.
    pub(super) fn login_url(&self) -> String {
        format!("{}/login", self.base_url)
    }
}

/// Appends one audit entry in the transaction of `conn`.
pub(super) async fn audit(
    conn: &mut AnyConnection,
    office: Option<OfficeId>,
    actor: Option<UserId>,
    client: &ClientInfo,
    event: AuditEvent,
    at: i64,
) -> InfraResult<()> {
    let entry = audit_store::NewEntry {
        office,
        actor,
        event: &event,
        client,
        at,
    };
    audit_store::append(conn, entry).await
}

/// The 429 error of every limit.
pub(super) fn too_many() -> app::AppError {
    app::AppError::RateLimited(crate::limits::TOO_MANY.into())
}
