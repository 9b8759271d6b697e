//! 操作履歴: an append-only, hash-chained audit log written in the same transaction as the
//! action it records.

pub mod event;
pub mod service;
pub mod store;

pub use event::AuditEvent;
pub use service::AuditService;

use crate::auth::ClientInfo;
use crate::clock::Millis;
use crate::db::{Batch, OfficeTx};
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
    let mut batch = Batch::new();
    record_into(tx, &mut batch, caller, client, event, at).await?;
    batch.run(tx.conn()).await
}

/// [`record`], whose row goes into `batch`, which the caller runs with its own writes in the
/// same transaction and office scope before recording anything else (see
/// [`store::append_into`]).
pub async fn record_into(
    tx: &mut OfficeTx,
    batch: &mut Batch<'_>,
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
    store::append_into(tx.conn(), batch, entry).await
}
