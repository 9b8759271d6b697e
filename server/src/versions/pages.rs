//! Recipes of the timeline, download, per-partner and 確認状況 pages.

use super::read_store::{self, VersionRow};
use super::service::{VersionService, UNSEEN_PAGE};
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use app::types::{
    Caller, DeliveryId, DeliveryVersions, FileId, OfficeRef, PartnerLine, PartnerStatus, PersonRef,
    Timeline, UnseenFilter, UnseenPage, VersionId,
};
use app::AppError;

/// Order of the families on the timeline.
fn family_rank(entity: &str) -> u8 {
    match entity {
        "plan" => 0,
        "prevention_plan" => 1,
        "basic_info" => 2,
        "usage" => 3,
        "actuals" => 4,
        _ => 5,
    }
}

/// Timeline order: family, document (newest key first), then newest 連番 first.
fn timeline_order(rows: &mut [VersionRow]) {
    rows.sort_by(|a, b| {
        family_rank(&a.entity)
            .cmp(&family_rank(&b.entity))
            .then_with(|| b.anchor.cmp(&a.anchor))
            .then_with(|| a.provider.cmp(&b.provider))
            .then_with(|| b.send_stamp.cmp(&a.send_stamp))
            .then_with(|| b.sent_at.cmp(&a.sent_at))
    });
}

fn partner_of(row: &VersionRow, me: &str) -> OfficeRef {
    let (id, name, number, service) = if row.from_office_id == me {
        (
            &row.to_office_id,
            &row.to_name,
            &row.to_number,
            &row.to_type,
        )
    } else {
        (
            &row.from_office_id,
            &row.from_name,
            &row.from_number,
            &row.from_type,
        )
    };
    OfficeRef {
        id: id.parse().ok(),
        name: Some(name.clone()),
        number: number.clone(),
        service_type: Some(service.clone()),
    }
}

impl VersionService {
    /// Every version of the person of `id` with the partner of `id`; audited.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), version.id = %id))]
    pub(super) async fn timeline_page(
        &self,
        caller: &Caller,
        id: VersionId,
    ) -> Result<Timeline, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let row = self.find(&mut tx, id).await?;
        let me = caller.office_id().to_string();
        let partner = partner_of(&row, &me);
        let partner_id = partner.id.map(|p| p.to_string()).unwrap_or_default();
        let mut rows =
            read_store::of_person(&mut tx, &row.insurer, &row.insured, &partner_id).await?;
        timeline_order(&mut rows);
        let lines = self.lines(&mut tx, &rows).await?;
        let event = AuditEvent::TimelineViewed {
            version: row.version_id.clone(),
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
        // The newest name sent is the person's name; the others are shown to check.
        let mut by_time: Vec<&VersionRow> = rows.iter().collect();
        by_time.sort_by_key(|r| std::cmp::Reverse(r.sent_at));
        let name = by_time.iter().find_map(|r| r.person_name.clone());
        let kana = by_time.iter().find_map(|r| r.person_kana.clone());
        let mut other_names: Vec<String> = Vec::new();
        for r in &by_time {
            for n in [&r.person_name, &r.conflict_name].into_iter().flatten() {
                if Some(n) != name.as_ref() && !other_names.contains(n) {
                    other_names.push(n.clone());
                }
            }
        }
        Ok(Timeline {
            person: PersonRef {
                insurer: row.insurer.clone(),
                insured: row.insured.clone(),
                name,
                kana,
            },
            other_names,
            partner,
            lines,
        })
    }

    /// The versions a file of a delivery belongs to (the download page).
    pub(super) async fn file_page(
        &self,
        caller: &Caller,
        delivery: DeliveryId,
        file: FileId,
    ) -> Result<DeliveryVersions, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let (name, ids) =
            read_store::file_of_delivery(&mut tx, &delivery.to_string(), &file.to_string())
                .await?
                .ok_or(AppError::NotFound)?;
        let mut rows = read_store::by_ids(&mut tx, &ids).await?;
        timeline_order(&mut rows);
        let lines = self.lines(&mut tx, &rows).await?;
        tx.commit().await?;
        Ok(DeliveryVersions {
            incoming: rows
                .first()
                .is_some_and(|r| r.to_office_id == caller.office_id().to_string()),
            lines,
            file_name: Some(name),
        })
    }

    /// Sender only: per partner, the newest version of this document it was sent and its
    /// receipts.
    pub(super) async fn partner_page(
        &self,
        caller: &Caller,
        id: VersionId,
    ) -> Result<PartnerStatus, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let row = self.find(&mut tx, id).await?;
        if row.from_office_id != caller.office_id().to_string() {
            return Err(AppError::Forbidden);
        }
        let dated =
            super::extract::entity_from_code(&row.entity).is_some_and(super::extract::is_dated);
        let mut rows =
            read_store::sent_document(&mut tx, &row.entity, &row.insurer, &row.insured).await?;
        rows.retain(|r| dated || (r.anchor == row.anchor && r.provider == row.provider));
        // Each partner's current version of the document.
        let mut current: Vec<VersionRow> = rows
            .iter()
            .filter(|r| r.state == "latest")
            .cloned()
            .collect();
        current.sort_by(|a, b| a.to_name.cmp(&b.to_name));
        let newest = current
            .iter()
            .map(|r| (r.anchor.clone(), r.send_stamp.clone()))
            .max();
        let mut all = vec![row.clone()];
        all.extend(current.iter().cloned());
        let mut lines = self.lines(&mut tx, &all).await?;
        tx.commit().await?;
        let version = lines.remove(0).version;
        let partners = current
            .iter()
            .zip(lines)
            .map(|(r, line)| PartnerLine {
                partner: partner_of(r, &r.from_office_id),
                has_newest: Some((r.anchor.clone(), r.send_stamp.clone())) == newest,
                version: line.version,
                receipt: line.receipt,
            })
            .collect();
        Ok(PartnerStatus { version, partners })
    }

    /// Sender only: newest versions not yet opened (or not confirmed) by their partner.
    pub(super) async fn unseen_page(
        &self,
        caller: &Caller,
        filter: UnseenFilter,
    ) -> Result<UnseenPage, AppError> {
        AuthCheck::member().check(caller)?;
        let after = filter
            .after
            .split_once('_')
            .and_then(|(at, id)| Some((at.parse::<i64>().ok()?, id.to_string())));
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let unconfirmed = filter.status == "unconfirmed";
        let mut rows = read_store::unseen(&mut tx, unconfirmed, after, UNSEEN_PAGE + 1).await?;
        let more = rows.len() > usize::try_from(UNSEEN_PAGE).unwrap_or(usize::MAX);
        rows.truncate(usize::try_from(UNSEEN_PAGE).unwrap_or(usize::MAX));
        let items = self.lines(&mut tx, &rows).await?;
        tx.commit().await?;
        let next = more
            .then(|| {
                rows.last()
                    .map(|r| format!("{}_{}", r.sent_at, r.version_id))
            })
            .flatten();
        Ok(UnseenPage { items, next })
    }
}
