//! The diff recipe: two versions of one person's document, read back from storage and
//! compared table by table; audited.

use super::compare;
use super::extract::entity_from_code;
use super::latest::{files_of, read_records};
use super::read_store::{self, VersionRow};
use super::service::VersionService;
use super::view::family_label;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use app::types::{Caller, VersionDiff, VersionId};
use app::AppError;

/// Why two versions cannot be compared, in words the user can act on.
fn refusal(old: &VersionRow, new: &VersionRow) -> Option<String> {
    if old.version_id == new.version_id {
        return Some("同じ版どうしは比較できません。比べる版を選び直してください。".into());
    }
    if old.insurer != new.insurer || old.insured != new.insured {
        return Some(
            "異なる利用者の版は比較できません。同じ利用者（同じ被保険者番号）の版を選んでください。"
                .into(),
        );
    }
    if old.entity != new.entity || entity_from_code(&old.entity).is_none() {
        return Some(format!(
            "種類の異なる書類（{}と{}）は比較できません。同じ種類の書類の版を選んでください。",
            family_label(&old.entity),
            family_label(&new.entity)
        ));
    }
    if old.action == "delete" || new.action == "delete" {
        return Some("削除の連絡には内容がないため、比較できません。".into());
    }
    None
}

impl VersionService {
    /// `id` compared with `from` (default: its predecessor).
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), version.id = %id))]
    pub(super) async fn diff_page(
        &self,
        caller: &Caller,
        id: VersionId,
        from: Option<VersionId>,
    ) -> Result<VersionDiff, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let new = self.find(&mut tx, id).await?;
        let old_id = match from {
            Some(from) => from.to_string(),
            None => new.previous_version_id.clone().ok_or_else(|| {
                AppError::conflict(
                    "この版より前の版はありません。最初の版なので、比べる相手がありません。",
                )
            })?,
        };
        let old = read_store::one(&mut tx, &old_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if let Some(message) = refusal(&old, &new) {
            return Err(AppError::Conflict(message));
        }
        let old_tables =
            read_records(&self.storage, &files_of(&mut tx, &old.version_id).await?).await?;
        let new_tables =
            read_records(&self.storage, &files_of(&mut tx, &new.version_id).await?).await?;
        let sections = compare::compare(&old_tables, &new_tables);
        // Other versions of the same document family with the same partner, newest first.
        let me = caller.office_id().to_string();
        let partner = if new.from_office_id == me {
            &new.to_office_id
        } else {
            &new.from_office_id
        };
        let mut others =
            read_store::of_person(&mut tx, &new.insurer, &new.insured, partner).await?;
        others.retain(|r| {
            r.entity == new.entity && r.action == "upsert" && r.version_id != new.version_id
        });
        others.sort_by(|a, b| (&b.send_stamp, b.sent_at).cmp(&(&a.send_stamp, a.sent_at)));
        let mut rows = vec![old.clone(), new.clone()];
        rows.extend(others);
        let mut lines = self.lines(&mut tx, &rows).await?.into_iter();
        let (Some(old_line), Some(new_line)) = (lines.next(), lines.next()) else {
            return Err(AppError::NotFound);
        };
        let event = AuditEvent::VersionsCompared {
            version: new.version_id.clone(),
            from: old.version_id.clone(),
        };
        crate::audit::record(
            &mut tx,
            caller,
            &ClientInfo::default(),
            event,
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(VersionDiff {
            old: old_line.version,
            new: new_line.version,
            choices: lines.map(|l| l.version).collect(),
            sections,
        })
    }
}
