//! SQL of the exchange: blobs, stored files, drafts, deliveries, receipts. Every query on
//! office data runs in an `OfficeTx` and filters by its office.

use crate::clock::Millis;
use crate::db::{placeholders, shared_rows, Batch, OfficeReads, OfficeTx, Statement};
use crate::error::InfraResult;
use app::types::OfficeId;
use sqlx::{AnyConnection, FromRow};
use std::collections::HashSet;

/// Records stored contents (`(sha256, storage key, size)`); content already known is kept.
pub fn insert_blobs<'q>(batch: &mut Batch<'q>, blobs: &[(&'q str, &'q str, i64)], at: Millis) {
    for chunk in blobs.chunks(100) {
        let sql = format!(
            "insert into blob (created_at, sha256, storage_key, size_bytes) values {} on conflict (sha256) do nothing",
            shared_rows(1, 3, chunk.len())
        );
        let mut statement = Statement::new(sql).bind(at);
        for (sha256, key, size) in chunk {
            statement = statement.bind(*sha256).bind(*key).bind(*size);
        }
        batch.push(statement);
    }
}

/// True if any file row refers to this content (the cleanup job keeps such blobs).
pub async fn blob_known(conn: &mut AnyConnection, sha256: &str) -> InfraResult<bool> {
    let row: Option<(String,)> = sqlx::query_as("select sha256 from blob where sha256 = $1")
        .bind(sha256)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

/// Which of `sha256s` name bytes the reads' office already stored (its own file rows: their
/// blobs are in the store for good).
pub async fn stored_by_office(
    reads: &mut OfficeReads,
    sha256s: &[&str],
) -> InfraResult<HashSet<String>> {
    let sql = format!(
        "select distinct sha256 from stored_file where office_id = $1 and sha256 in ({})",
        placeholders(2, sha256s.len())
    );
    let mut query = sqlx::query_as::<_, (String,)>(&sql).bind(reads.office_id().to_string());
    for sha256 in sha256s {
        query = query.bind(*sha256);
    }
    let rows = query.fetch_all(reads.conn()).await?;
    Ok(rows.into_iter().map(|(sha256,)| sha256).collect())
}

/// A file row to insert.
pub struct NewFile<'a> {
    pub file_id: &'a str,
    pub sha256: &'a str,
    pub size: i64,
    pub original_name: &'a str,
    pub content_type: &'a str,
    pub kind: &'a str,
    pub target_month: Option<&'a str>,
    pub send_stamp: Option<&'a str>,
    pub dest_number: Option<&'a str>,
    pub dest_type: Option<&'a str>,
    pub error_count: i64,
    pub warning_count: i64,
    pub report_json: &'a str,
    pub persons_json: &'a str,
    pub at: Millis,
}

/// Inserts files uploaded by `office`.
pub fn insert_files<'q>(batch: &mut Batch<'q>, office: OfficeId, files: &[NewFile<'q>]) {
    for chunk in files.chunks(50) {
        let sql = format!(
            "insert into stored_file (office_id, file_id, sha256, size_bytes, original_name, content_type, kind, target_month,
                                      send_stamp, dest_office_number, dest_service_type, error_count, warning_count,
                                      report_json, persons_json, created_at)
             values {}",
            shared_rows(1, 15, chunk.len())
        );
        let mut statement = Statement::new(sql).bind(office.to_string());
        for file in chunk {
            statement = statement
                .bind(file.file_id)
                .bind(file.sha256)
                .bind(file.size)
                .bind(file.original_name)
                .bind(file.content_type)
                .bind(file.kind)
                .bind(file.target_month)
                .bind(file.send_stamp)
                .bind(file.dest_number)
                .bind(file.dest_type)
                .bind(file.error_count)
                .bind(file.warning_count)
                .bind(file.report_json)
                .bind(file.persons_json)
                .bind(file.at);
        }
        batch.push(statement);
    }
}

/// A stored file as pages need it.
#[derive(Clone, Debug, FromRow)]
pub struct FileRow {
    pub file_id: String,
    pub original_name: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub storage_key: String,
    pub content_type: String,
    pub kind: String,
    pub target_month: Option<String>,
    pub send_stamp: Option<String>,
    pub dest_office_number: Option<String>,
    pub dest_service_type: Option<String>,
    pub error_count: i64,
    pub report_json: String,
    pub persons_json: String,
}

const FILE_COLUMNS: &str = "f.file_id, f.original_name, f.size_bytes, f.sha256, b.storage_key, f.content_type, f.kind,
    f.target_month, f.send_stamp, f.dest_office_number, f.dest_service_type, f.error_count, f.report_json, f.persons_json";

/// Creates a draft send of `office`.
pub fn insert_outgoing<'q>(
    batch: &mut Batch<'q>,
    office: OfficeId,
    id: &'q str,
    by: &'q str,
    at: Millis,
) {
    batch.push(
        Statement::new("insert into outgoing (outgoing_id, office_id, status, created_by, created_at) values ($1, $2, 'draft', $3, $4)")
            .bind(id)
            .bind(office.to_string())
            .bind(by)
            .bind(at),
    );
}

/// The position after the last file of a send (1 for a send with no files yet).
pub async fn next_file_position(tx: &mut OfficeTx, outgoing: &str) -> InfraResult<i64> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_scalar(
        "select coalesce(max(position), 0) + 1 from outgoing_file where outgoing_id = $1 and office_id = $2",
    )
    .bind(outgoing)
    .bind(&office)
    .fetch_one(tx.conn())
    .await?)
}

