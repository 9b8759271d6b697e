//! 受信 and 送信済み: lists, the delivery page with receipts, downloads and 取込済.

use super::delivery_store::{self, DeliveryRow, PAGE_SIZE};
use super::store::FileRow;
use super::view;
use super::ExchangeService;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo, RequestReads};
use crate::db::OfficeTx;
use app::types::{
    Caller, DeliveryDetail, DeliveryFilter, DeliveryId, DeliveryPage, FileId, OfficeRef,
    ReceiptEvent,
};
use app::AppError;
use bytes::Bytes;
use futures_util::stream::BoxStream;

/// A file ready to stream to the browser.
pub struct Download {
    /// Its row (name, size, hash, type).
    pub file: FileRow,
    /// The bytes, chunk by chunk.
    pub body: BoxStream<'static, Result<Bytes, object_store::Error>>,
}

fn office_ref(id: &str, name: &str, number: &str, service_type: &str) -> OfficeRef {
    OfficeRef {
        id: id.parse().ok(),
        name: Some(name.to_string()),
        number: number.to_string(),
        service_type: Some(service_type.to_string()),
    }
}

fn event_label(kind: &str) -> &'static str {
    match kind {
        "opened" => "開封",
        "downloaded" => "ダウンロード",
        "imported" => "取込済",
        _ => "その他",
    }
}

impl ExchangeService {
    async fn load(&self, tx: &mut OfficeTx, id: DeliveryId) -> Result<DeliveryRow, AppError> {
        delivery_store::find(tx, &id.to_string())
            .await?
            .ok_or(AppError::NotFound)
    }

    pub(super) async fn deliveries(
        &self,
        caller: &Caller,
        incoming: bool,
        filter: DeliveryFilter,
    ) -> Result<DeliveryPage, AppError> {
        AuthCheck::member().check(caller)?;
        let mut filter = filter;
        let me = caller.user_id.to_string();
        if filter.assignee == "me" {
            filter.assignee.clone_from(&me);
        }
        // The list, its version marks and its routing briefs need no snapshot in common (each
        // reads rows by the ids of the page): on SQLite no transaction, which would be two more
        // hand-offs to the connection's thread.
        // On a page, the reads the middleware loaded the caller on (`auth::request_reads`).
        let mut reads = match RequestReads::take(caller.office_id()) {
            Some(reads) => reads,
            None => self.db.office_reads(caller.office_id()).await?,
        };
        let mut rows = delivery_store::list(&mut reads, incoming, &filter).await?;
        let states: Vec<(&str, Option<&str>)> = rows
            .iter()
            .map(|r| (r.delivery_id.as_str(), r.facts.version_state.as_deref()))
            .collect();
        let marks = crate::versions::marks_of_rows(&mut reads, &states).await?;
        let more = rows.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
        rows.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
        let next = more
            .then(|| {
                rows.last()
                    .map(|r| format!("{}_{}", r.facts.sent_at, r.delivery_id))
            })
            .flatten();
        let mut items: Vec<_> = rows
            .iter()
            .map(|r| {
                let partner = office_ref(
                    &r.partner_id,
                    &r.partner_name,
                    &r.partner_number,
                    &r.partner_type,
                );
                let mut item = view::summary(&r.delivery_id, partner, &r.facts)?;
                item.version = marks.get(&r.delivery_id).cloned().unwrap_or_default();
                Ok::<_, crate::error::InfraError>(item)
            })
            .collect::<Result<_, _>>()?;
        if incoming {
            let briefs: Vec<_> = rows
                .iter()
                .map(crate::routing::brief::brief_of_row)
                .collect();
            crate::routing::item::fill_briefs(&mut reads, &me, &briefs, &mut items).await?;
        }
        reads.finish();
        Ok(DeliveryPage { items, next })
    }

