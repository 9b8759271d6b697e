//! The reconciliation service: computes a month on demand from the latest versions (so a new
//! 予定 or 実績 changes the pages at once) and serves the pages, the CSV and the setting.

use super::engine::{reconcile, Case};
use super::keys::PersonKey;
use super::load;
use super::store;
use super::view::{partner_ref, Computed};
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::{Clock, Millis};
use crate::db::Db;
use crate::error::InfraResult;
use crate::storage::Storage;
use app::ports::ReconcilePort;
use app::types::{
    parse_month, shift_month, Caller, DiscrepancyList, DiscrepancyRow, OfficeId, ReconcileBoard,
    ReconcileMonth, ReconcilePerson, ReconcileQuery, ReconcileSettings, ReconcileStatus,
    StatusCounts,
};
use app::AppError;

/// Rows per page of the month page.
pub const PAGE_SIZE: usize = 50;

/// 予実突合.
#[derive(Clone, Debug)]
pub struct ReconcileService {
    pub(super) db: Db,
    pub(super) clock: Clock,
    storage: Storage,
    /// The portal's base URL without the trailing slash (links in mails).
    pub(super) base_url: String,
}

/// 「対象年月」 the pages default to: the month before the current one in Japan, whose 実績
/// arrive in the first days of this month.
pub fn default_month(now: Millis) -> String {
    let jst = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(now) * 1_000_000)
        .map(|t| t.to_offset(time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC)))
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let this = format!("{:04}{:02}", jst.year(), u8::from(jst.month()));
    shift_month(&this, -1)
}

impl ReconcileService {
    /// New service.
    pub fn new(db: Db, clock: Clock, storage: Storage, base_url: &url::Url) -> Self {
        Self {
            db,
            clock,
            storage,
            base_url: base_url.as_str().trim_end_matches('/').to_string(),
        }
    }

    /// The month typed by the user (empty = the default), or a field error.
    pub fn month_of(&self, typed: &str) -> Result<String, AppError> {
        if typed.trim().is_empty() {
            return Ok(default_month(self.clock.now()));
        }
        parse_month(typed).ok_or_else(|| {
            AppError::invalid(
                "month",
                "対象年月は「2025年4月」または「202504」の形で入力してください。",
            )
        })
    }

    /// Reconciles `month` for `office` from the latest versions.
    #[tracing::instrument(skip_all, fields(office.id = %office, month = %month))]
    pub async fn compute(&self, office: OfficeId, month: &str) -> InfraResult<Computed> {
        let mut tx = self.db.read_office(office).await?;
        let loaded = load::load(&mut tx, &self.storage, month).await?;
        tx.commit().await?;
        let month_number: u32 = month.parse().unwrap_or(0);
        let (loaded, report) = tokio::task::spawn_blocking(move || {
            let partners: Vec<_> = loaded.choice.partners.iter().map(|p| p.provider).collect();
            let cases: Vec<Case<'_>> = loaded
                .choice
                .chosen
                .iter()
                .map(|c| Case {
                    partner: c.partner,
                    person: c.person,
                    plan: loaded.usage(c.plan),
                    detail: loaded.detail(c.detail),
                    actual: loaded.usage(c.actual),
                })
                .collect();
            let report = reconcile(month_number, &partners, &cases);
            drop(cases);
            (loaded, report)
        })
        .await?;
        Ok(Computed {
            month: month.to_string(),
            loaded,
            report,
        })
    }

    /// Every difference of the month, as the print view and the CSV list them.
    pub async fn discrepancy_list(
        &self,
        caller: &Caller,
        month: &str,
        partner: &str,
    ) -> Result<DiscrepancyList, AppError> {
        AuthCheck::member().check(caller)?;
        let month = self.month_of(month)?;
        let computed = self.compute(caller.office_id(), &month).await?;
        let chosen = computed.chosen();
        let mut rows = Vec::new();
        let mut counts = StatusCounts::default();
        let mut partner_label = None;
        for c in &computed.report.comparisons {
            let Some(p) = computed.partner(c.partner) else {
                continue;
            };
            if !partner.is_empty() && p.office_id != partner {
                continue;
            }
            if !partner.is_empty() {
                partner_label = Some(partner_ref(p).label);
            }
            let row = computed.row(c, chosen.get(&(c.partner, c.person)));
            let Some(row) = row else { continue };
            counts.add(row.status);
            let base = |kind: String, date: String, code: String, message: String| DiscrepancyRow {
                partner: row.partner.clone(),
                person: row.person.clone(),
                status: row.status,
                kind,
                date,
                code,
                message,
                in_charge: row.in_charge.clone().unwrap_or_default(),
            };
            if row.status == ReconcileStatus::ActualsMissing {
                rows.push(base(
                    String::new(),
                    String::new(),
                    String::new(),
                    "実績が届いていません。".into(),
                ));
            }
            for d in &c.differences {
                rows.push(base(
                    d.kind.label().to_string(),
                    d.date().map(super::keys::day_label).unwrap_or_default(),
                    d.code().map(|c| c.to_string()).unwrap_or_default(),
                    d.message(),
                ));
            }
        }
        Ok(DiscrepancyList {
            month,
            rows,
            counts,
            partner: partner_label,
            made_at: self.clock.now(),
        })
    }

