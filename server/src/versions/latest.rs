//! The API other modules use to find "the latest live version of a document between my
//! office and a partner" (for example 予実突合 comparing the latest 予定 with the latest 実績),
//! and to read its records.
//!
//! ```ignore
//! use crate::versions::latest::{latest_live, read_records, Direction, LatestQuery};
//! let mut tx = db.read_office(office).await?;
//! let plans = latest_live(&mut tx, &LatestQuery {
//!     direction: Some(Direction::Sent),      // 予定 we sent …
//!     entity: Entity::UsageSlip,
//!     anchor: Some("202504"),                 // … for April
//!     ..LatestQuery::default()
//! }).await?;
//! for v in &plans {
//!     let tables = read_records(&storage, v).await?; // only this person's records, per file
//! }
//! ```
//!
//! "Latest live" is the chain's 最新: never 更新済 or 取消 (a deletion leaves no live version),
//! and an older ファイル連番 that arrived late never wins. For dated documents (plans) without an
//! `anchor`, only the current plan counts; with an `anchor` (one 計画作成日), its newest live
//! version counts even when a newer plan has made it 旧計画.

use super::ranges::RowRanges;
use crate::db::OfficeTx;
use crate::error::{InfraError, InfraResult};
use crate::spec_csv::parse::{read_table, Table};
use crate::spec_csv::version_key::Entity;
use crate::spec_csv::FileKind;
use crate::storage::Storage;
use app::types::OfficeId;
use sqlx::FromRow;

/// Which way the document went, seen from the transaction's office.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// The office sent it (to the partner).
    Sent,
    /// The office received it (from the partner).
    Received,
}

/// What to look for; `None` fields match everything.
#[derive(Clone, Debug)]
pub struct LatestQuery<'a> {
    /// Sent or received (`None`: both).
    pub direction: Option<Direction>,
    /// The other office.
    pub partner: Option<OfficeId>,
    /// The document family (plan, usage slip, actuals …).
    pub entity: Entity,
    /// (保険者番号, 被保険者番号).
    pub person: Option<(&'a str, &'a str)>,
    /// 計画作成(変更)日 YYYYMMDD or 対象年月 YYYYMM.
    pub anchor: Option<&'a str>,
    /// 実績 only: "事業所番号:サービス種類コード".
    pub provider: Option<&'a str>,
}

impl Default for LatestQuery<'_> {
    fn default() -> Self {
        Self {
            direction: None,
            partner: None,
            entity: Entity::Plan,
            person: None,
            anchor: None,
            provider: None,
        }
    }
}

/// One member file of a version and which of its records belong to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionFile {
    /// Stored file id.
    pub file_id: String,
    /// Its kind.
    pub kind: FileKind,
    /// Object key of its bytes.
    pub storage_key: String,
    /// This version's records (indices into `read_table`'s rows).
    pub rows: RowRanges,
}

/// A latest live version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LatestVersion {
    /// Chain row id.
    pub version_id: String,
    /// The delivery that carried it.
    pub delivery_id: String,
    /// Sender.
    pub from_office: String,
    /// Receiver.
    pub to_office: String,
    /// 保険者番号.
    pub insurer: String,
    /// 被保険者番号.
    pub insured: String,
    /// 作成日 or 対象年月.
    pub anchor: String,
    /// 実績's provider or empty.
    pub provider: String,
    /// ファイル連番.
    pub send_stamp: String,
    /// Sent (Unix ms).
    pub sent_at: i64,
    /// 版 n.
    pub version_no: i64,
    /// Its files.
    pub files: Vec<VersionFile>,
}

#[derive(FromRow)]
struct Joined {
    version_id: String,
    delivery_id: String,
    from_office_id: String,
    to_office_id: String,
    insurer: String,
    insured: String,
    anchor: String,
    provider: String,
    send_stamp: String,
    sent_at: i64,
    version_no: i64,
    file_id: String,
    kind: String,
    row_ranges: String,
    storage_key: String,
}

