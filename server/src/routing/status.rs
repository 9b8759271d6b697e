//! 対応状況 (未読 → 対応中 → 取込済 → 完了) of the caller's own persons in an item, and internal
//! notes (内部メモ: the office only, never the partner). Each goes into the item's history and
//! the audit log.

use super::assign::load_current;
use super::{store, RoutingAudit, RoutingService};
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::exchange::delivery_store;
use app::types::{Caller, DeliveryId, WorkStatus};
use app::AppError;

/// Longest note (characters).
pub const MAX_NOTE_CHARS: usize = 1_000;

impl RoutingService {
    /// Sets the caller's status on the item (every person of the item assigned to them). 取込済
    /// also records the office's 取込済 receipt for the sender, once.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), delivery.id = %delivery))]
    pub async fn set_status(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        delivery: DeliveryId,
        status: WorkStatus,
        version: i64,
    ) -> Result<(), AppError> {
        AuthCheck::member().check(caller)?;
        let now = self.clock.now();
        let me = caller.user_id.to_string();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let (_, routes) = load_current(&mut tx, delivery, version).await?;
        let mine: Vec<_> = routes
            .iter()
            .filter(|r| r.assignee_id.as_deref() == Some(me.as_str()))
            .collect();
        if mine.is_empty() {
            return Err(AppError::Forbidden);
        }
        if mine.iter().all(|r| r.status == status.code()) {
            return Ok(());
        }
        for r in &mine {
            store::set_status(&mut tx, &r.route_id, status.code(), &me, now).await?;
        }
        let id = delivery.to_string();
        super::brief::refresh(&mut tx, &id).await?;
        let detail = format!("対応状況を「{}」にしました", status.label());
        store::add_event(&mut tx, &id, Some(&me), "status", &detail, "", now).await?;
        let event = RoutingAudit::StatusChanged {
            delivery: id.clone(),
            status: status.code().to_string(),
        };
        self.audit(&mut tx, caller, client, event).await?;
        if status == WorkStatus::Imported
            && delivery_store::mark_imported(&mut tx, &id, &me, now).await?
        {
            if let Some(row) = delivery_store::find(&mut tx, &id).await? {
                delivery_store::insert_event(&mut tx, &row, None, "imported", &me, now).await?;
            }
            let event = AuditEvent::DeliveryImported { delivery: id };
            crate::audit::record(&mut tx, caller, client, event, now).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Adds an internal note to an item the office received.
    pub async fn add_note(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        delivery: DeliveryId,
        text: &str,
    ) -> Result<(), AppError> {
        AuthCheck::member().check(caller)?;
        let body = text.trim();
        if body.is_empty() {
            return Err(AppError::invalid("note", "メモの内容を入力してください。"));
        }
        if body.chars().count() > MAX_NOTE_CHARS {
            return Err(AppError::invalid(
                "note",
                format!("メモは{MAX_NOTE_CHARS}文字以内で入力してください。"),
            ));
        }
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let (id, _) = store::received_delivery(&mut tx, &delivery.to_string())
            .await?
            .ok_or(AppError::NotFound)?;
        let me = caller.user_id.to_string();
        store::add_event(
            &mut tx,
            &id,
            Some(&me),
            "note",
            "メモを追加しました",
            body,
            now,
        )
        .await?;
        self.audit(
            &mut tx,
            caller,
            client,
            RoutingAudit::NoteAdded { delivery: id },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