    /// Records a CSV export of the discrepancy list (it holds personal data).
    pub async fn record_export(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        month: &str,
    ) -> Result<(), AppError> {
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let event = AuditEvent::ReconcileExported {
            month: month.to_string(),
        };
        crate::audit::record(&mut tx, caller, client, event, self.clock.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets the reminder day (1–28) or turns it off; managers and admins only.
    pub async fn set_reminder_day(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        day: Option<u8>,
    ) -> Result<(), AppError> {
        AuthCheck::manager().check(caller)?;
        if day.is_some_and(|d| !(1..=28).contains(&d)) {
            return Err(AppError::invalid(
                "reminder-day",
                "日は1日から28日の間で選んでください。",
            ));
        }
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        store::set_reminder_day(&mut tx, day, &caller.user_id.to_string(), now).await?;
        let event = AuditEvent::ReconcileReminderChanged { day };
        crate::audit::record(&mut tx, caller, client, event, now).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl ReconcilePort for ReconcileService {
    async fn month(
        &self,
        caller: &Caller,
        query: ReconcileQuery,
    ) -> Result<ReconcileMonth, AppError> {
        AuthCheck::member().check(caller)?;
        let month = self.month_of(&query.month)?;
        let computed = self.compute(caller.office_id(), &month).await?;
        let chosen = computed.chosen();
        let wanted = ReconcileStatus::from_code(&query.status);
        let mut counts = StatusCounts::default();
        let mut rows = Vec::new();
        for c in &computed.report.comparisons {
            let Some(p) = computed.partner(c.partner) else {
                continue;
            };
            if !query.partner.is_empty() && p.office_id != query.partner {
                continue;
            }
            let status = super::view::status(c.status);
            counts.add(status);
            if wanted.is_some_and(|w| w != status) {
                continue;
            }
            rows.push(c);
        }
        let matching = rows.len();
        let pages = matching.div_ceil(PAGE_SIZE).max(1);
        let page = query.page.clamp(1, pages);
        let rows = rows
            .into_iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .filter_map(|c| computed.row(c, chosen.get(&(c.partner, c.person))))
            .collect();
        Ok(ReconcileMonth {
            month,
            counts,
            partners: computed
                .loaded
                .choice
                .partners
                .iter()
                .map(partner_ref)
                .collect(),
            rows,
            matching,
            page,
            pages,
        })
    }

    async fn person(
        &self,
        caller: &Caller,
        month: String,
        insurer: String,
        insured: String,
    ) -> Result<ReconcilePerson, AppError> {
        AuthCheck::member().check(caller)?;
        let month = self.month_of(&month)?;
        let key = PersonKey::new(&insurer, &insured).ok_or(AppError::NotFound)?;
        let computed = self.compute(caller.office_id(), &month).await?;
        let chosen = computed.chosen();
        let partners: Vec<_> = computed
            .report
            .comparisons
            .iter()
            .filter(|c| c.person == key)
            .filter_map(|c| computed.person_partner(c, chosen.get(&(c.partner, c.person))))
            .collect();
        if partners.is_empty() {
            return Err(AppError::NotFound);
        }
        Ok(ReconcilePerson {
            month,
            person: computed.person(key),
            partners,
        })
    }

    async fn board(&self, caller: &Caller, month: String) -> Result<ReconcileBoard, AppError> {
        AuthCheck::member().check(caller)?;
        let month = self.month_of(&month)?;
        let computed = self.compute(caller.office_id(), &month).await?;
        Ok(ReconcileBoard {
            rows: computed.board(),
            month,
        })
    }

    async fn discrepancies(
        &self,
        caller: &Caller,
        month: String,
        partner: String,
    ) -> Result<DiscrepancyList, AppError> {
        self.discrepancy_list(caller, &month, &partner).await
    }

    async fn settings(&self, caller: &Caller) -> Result<ReconcileSettings, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let day = store::reminder_day(&mut tx).await?;
        tx.commit().await?;
        Ok(ReconcileSettings {
            reminder_day: day,
            can_edit: AuthCheck::manager().check(caller).is_ok(),
        })
    }
}
