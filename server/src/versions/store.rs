//! SQL of the version chains. A chain row is visible to the sending and the receiving office
//! of its delivery (both filters in every query; RLS repeats them on PostgreSQL).

use crate::clock::Millis;
use crate::db::{placeholders, shared_rows, Batch, OfficeTx, Statement};
use crate::error::{InfraError, InfraResult};
use app::types::OfficeId;
use std::collections::{BTreeSet, HashMap};

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

/// Inserts the chain rows of one delivery with their derived columns (computed beforehand
/// with the rest of their chains, see `build::record_delivery`), 40 per statement, sent by
/// `from`.
pub fn insert_versions(
    batch: &mut Batch<'_>,
    from: OfficeId,
    versions: &[(NewVersion<'_>, Derived<'_>)],
    at: Millis,
) {
    for chunk in versions.chunks(40) {
        let sql = format!(
            "insert into doc_version (from_office_id, created_at, version_id, to_office_id, delivery_id, entity, insurer, insured,
                                      anchor, provider, action, send_stamp, sent_at, person_name, person_kana, conflict_name,
                                      state, version_no, previous_version_id, withdrawn_by, withdrew_count)
             values {}",
            shared_rows(2, 19, chunk.len())
        );
        let mut statement = Statement::new(sql).bind(from.to_string()).bind(at);
        for (v, d) in chunk {
            statement = statement
                .bind(v.version_id.to_owned())
                .bind(v.to_office.to_owned())
                .bind(v.delivery_id.to_owned())
                .bind(v.entity.to_owned())
                .bind(v.insurer.to_owned())
                .bind(v.insured.to_owned())
                .bind(v.anchor.to_owned())
                .bind(v.provider.to_owned())
                .bind(v.action.to_owned())
                .bind(v.send_stamp.to_owned())
                .bind(v.sent_at)
                .bind(v.person_name.map(str::to_owned))
                .bind(v.person_kana.map(str::to_owned))
                .bind(d.conflict_name.map(str::to_owned))
                .bind(d.state.to_owned())
                .bind(d.version_no)
                .bind(d.previous.map(str::to_owned))
                .bind(d.withdrawn_by.map(str::to_owned))
                .bind(d.withdrew);
        }
        batch.push(statement);
    }
}

/// A member file (with its record ranges) of a version.
pub struct NewVersionFile<'a> {
    pub version_id: &'a str,
    pub file_id: &'a str,
    /// Standard prefix.
    pub kind: &'a str,
    pub ranges: String,
    pub row_count: i64,
}

/// Adds the member files of one delivery's versions (sent by `from`), 100 per statement.
pub fn insert_version_files(
    batch: &mut Batch<'_>,
    from: OfficeId,
    to_office: &str,
    files: &[NewVersionFile<'_>],
) {
    for chunk in files.chunks(100) {
        let sql = format!(
            "insert into doc_version_file (from_office_id, to_office_id, version_id, file_id, kind, row_ranges, row_count)
             values {}",
            shared_rows(2, 5, chunk.len())
        );
        let mut statement = Statement::new(sql)
            .bind(from.to_string())
            .bind(to_office.to_owned());
        for f in chunk {
            statement = statement
                .bind(f.version_id.to_owned())
                .bind(f.file_id.to_owned())
                .bind(f.kind.to_owned())
                .bind(f.ranges.clone())
                .bind(f.row_count);
        }
        batch.push(statement);
    }
}

/// A chain row as the chain rules need it. Read from one JSON array per row (serde fills the
/// fields in order, so they follow [`CHAIN_COLUMNS`]).
#[derive(Clone, Debug, serde::Deserialize)]
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
    pub delivery_id: String,
}

/// A chain: (entity, 保険者番号, 被保険者番号).
pub type ChainKey = (String, String, String);

/// The columns of a [`ChainRow`], in its field order, as one JSON array per row.
const CHAIN_COLUMNS: &str =
    "version_id, anchor, provider, action, send_stamp, sent_at, person_name, conflict_name, state,
    version_no, previous_version_id, withdrawn_by, withdrew_count, delivery_id";

