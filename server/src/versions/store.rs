//! SQL of the version chains. A chain row is visible to the sending and the receiving office
//! of its delivery (both filters in every query; RLS repeats them on PostgreSQL).

use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use sqlx::FromRow;

/// A chain row to insert (by the sending office's transaction, during the send).
pub struct NewVersion<'a> {
    pub version_id: &'a str,
    pub to_office: &'a str,
    pub delivery_id: &'a str,
    pub entity: &'a str,
    pub insurer: &'a str,
    pub insured: &'a str,
    pub anchor: &'a str,
    pub provider: &'a str,
    pub action: &'a str,
    pub send_stamp: &'a str,
    pub sent_at: Millis,
    pub person_name: Option<&'a str>,
    pub person_kana: Option<&'a str>,
    pub conflict_name: Option<&'a str>,
}

/// Inserts a chain row (state filled in by the chain's recomputation right after).
pub async fn insert_version(tx: &mut OfficeTx, v: NewVersion<'_>, at: Millis) -> InfraResult<()> {
    let from = tx.office_id().to_string();
    sqlx::query(
        "insert into doc_version (version_id, from_office_id, to_office_id, delivery_id, entity, insurer, insured, anchor,
                                  provider, action, send_stamp, sent_at, person_name, person_kana, conflict_name,
                                  state, version_no, created_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 'superseded', 0, $16)",
    )
    .bind(v.version_id)
    .bind(&from)
    .bind(v.to_office)
    .bind(v.delivery_id)
    .bind(v.entity)
    .bind(v.insurer)
    .bind(v.insured)
    .bind(v.anchor)
    .bind(v.provider)
    .bind(v.action)
    .bind(v.send_stamp)
    .bind(v.sent_at)
    .bind(v.person_name)
    .bind(v.person_kana)
    .bind(v.conflict_name)
    .bind(at)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Adds a member file (with its record ranges) to a version.
pub async fn insert_version_file(
    tx: &mut OfficeTx,
    version_id: &str,
    to_office: &str,
    file_id: &str,
    kind: &str,
    ranges: &str,
    row_count: i64,
) -> InfraResult<()> {
    let from = tx.office_id().to_string();
    sqlx::query(
        "insert into doc_version_file (version_id, file_id, from_office_id, to_office_id, kind, row_ranges, row_count)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(version_id)
    .bind(file_id)
    .bind(&from)
    .bind(to_office)
    .bind(kind)
    .bind(ranges)
    .bind(row_count)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// A chain row as the chain rules need it.
#[derive(Clone, Debug, FromRow)]
pub struct ChainRow {
    pub version_id: String,
    pub anchor: String,
    pub provider: String,
    pub action: String,
    pub send_stamp: String,
    pub sent_at: i64,
    pub person_name: Option<String>,
    pub conflict_name: Option<String>,
    pub state: String,
    pub version_no: i64,
    pub previous_version_id: Option<String>,
    pub withdrawn_by: Option<String>,
    pub withdrew_count: i64,
}

/// Every row of one chain: one entity of one person, sent by the transaction's office to
/// `to_office`.
pub async fn chain(
    tx: &mut OfficeTx,
    to_office: &str,
    entity: &str,
    insurer: &str,
    insured: &str,
) -> InfraResult<Vec<ChainRow>> {
    let from = tx.office_id().to_string();
    Ok(sqlx::query_as(
        "select version_id, anchor, provider, action, send_stamp, sent_at, person_name, conflict_name, state,
                version_no, previous_version_id, withdrawn_by, withdrew_count
           from doc_version
          where from_office_id = $1 and to_office_id = $2 and insurer = $3 and insured = $4 and entity = $5",
    )
    .bind(from)
    .bind(to_office)
    .bind(insurer)
    .bind(insured)
    .bind(entity)
    .fetch_all(tx.conn())
    .await?)
}

/// The derived columns of one row.
pub struct Derived<'a> {
    pub state: &'a str,
    pub version_no: i64,
    pub previous: Option<&'a str>,
    pub withdrawn_by: Option<&'a str>,
    pub withdrew: i64,
    pub conflict_name: Option<&'a str>,
}

/// Writes a row's derived columns (the sending office's transaction).
pub async fn update_derived(tx: &mut OfficeTx, id: &str, d: Derived<'_>) -> InfraResult<()> {
    let from = tx.office_id().to_string();
    sqlx::query(
        "update doc_version set state = $1, version_no = $2, previous_version_id = $3, withdrawn_by = $4,
                withdrew_count = $5, conflict_name = $6
          where version_id = $7 and from_office_id = $8",
    )
    .bind(d.state)
    .bind(d.version_no)
    .bind(d.previous)
    .bind(d.withdrawn_by)
    .bind(d.withdrew)
    .bind(d.conflict_name)
    .bind(id)
    .bind(from)
    .execute(tx.conn())
    .await?;
    Ok(())
}
