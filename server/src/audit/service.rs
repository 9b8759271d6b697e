//! `AuditPort` implementation: the office's log page with its integrity check.

use super::event::action_label;
use super::store;
use crate::auth::AuthCheck;
use crate::db::Db;
use app::ports::AuditPort;
use app::types::{AuditEntry, AuditPage, Caller};
use app::AppError;

/// Reads the audit log for the admin page.
#[derive(Clone, Debug)]
pub struct AuditService {
    db: Db,
}

impl AuditService {
    /// New service over the database.
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

#[async_trait::async_trait]
impl AuditPort for AuditService {
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    async fn recent(&self, caller: &Caller, limit: i64) -> Result<AuditPage, AppError> {
        AuthCheck::admin().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let chain = tx.office_id().to_string();
        let (broken_at, total) = store::verify(tx.conn(), &chain).await?;
        let rows = store::recent(tx.conn(), &chain, limit).await?;
        tx.commit().await?;
        let entries = rows
            .into_iter()
            .map(|(row, actor)| AuditEntry {
                seq: row.seq,
                occurred_at_ms: row.occurred_at,
                actor,
                action_label: action_label(&row.action, &row.detail),
                object: row.object,
                ip: row.ip,
            })
            .collect();
        Ok(AuditPage {
            entries,
            broken_at,
            total,
        })
    }
}