/// Adds files to one of `office`'s sends at positions `first`, `first + 1` … (see
/// [`next_file_position`]).
pub fn add_outgoing_files<'q>(
    batch: &mut Batch<'q>,
    office: OfficeId,
    outgoing: &'q str,
    first: i64,
    files: &[&'q str],
) {
    for (n, chunk) in files.chunks(100).enumerate() {
        let sql = format!(
            "insert into outgoing_file (outgoing_id, office_id, file_id, position) values {}",
            shared_rows(2, 2, chunk.len())
        );
        let mut statement = Statement::new(sql).bind(outgoing).bind(office.to_string());
        let start = first + i64::try_from(n * 100).unwrap_or(i64::MAX);
        for (i, file) in chunk.iter().enumerate() {
            statement = statement
                .bind(*file)
                .bind(start + i64::try_from(i).unwrap_or(i64::MAX));
        }
        batch.push(statement);
    }
}

/// A send's header.
#[derive(Clone, Debug, FromRow)]
pub struct OutgoingRow {
    pub outgoing_id: String,
    pub status: String,
    pub created_at: i64,
    pub created_by_name: String,
}

/// One send of the transaction's office.
pub async fn find_outgoing(tx: &mut OfficeTx, id: &str) -> InfraResult<Option<OutgoingRow>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select o.outgoing_id, o.status, o.created_at, s.display_name as created_by_name
           from outgoing o join staff_account s on s.user_id = o.created_by
          where o.office_id = $1 and o.outgoing_id = $2",
    )
    .bind(office)
    .bind(id)
    .fetch_optional(tx.conn())
    .await?)
}

/// Files of a send in upload order.
pub async fn outgoing_files(tx: &mut OfficeTx, id: &str) -> InfraResult<Vec<FileRow>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(&format!(
        "select {FILE_COLUMNS} from outgoing_file of
           join stored_file f on f.file_id = of.file_id
           join blob b on b.sha256 = f.sha256
          where of.office_id = $1 and of.outgoing_id = $2 order by of.position"
    ))
    .bind(office)
    .bind(id)
    .fetch_all(tx.conn())
    .await?)
}

/// Drafts of the office, newest first, with their file counts.
pub async fn list_drafts(tx: &mut OfficeTx) -> InfraResult<Vec<(String, String, i64, i64)>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select o.outgoing_id, s.display_name, o.created_at,
                (select count(*) from outgoing_file x where x.outgoing_id = o.outgoing_id and x.office_id = o.office_id) as file_count
           from outgoing o join staff_account s on s.user_id = o.created_by
          where o.office_id = $1 and o.status = 'draft' order by o.created_at desc limit 100",
    )
    .bind(office)
    .fetch_all(tx.conn())
    .await?)
}

/// Where the files of the drafts [`list_drafts`] lists go: (draft, 事業所番号 named in the
/// file, the registered office's name), in each draft's file order.
pub async fn draft_destinations(
    tx: &mut OfficeTx,
) -> InfraResult<Vec<(String, Option<String>, Option<String>)>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select f.outgoing_id, s.dest_office_number, o.name
           from outgoing_file f
           join outgoing g on g.outgoing_id = f.outgoing_id and g.office_id = f.office_id
           join stored_file s on s.file_id = f.file_id and s.office_id = f.office_id
           left join office o on o.office_number = s.dest_office_number
                             and o.service_type = s.dest_service_type and o.disabled_at is null
          where f.office_id = $1 and g.status = 'draft'
            and g.outgoing_id in (select outgoing_id from outgoing where office_id = $1
                                   and status = 'draft' order by created_at desc limit 100)
          order by f.outgoing_id, f.position",
    )
    .bind(office)
    .fetch_all(tx.conn())
    .await?)
}

/// Removes a file from a draft; false if the draft or file is not there.
pub async fn remove_outgoing_file(
    tx: &mut OfficeTx,
    outgoing: &str,
    file: &str,
) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let done = sqlx::query(
        "delete from outgoing_file where office_id = $1 and outgoing_id = $2 and file_id = $3
            and exists (select 1 from outgoing o where o.outgoing_id = $2 and o.office_id = $1 and o.status = 'draft')",
    )
    .bind(office)
    .bind(outgoing)
    .bind(file)
    .execute(tx.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Moves a draft to `sent` or `discarded` exactly once; false if it was not a draft any more
/// (a double submit, or another staff member acted first). With `holding`, only while the
/// draft holds exactly those files (the ones the sender confirmed), checked in the same
/// statement; false also when a file was added or removed meanwhile (the caller finds out
/// which).
pub async fn finish_draft(
    tx: &mut OfficeTx,
    id: &str,
    status: &str,
    holding: Option<&[String]>,
    by: &str,
    at: Millis,
) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let mut sql = String::from(
        "update outgoing set status = $1, sent_by = $2, sent_at = $3
          where office_id = $4 and outgoing_id = $5 and status = 'draft'",
    );
    if let Some(files) = holding {
        sql.push_str(
            "\n            and (select count(*) from outgoing_file c where c.office_id = $4 and c.outgoing_id = $5) = $6",
        );
        if !files.is_empty() {
            sql.push_str(&format!(
                "\n            and not exists (select 1 from outgoing_file c where c.office_id = $4 and c.outgoing_id = $5
                                 and c.file_id not in ({}))",
                placeholders(7, files.len())
            ));
        }
    }
    let mut query = sqlx::query(&sql)
        .bind(status)
        .bind(by)
        .bind(at)
        .bind(office)
        .bind(id);
    if let Some(files) = holding {
        query = query.bind(i64::try_from(files.len()).unwrap_or(i64::MAX));
        for file in files {
            query = query.bind(file);
        }
    }
    let done = query.execute(tx.conn()).await?;
    Ok(done.rows_affected() == 1)
}
