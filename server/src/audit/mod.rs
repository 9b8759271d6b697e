//! 操作履歴: an append-only, hash-chained audit log written in the same transaction as the
//! action it records.

pub mod event;
pub mod service;
pub mod store;

pub use event::AuditEvent;
pub use service::AuditService;

use crate::auth::ClientInfo;
use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::Caller;

/// Records what `caller` did in the transaction's office, in that same transaction (so the
/// entry exists exactly when the action does).
pub async fn record(
    tx: &mut OfficeTx,
    caller: &Caller,
    client: &ClientInfo,
    event: AuditEvent,
    at: Millis,
) -> InfraResult<()> {
    let entry = store::NewEntry {
        office: Some(tx.office_id()),
        actor: Some(caller.user_id),
        event: &event,
        client,
        at,
    };
    store::append(tx.conn(), entry).await
}