/// Every latest live version matching `query`, visible to the transaction's office, ordered
/// by person, anchor, partner. One query whatever the number of versions.
pub async fn latest_live(
    tx: &mut OfficeTx,
    query: &LatestQuery<'_>,
) -> InfraResult<Vec<LatestVersion>> {
    let office = tx.office_id().to_string();
    let mut binds: Vec<String> = vec![office, super::extract::entity_code(query.entity).into()];
    let mut sql = String::from(
        "select v.version_id, v.delivery_id, v.from_office_id, v.to_office_id, v.insurer, v.insured, v.anchor,
                v.provider, v.send_stamp, v.sent_at, v.version_no, vf.file_id, vf.kind, vf.row_ranges, b.storage_key
           from doc_version v
           join doc_version_file vf on vf.version_id = v.version_id
           join stored_file f on f.file_id = vf.file_id
           join blob b on b.sha256 = f.sha256
          where v.entity = $2 and v.action = 'upsert'",
    );
    let push = |binds: &mut Vec<String>, value: &str| {
        binds.push(value.to_owned());
        format!("${}", binds.len())
    };
    match query.direction {
        Some(Direction::Sent) => sql.push_str(" and v.from_office_id = $1"),
        Some(Direction::Received) => sql.push_str(" and v.to_office_id = $1"),
        None => sql.push_str(" and (v.from_office_id = $1 or v.to_office_id = $1)"),
    }
    if let Some(partner) = query.partner {
        let p = push(&mut binds, &partner.to_string());
        sql.push_str(&format!(
            " and ((v.from_office_id = $1 and v.to_office_id = {p}) or (v.to_office_id = $1 and v.from_office_id = {p}))"
        ));
    }
    if let Some((insurer, insured)) = query.person {
        let a = push(&mut binds, insurer);
        let b = push(&mut binds, insured);
        sql.push_str(&format!(" and v.insurer = {a} and v.insured = {b}"));
    }
    match query.anchor {
        Some(anchor) => {
            let a = push(&mut binds, anchor);
            sql.push_str(&format!(
                " and v.anchor = {a} and v.state in ('latest', 'old_plan')"
            ));
        }
        None => sql.push_str(" and v.state = 'latest'"),
    }
    if let Some(provider) = query.provider {
        let p = push(&mut binds, provider);
        sql.push_str(&format!(" and v.provider = {p}"));
    }
    sql.push_str(" order by v.insurer, v.insured, v.anchor, v.provider, v.from_office_id, v.to_office_id, v.version_id, vf.kind");
    let mut q = sqlx::query_as::<_, Joined>(&sql);
    for value in binds {
        q = q.bind(value);
    }
    let rows = q.fetch_all(tx.conn()).await?;
    let mut out: Vec<LatestVersion> = Vec::new();
    for row in rows {
        let file = VersionFile {
            file_id: row.file_id,
            kind: FileKind::from_prefix(&row.kind)
                .ok_or_else(|| InfraError::Corrupt(format!("version file kind {}", row.kind)))?,
            storage_key: row.storage_key,
            rows: row
                .row_ranges
                .parse()
                .map_err(|_| InfraError::Corrupt(format!("row ranges {}", row.row_ranges)))?,
        };
        match out.last_mut() {
            Some(last) if last.version_id == row.version_id => last.files.push(file),
            _ => out.push(LatestVersion {
                version_id: row.version_id,
                delivery_id: row.delivery_id,
                from_office: row.from_office_id,
                to_office: row.to_office_id,
                insurer: row.insurer,
                insured: row.insured,
                anchor: row.anchor,
                provider: row.provider,
                send_stamp: row.send_stamp,
                sent_at: row.sent_at,
                version_no: row.version_no,
                files: vec![file],
            }),
        }
    }
    Ok(out)
}

/// The records of a version, per member file, parsed (only this version's rows).
pub async fn read_records(
    storage: &Storage,
    files: &[VersionFile],
) -> InfraResult<Vec<(FileKind, Table)>> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let bytes = storage.read_all(&file.storage_key).await?;
        let table = read_table(file.kind, &bytes)
            .map_err(|e| InfraError::Corrupt(format!("stored file {}: {e:?}", file.file_id)))?;
        let rows = file.rows.select(&table).into_iter().cloned().collect();
        out.push((
            file.kind,
            Table {
                kind: file.kind,
                rows,
            },
        ));
    }
    Ok(out)
}

/// The member files of one version the transaction's office may see.
pub async fn files_of(tx: &mut OfficeTx, version_id: &str) -> InfraResult<Vec<VersionFile>> {
    let office = tx.office_id().to_string();
    let rows: Vec<(String, String, String, String)> = sqlx::query_as(
        "select vf.file_id, vf.kind, vf.row_ranges, b.storage_key
           from doc_version_file vf
           join stored_file f on f.file_id = vf.file_id
           join blob b on b.sha256 = f.sha256
          where vf.version_id = $1 and (vf.from_office_id = $2 or vf.to_office_id = $2)
          order by vf.kind",
    )
    .bind(version_id)
    .bind(office)
    .fetch_all(tx.conn())
    .await?;
    rows.into_iter()
        .map(|(file_id, kind, ranges, storage_key)| {
            Ok(VersionFile {
                kind: FileKind::from_prefix(&kind)
                    .ok_or_else(|| InfraError::Corrupt(format!("version file kind {kind}")))?,
                rows: ranges
                    .parse()
                    .map_err(|_| InfraError::Corrupt(format!("row ranges {ranges}")))?,
                file_id,
                storage_key,
            })
        })
        .collect()
}