/// Every row of the chains `keys` (one entity of one person each) sent by the transaction's
/// office to `to_office`, in one query that answers one row per chain: a chain can hold
/// hundreds of rows, and SQLite hands rows to the runtime one at a time.
pub async fn chains(
    tx: &mut OfficeTx,
    to_office: &str,
    keys: &BTreeSet<ChainKey>,
) -> InfraResult<HashMap<ChainKey, Vec<ChainRow>>> {
    let mut out: HashMap<ChainKey, Vec<ChainRow>> = HashMap::new();
    if keys.is_empty() {
        return Ok(out);
    }
    let from = tx.office_id().to_string();
    let aggregate = if tx.conn().backend_name() == "PostgreSQL" {
        format!("json_agg(json_build_array({CHAIN_COLUMNS}))::text")
    } else {
        format!("json_group_array(json_array({CHAIN_COLUMNS}))")
    };
    // Insurers and insured numbers both go into the condition, so the chain index
    // (from, to, insurer, insured, …) finds the rows directly rather than reading every
    // version between the two offices. (A pair with another's insurer is left out below.)
    let insurers: BTreeSet<&str> = keys.iter().map(|k| k.1.as_str()).collect();
    let insurers: Vec<&str> = insurers.into_iter().collect();
    let insured: BTreeSet<&str> = keys.iter().map(|k| k.2.as_str()).collect();
    for chunk in insured.into_iter().collect::<Vec<_>>().chunks(200) {
        let sql = format!(
            "select entity, insurer, insured, {aggregate} from doc_version
              where from_office_id = $1 and to_office_id = $2 and insurer in ({}) and insured in ({})
              group by entity, insurer, insured",
            placeholders(3, insurers.len()),
            placeholders(3 + insurers.len(), chunk.len())
        );
        let mut query = sqlx::query_as::<_, (String, String, String, String)>(&sql)
            .bind(&from)
            .bind(to_office);
        for insurer in &insurers {
            query = query.bind(*insurer);
        }
        for insured in chunk {
            query = query.bind(*insured);
        }
        for (entity, insurer, insured, json) in query.fetch_all(tx.conn()).await? {
            let key = (entity, insurer, insured);
            if !keys.contains(&key) {
                continue;
            }
            let rows: Vec<ChainRow> = serde_json::from_str(&json)
                .map_err(|e| InfraError::Corrupt(format!("version chain: {e}")))?;
            out.insert(key, rows);
        }
    }
    Ok(out)
}

/// The derived columns of one row.
#[derive(Clone, Copy)]
pub struct Derived<'a> {
    pub state: &'a str,
    pub version_no: i64,
    pub previous: Option<&'a str>,
    pub withdrawn_by: Option<&'a str>,
    pub withdrew: i64,
    pub conflict_name: Option<&'a str>,
}

/// Writes the derived columns of many rows (sent by `from`), in one
/// statement per 100 rows: a `values` list joined to the table, which SQLite (3.33+) and
/// PostgreSQL both run as `update … from`. The office filter is an expression so that the
/// rows are found by primary key, never by scanning the office's versions.
pub fn update_derived(batch: &mut Batch<'_>, from: OfficeId, updates: &[(&str, Derived<'_>)]) {
    for chunk in updates.chunks(100) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| format!("({})", placeholders(2 + i * 7, 7)))
            .collect();
        let sql = format!(
            "with v (version_id, state, version_no, previous_version_id, withdrawn_by, withdrew_count, conflict_name)
                  as (values {})
             update doc_version set state = v.state, version_no = v.version_no,
                    previous_version_id = v.previous_version_id, withdrawn_by = v.withdrawn_by,
                    withdrew_count = v.withdrew_count, conflict_name = v.conflict_name
               from v
              where doc_version.version_id = v.version_id and coalesce(doc_version.from_office_id, '') = $1",
            rows.join(", ")
        );
        let mut statement = Statement::new(sql).bind(from.to_string());
        for (id, d) in chunk {
            statement = statement
                .bind((*id).to_owned())
                .bind(d.state.to_owned())
                .bind(d.version_no)
                .bind(d.previous.map(str::to_owned))
                .bind(d.withdrawn_by.map(str::to_owned))
                .bind(d.withdrew)
                .bind(d.conflict_name.map(str::to_owned));
        }
        batch.push(statement);
    }
}

/// The 版 state of a delivery as the lists show it (see the migration that added
/// `delivery.version_state`): a replaced document (旧計画, 更新済) before 最新 before 取消.
const DELIVERY_STATE: &str = "(select case max(case v.state when 'old_plan' then 4 when 'superseded' then 3
                                  when 'latest' then 2 when 'withdrawn' then 1 else 0 end)
              when 4 then 'old_plan' when 3 then 'superseded' when 2 then 'latest' when 1 then 'withdrawn' end
       from doc_version v where v.delivery_id = delivery.delivery_id and v.action = 'upsert')";

/// Stores the 版 state of `deliveries` (sent by `from`) after a send added to their chains,
/// 100 per statement.
pub fn refresh_delivery_states(batch: &mut Batch<'_>, from: OfficeId, deliveries: &[&str]) {
    for chunk in deliveries.chunks(100) {
        let sql = format!(
            "update delivery set version_state = {DELIVERY_STATE}
              where coalesce(from_office_id, '') = $1 and delivery_id in ({})",
            placeholders(2, chunk.len())
        );
        // It reads the versions the batch inserted before it.
        let mut statement = Statement::new(sql).after_writes().bind(from.to_string());
        for id in chunk {
            statement = statement.bind((*id).to_owned());
        }
        batch.push(statement);
    }
}
