//! 帳票表示: a delivered standard file shown as its paper form (第1〜3表, 第6表, 第7表, 予防).
//! Visible to the sending and the receiving office only (404 for anyone else); every view is
//! audited and the recipient's first view is the delivery's 開封, as on the item page.

mod build;
mod labels;
mod plans;
mod prevention;
mod usage;

#[cfg(test)]
mod tests;

pub use build::{sheets, Inputs};

use super::delivery_store::{self, DeliveryRow};
use super::store::FileRow;
use super::ExchangeService;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::db::OfficeTx;
use crate::error::InfraResult;
use crate::spec_csv::layouts::Records;
use crate::spec_csv::{parse, validate, FileKind};
use app::ports::FormsPort;
use app::types::{Caller, DeliveryId, FileId, FormKind, FormView, OfficeRef};
use app::AppError;

#[async_trait::async_trait]
impl FormsPort for ExchangeService {
    async fn get_form(
        &self,
        caller: &Caller,
        delivery: DeliveryId,
        file: FileId,
    ) -> Result<FormView, AppError> {
        self.form(caller, &ClientInfo::default(), delivery, file)
            .await
    }
}

impl ExchangeService {
    /// One file of a delivery as its paper form. Scope, load, check, record the view, read the
    /// bytes (and the 補足 / 別表 sent with it), build.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), delivery.id = %id))]
    pub async fn form(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: DeliveryId,
        file: FileId,
    ) -> Result<FormView, AppError> {
        AuthCheck::member().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let row = delivery_store::find(&mut tx, &id.to_string())
            .await?
            .ok_or(AppError::NotFound)?;
        let files = delivery_store::files(&mut tx, &row.delivery_id).await?;
        let found = files
            .iter()
            .find(|f| f.file_id == file.to_string())
            .ok_or(AppError::NotFound)?;
        let kind = FormKind::for_prefix(&found.kind).ok_or(AppError::NotFound)?;
        let incoming = row.to_office_id == caller.office_id().to_string();
        if incoming {
            self.record_opened(&mut tx, caller, client, &row, now)
                .await?;
        }
        let event = AuditEvent::FormViewed {
            delivery: row.delivery_id.clone(),
            file: found.file_id.clone(),
        };
        crate::audit::record(&mut tx, caller, client, event, now).await?;
        let bytes = self.storage.read_all(&found.storage_key).await?;
        let inputs = self.inputs(kind, found, &files, &bytes).await?;
        let versions = crate::versions::stamps::of_file(
            &mut tx,
            &row.delivery_id,
            &found.file_id,
            &found.kind,
        )
        .await?;
        tx.commit().await?;
        let mut sheets = sheets(kind, &inputs, row.facts.sent_at);
        for sheet in &mut sheets {
            let key = &sheet.key;
            let anchor = key.plan_date.as_deref().or(key.target_month.as_deref());
            crate::versions::stamps::apply(
                &mut sheet.stamp,
                &versions,
                &key.insurer,
                &key.insured,
                anchor,
            );
        }
        let findings =
            super::intake::findings_of(&validate::validate_file(&found.original_name, &bytes));
        Ok(FormView {
            delivery: id,
            file,
            file_name: found.original_name.clone(),
            kind,
            incoming,
            from: office(&row.from_office_id, &row.from_name, &row.from_number),
            to: office(&row.to_office_id, &row.to_name, &row.to_number),
            findings,
            sheets,
            printed_at_ms: now,
        })
    }

    /// 開封 by the receiving office, once: the same receipt and audit row as the item page.
    async fn record_opened(
        &self,
        tx: &mut OfficeTx,
        caller: &Caller,
        client: &ClientInfo,
        row: &DeliveryRow,
        now: i64,
    ) -> Result<(), AppError> {
        let user = caller.user_id.to_string();
        if delivery_store::mark_opened(tx, &row.delivery_id, &user, now).await? {
            delivery_store::insert_event(tx, row, None, "opened", &user, now).await?;
            let event = AuditEvent::DeliveryOpened {
                delivery: row.delivery_id.clone(),
            };
            crate::audit::record(tx, caller, client, event, now).await?;
        }
        Ok(())
    }

    /// The opened file's records and the files of the same send (same ファイル連番) the form
    /// needs: the 補足 for names and limits, the other half of a 予防 plan.
    async fn inputs(
        &self,
        kind: FormKind,
        opened: &FileRow,
        files: &[FileRow],
        bytes: &[u8],
    ) -> InfraResult<Inputs> {
        let mut inputs = Inputs {
            main: read(&opened.kind, bytes),
            ..Inputs::default()
        };
        let same_send = |f: &&FileRow| {
            f.file_id != opened.file_id
                && f.send_stamp.is_some()
                && f.send_stamp == opened.send_stamp
        };
        for sibling in files.iter().filter(same_send) {
            let wanted = match (kind, sibling.kind.as_str()) {
                // A plan-tied 補足 is named with month `000000`, stored as no month.
                (FormKind::Plan1 | FormKind::Plan2 | FormKind::Plan3, "UPHOSOKU") => sibling
                    .target_month
                    .as_deref()
                    .is_none_or(|m| m == "000000"),
                (
                    FormKind::UsagePlan | FormKind::UsageActual | FormKind::UsageDetail,
                    "UPHOSOKU",
                ) => sibling.target_month.is_some() && sibling.target_month == opened.target_month,
                (FormKind::Prevention, "UPYOBO" | "UPYOBO_SUB") => true,
                _ => false,
            };
            if !wanted {
                continue;
            }
            let records = read(
                &sibling.kind,
                &self.storage.read_all(&sibling.storage_key).await?,
            );
            add(&mut inputs, records);
        }
        let opened_records = inputs.main.clone();
        add(&mut inputs, opened_records);
        Ok(inputs)
    }
}

/// A stored file's records; `None` when its bytes cannot be decoded at all.
fn read(prefix: &str, bytes: &[u8]) -> Option<Records> {
    let kind = FileKind::from_prefix(prefix)?;
    parse::parse_records(kind, bytes).ok().flatten()
}

/// Files the records into the inputs a form reads (補足, 予防 plan or 別表).
fn add(inputs: &mut Inputs, records: Option<Records>) {
    match records {
        Some(Records::Supplement(rows)) => inputs.supplements.extend(rows),
        Some(Records::PreventionPlan(rows)) => inputs.prevention_plans.extend(rows),
        Some(Records::PreventionPlanSub(rows)) => {
            inputs.prevention_sub_found = true;
            inputs.prevention_subs.extend(rows);
        }
        _ => {}
    }
}

fn office(id: &str, name: &str, number: &str) -> OfficeRef {
    OfficeRef {
        id: id.parse().ok(),
        name: Some(name.to_string()),
        number: number.to_string(),
        service_type: None,
    }
}
