//! Drafts: from staged files to a draft, the confirmation view with every reason a file will
//! not be sent, and the one-time send that makes one delivery per destination office.

use super::delivery_store;
use super::directory::{self, DirectoryOffice};
use super::intake::StagedFile;
use super::store::{self, FileRow, NewFile};
use super::view;
use super::ExchangeService;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::db::OfficeTx;
use crate::error::InfraError;
use crate::spec_csv::{file_name, send_unit, SpecFileName};
use app::types::{Caller, DeliveryId, DraftView, ExchangeFile, FileFinding, OfficeRef, OutgoingId};
use app::AppError;
use std::collections::{HashMap, HashSet};

/// A file of a draft with where it goes, or why it will not go.
pub(super) struct Planned {
    pub(super) file: ExchangeFile,
    pub(super) row: FileRow,
    pub(super) destination: Option<DirectoryOffice>,
}

impl ExchangeService {
    /// Makes staged files permanent and adds them to a new draft (or to `into`, an open draft).
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id(), files = files.len()))]
    pub async fn save_draft(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        files: Vec<StagedFile>,
        into: Option<OutgoingId>,
    ) -> Result<OutgoingId, AppError> {
        AuthCheck::member().check(caller)?;
        let now = self.clock.now();
        // Bytes this office already stored are not written again (a plan sent anew unchanged).
        // Only the office's own files count: whether another office holds the same bytes is
        // not this office's to learn, not even from how long an upload takes.
        let held: Vec<&str> = files
            .iter()
            .filter(|f| f.blob.held().is_some())
            .map(|f| f.blob.sha256.as_str())
            .collect();
        let stored = if held.is_empty() {
            HashSet::new()
        } else {
            let mut reads = self.db.office_reads(caller.office_id()).await?;
            let stored = store::stored_by_office(&mut reads, &held).await?;
            reads.finish();
            stored
        };
        let mut keys = Vec::with_capacity(files.len());
        for file in &files {
            let known = stored.contains(&file.blob.sha256);
            keys.push(self.storage.promote(&file.blob, known).await?);
        }
        let blobs: Vec<(&str, &str, i64)> = files
            .iter()
            .zip(&keys)
            .map(|(file, key)| {
                let size = i64::try_from(file.blob.size).unwrap_or(i64::MAX);
                (file.blob.sha256.as_str(), key.as_str(), size)
            })
            .collect();
        let ids: Vec<String> = files.iter().map(|_| crate::db::new_row_id()).collect();
        let mut texts = Vec::with_capacity(files.len());
        for file in &files {
            let report_json = serde_json::to_string(&file.findings)
                .map_err(|e| InfraError::Corrupt(e.to_string()))?;
            let persons_json = serde_json::to_string(&file.persons)
                .map_err(|e| InfraError::Corrupt(e.to_string()))?;
            texts.push((report_json, persons_json));
        }
        let rows: Vec<NewFile<'_>> = files
            .iter()
            .zip(&ids)
            .zip(&texts)
            .map(|((file, file_id), (report_json, persons_json))| {
                let errors = file.findings.iter().filter(|f| f.error).count();
                NewFile {
                    file_id,
                    sha256: &file.blob.sha256,
                    size: i64::try_from(file.blob.size).unwrap_or(i64::MAX),
                    original_name: &file.name,
                    content_type: &file.content_type,
                    kind: &file.kind,
                    target_month: file.target_month.as_deref(),
                    send_stamp: file.send_stamp.as_deref(),
                    dest_number: file.dest_number.as_deref(),
                    dest_type: file.dest_type.as_deref(),
                    error_count: i64::try_from(errors).unwrap_or(i64::MAX),
                    warning_count: i64::try_from(file.findings.len() - errors).unwrap_or(i64::MAX),
                    report_json,
                    persons_json,
                    at: now,
                }
            })
            .collect();
        // Only what needs the database happens in the write transaction from here.
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let office = caller.office_id();
        let by = caller.user_id.to_string();
        // A new send's files start at 1; files added to a draft go after its own.
        let (outgoing, first, created) = match into {
            Some(id) => {
                let found = store::find_outgoing(&mut tx, &id.to_string())
                    .await?
                    .ok_or(AppError::NotFound)?;
                if found.status != "draft" {
                    return Err(AppError::conflict(
                        "この送信は既に送信済みか破棄されているため、ファイルを追加できません。",
                    ));
                }
                let first = store::next_file_position(&mut tx, &id.to_string()).await?;
                (id, first, false)
            }
            None => (OutgoingId::new(), 1, true),
        };
        let outgoing_text = outgoing.to_string();
        // The rows and the audit entry's go to the database in one batch (see `db::Batch`).
        let mut batch = crate::db::Batch::new();
        let event = AuditEvent::FilesUploaded {
            outgoing: outgoing_text.clone(),
            count: files.len(),
        };
        let at = self.clock.now();
        crate::audit::record_into(&mut tx, &mut batch, caller, client, event, at).await?;
        if created {
            store::insert_outgoing(&mut batch, office, &outgoing_text, &by, now);
        }
        store::insert_blobs(&mut batch, &blobs, now);
        store::insert_files(&mut batch, office, &rows);
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        store::add_outgoing_files(&mut batch, office, &outgoing_text, first, &ids);
        batch.run(tx.conn()).await?;
        tx.commit().await?;
        Ok(outgoing)
    }

    /// Resolves each file's destination and decides whether it can be sent.
    pub(super) async fn plan(
        &self,
        tx: &mut OfficeTx,
        caller: &Caller,
        rows: Vec<FileRow>,
    ) -> Result<(Vec<Planned>, Vec<FileFinding>), AppError> {
        let own_number = caller.office.number.as_str().to_string();
        let own_type = caller.office.service_type.as_str().to_string();
        let mut planned = Vec::with_capacity(rows.len());
        let mut names: Vec<(String, SpecFileName)> = Vec::new();
        let mut found: HashMap<(String, Option<String>), Vec<DirectoryOffice>> = HashMap::new();
        for row in rows {
            let spec = file_name::parse(&row.original_name).ok();
            if let Some(spec) = &spec {
                names.push((row.original_name.clone(), spec.clone()));
            }
            let number = row.dest_office_number.clone();
            let service_type = row.dest_service_type.clone();
            let unresolved = OfficeRef {
                id: None,
                name: None,
                number: number.clone().unwrap_or_default(),
                service_type: service_type.clone(),
            };
            // The files of one send mostly share a destination: each is looked up once.
            let matches = match &number {
                Some(n) => match found.get(&(n.clone(), service_type.clone())) {
                    Some(matches) => matches.clone(),
                    None => {
                        let matches =
                            directory::find(tx.conn(), n, service_type.as_deref()).await?;
                        found.insert((n.clone(), service_type.clone()), matches.clone());
                        matches
                    }
                },
                None => Vec::new(),
            };
            let destination = (matches.len() == 1).then(|| matches[0].clone());
            let shown = destination
                .as_ref()
                .map(DirectoryOffice::to_ref)
                .unwrap_or(unresolved.clone());
            let mut file = view::file(&row, shown)?;
            let errors = file.findings.iter().filter(|f| f.error).count();
            file.blocked = if errors > 0 {
                Some(format!("ファイルの内容に誤りがあります（{errors}件）。修正したファイルを選び直してください。"))
            } else if let Some(reason) = spec
                .as_ref()
                .and_then(|s| wrong_sender(s, &own_number, &own_type))
            {
                Some(reason)
            } else if number.is_none() {
                Some("添付ファイルの送信先が選ばれていません。送信先の事業所を一覧から選ぶか事業所番号を入力して、ファイルを選び直してください。".into())
            } else if number.as_deref() == Some(own_number.as_str()) {
                Some("同じ事業所番号の事業所には送信できません。".into())
            } else if matches.len() > 1 {
                Some(format!("事業所番号 {} の事業所が複数あり、送信先を決められません（ファイル名にサービス種類がありません）。", unresolved.number))
            } else if destination.is_none() {
                Some(format!("送信先の事業所（{}）はこのポータルに登録されていません。事業所番号を確認してください。", unresolved.label()))
            } else {
                None
            };
            planned.push(Planned {
                file,
                row,
                destination,
            });
        }
        let refs: Vec<(&str, &SpecFileName)> = names.iter().map(|(n, s)| (n.as_str(), s)).collect();
        let unit_findings = send_unit::check_units(&refs)
            .into_iter()
            .map(|f| FileFinding {
                line: f.line,
                column: f.column,
                field: f.field.map(str::to_string),
                error: f.severity == crate::spec_csv::Severity::Error,
                message: format!("{}: {}", f.file, f.message),
            })
            .collect();
        Ok((planned, unit_findings))
    }

    /// The confirmation view of a send of the caller's office.
    pub(super) async fn draft_view(
        &self,
        caller: &Caller,
        id: OutgoingId,
    ) -> Result<DraftView, AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let head = store::find_outgoing(&mut tx, &id.to_string())
            .await?
            .ok_or(AppError::NotFound)?;
        let rows = store::outgoing_files(&mut tx, &id.to_string()).await?;
        let (planned, unit_findings) = self.plan(&mut tx, caller, rows).await?;
        let sent = delivery_store::sent_files_of(&mut tx, &id.to_string()).await?;
        tx.commit().await?;
        let mut planned = planned;
        if head.status == "sent" {
            // What was delivered, not what would be sendable today (an office may have been
            // disabled since): a file is sent when a delivery holds it.
            let delivered: HashSet<&str> = sent.iter().map(|(_, _, file)| file.as_str()).collect();
            for p in &mut planned {
                if delivered.contains(p.file.id.to_string().as_str()) {
                    p.file.blocked = None;
                } else if p.file.blocked.is_none() {
                    p.file.blocked = Some("このファイルは送信されていません。".into());
                }
            }
        }
        let sendable = planned.iter().filter(|p| p.file.blocked.is_none()).count();
        let mut files: Vec<ExchangeFile> = planned.into_iter().map(|p| p.file).collect();
        view::name_persons(&mut files);
        let mut groups: Vec<(OfficeRef, Vec<ExchangeFile>)> = Vec::new();
        for file in files {
            match groups
                .iter_mut()
                .find(|(office, _)| *office == file.destination)
            {
                Some((_, files)) => files.push(file),
                None => groups.push((file.destination.clone(), vec![file])),
            }
        }
        // Each delivery once, named by its destination as the groups show it.
        let mut deliveries: Vec<(DeliveryId, String)> = Vec::new();
        for (delivery, to_office, _) in &sent {
            let Ok(delivery) = delivery.parse::<DeliveryId>() else {
                continue;
            };
            if deliveries.iter().any(|(d, _)| *d == delivery) {
                continue;
            }
            let label = groups
                .iter()
                .find(|(office, _)| {
                    office
                        .id
                        .as_ref()
                        .is_some_and(|o| o.to_string() == *to_office)
                })
                .map_or_else(|| "送信先".to_string(), |(office, _)| office.label());
            deliveries.push((delivery, label));
        }
        Ok(DraftView {
            id,
            status: head.status,
            created_by: head.created_by_name,
            created_at_ms: head.created_at,
            groups,
            unit_findings,
            sendable,
            deliveries,
        })
    }

    /// 下書きの破棄 (the files stay stored; nothing was delivered).
    pub async fn discard(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: OutgoingId,
    ) -> Result<(), AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        store::find_outgoing(&mut tx, &id.to_string())
            .await?
            .ok_or(AppError::NotFound)?;
        if store::finish_draft(
            &mut tx,
            &id.to_string(),
            "discarded",
            None,
            &caller.user_id.to_string(),
            self.clock.now(),
        )
        .await?
        {
            crate::audit::record(
                &mut tx,
                caller,
                client,
                AuditEvent::DraftDiscarded {
                    outgoing: id.to_string(),
                },
                self.clock.now(),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Removes one file from an open draft.
    pub async fn remove_file(
        &self,
        caller: &Caller,
        id: OutgoingId,
        file: app::types::FileId,
    ) -> Result<(), AppError> {
        AuthCheck::member().check(caller)?;
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        if !store::remove_outgoing_file(&mut tx, &id.to_string(), &file.to_string()).await? {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The file name's sender must be the office the person is working for.
fn wrong_sender(spec: &SpecFileName, own_number: &str, own_type: &str) -> Option<String> {
    let number_ok = spec.sender.office.as_str() == own_number;
    let type_ok = spec
        .sender
        .service_type
        .as_ref()
        .is_none_or(|t| t.as_str() == own_type);
    (!(number_ok && type_ok)).then(|| {
        // Both named as an unregistered destination is: 「事業所番号 …・種類 …」.
        let named = |number: &str, service_type: Option<&str>| {
            OfficeRef {
                id: None,
                name: None,
                number: number.to_string(),
                service_type: service_type.map(str::to_string),
            }
            .number_and_type()
        };
        let sender = named(
            spec.sender.office.as_str(),
            spec.sender.service_type.as_ref().map(|t| t.as_str()),
        );
        let own = named(own_number, Some(own_type));
        format!(
            "ファイル名の送信元（{sender}）が、ログイン中の事業所（{own}）と違います。この事業所から送るファイルか確認してください。"
        )
    })
}