    pub(super) async fn delivery(
        &self,
        caller: &Caller,
        id: DeliveryId,
    ) -> Result<DeliveryDetail, AppError> {
        AuthCheck::member().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let mut row = self.load(&mut tx, id).await?;
        let incoming = row.to_office_id == caller.office_id().to_string();
        let user = caller.user_id.to_string();
        if incoming && delivery_store::mark_opened(&mut tx, &row.delivery_id, &user, now).await? {
            delivery_store::insert_event(&mut tx, &row, None, "opened", &user, now).await?;
            let event = AuditEvent::DeliveryOpened {
                delivery: row.delivery_id.clone(),
            };
            crate::audit::record(
                &mut tx,
                caller,
                &ClientInfo::default(),
                event,
                self.clock.now(),
            )
            .await?;
            row.facts.first_opened_at = Some(now);
        }
        let to = office_ref(
            &row.to_office_id,
            &row.to_name,
            &row.to_number,
            &row.to_type,
        );
        let from = office_ref(
            &row.from_office_id,
            &row.from_name,
            &row.from_number,
            &row.from_type,
        );
        let mut files = delivery_store::files(&mut tx, &row.delivery_id)
            .await?
            .iter()
            .map(|f| view::file(f, to.clone()))
            .collect::<Result<Vec<_>, _>>()?;
        view::name_persons(&mut files);
        let partner = if incoming { from.clone() } else { to.clone() };
        let events = delivery_store::events(&mut tx, &row.delivery_id)
            .await?
            .into_iter()
            .map(|(kind, user, at_ms, file_name)| ReceiptEvent {
                label: event_label(&kind).to_string(),
                user,
                at_ms,
                file_name,
            })
            .collect();
        tx.commit().await?;
        Ok(DeliveryDetail {
            summary: view::summary(&row.delivery_id, partner, &row.facts)?,
            incoming,
            imported_by: row.imported_by_name.clone().zip(row.facts.imported_at),
            from,
            to,
            files,
            events,
        })
    }

    /// Streams one file of a delivery; a download by the receiving office is a receipt.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), delivery.id = %id))]
    pub async fn download(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: DeliveryId,
        file: FileId,
    ) -> Result<Download, AppError> {
        let now = self.clock.now();
        let (row, files) = self.unit(caller, id).await?;
        let found = files
            .into_iter()
            .find(|f| f.file_id == file.to_string())
            .ok_or(AppError::NotFound)?;
        let body = self.storage.read_stream(&found.storage_key).await?;
        self.note_download(caller, client, &row, Some(&found.file_id), now)
            .await?;
        Ok(Download { file: found, body })
    }

    /// The whole delivery as a ZIP in import order; a receipt for the receiving office.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), delivery.id = %id))]
    pub async fn download_zip(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: DeliveryId,
    ) -> Result<(String, std::fs::File), AppError> {
        let now = self.clock.now();
        let (row, files) = self.unit(caller, id).await?;
        let files = super::zip_unit::import_ordered(files);
        let zip = super::zip_unit::build(&self.storage, &files).await?;
        self.note_download(caller, client, &row, None, now).await?;
        let stamp = files
            .iter()
            .find_map(|f| f.send_stamp.clone())
            .unwrap_or_else(|| row.delivery_id.clone());
        Ok((format!("{}_{stamp}.zip", row.from_number), zip))
    }

    /// A delivery the caller's office sent or received, and its files.
    async fn unit(
        &self,
        caller: &Caller,
        id: DeliveryId,
    ) -> Result<(DeliveryRow, Vec<FileRow>), AppError> {
        AuthCheck::member().check(caller)?;
        let mut read = self.db.read_office(caller.office_id()).await?;
        let row = self.load(&mut read, id).await?;
        let files = delivery_store::files(&mut read, &row.delivery_id).await?;
        read.commit().await?;
        Ok((row, files))
    }

    /// Records a download by the receiving office (a receipt, and an audit entry) once the
    /// file is open or the ZIP built: a download that fails records nothing, and the write
    /// transaction (on SQLite the one writer; on PostgreSQL the office's audit chain head)
    /// never waits for the file store. `file`: the file, or `None` for the ZIP.
    async fn note_download(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        row: &DeliveryRow,
        file: Option<&str>,
        at: crate::clock::Millis,
    ) -> Result<(), AppError> {
        if row.to_office_id != caller.office_id().to_string() {
            return Ok(());
        }
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let user = caller.user_id.to_string();
        delivery_store::insert_event(&mut tx, row, file, "downloaded", &user, at).await?;
        let event = AuditEvent::FileDownloaded {
            delivery: row.delivery_id.clone(),
            file: file.unwrap_or("zip").to_string(),
        };
        crate::audit::record(&mut tx, caller, client, event, self.clock.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// 取込済 (imported into the care software), by the receiving office; once.
    pub async fn mark_imported(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: DeliveryId,
    ) -> Result<(), AppError> {
        AuthCheck::member().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let row = self.load(&mut tx, id).await?;
        if row.to_office_id != caller.office_id().to_string() {
            return Err(AppError::Forbidden);
        }
        let user = caller.user_id.to_string();
        if delivery_store::mark_imported(&mut tx, &row.delivery_id, &user, now).await? {
            delivery_store::insert_event(&mut tx, &row, None, "imported", &user, now).await?;
            crate::audit::record(
                &mut tx,
                caller,
                client,
                AuditEvent::DeliveryImported {
                    delivery: row.delivery_id.clone(),
                },
                self.clock.now(),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
