//! SQL of the audit log: append with the hash chain, read back, verify.

use super::event::AuditEvent;
use crate::auth::ClientInfo;
use crate::clock::Millis;
use crate::db::{Batch, Statement};
use crate::error::InfraResult;
use app::types::{OfficeId, UserId};
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, FromRow};

/// Chain key of events that belong to no office (logins before an office is known).
pub const SYSTEM_CHAIN: &str = "system";

/// One event to append.
pub struct NewEntry<'a> {
    /// Office (chain) it belongs to; `None` for the system chain.
    pub office: Option<OfficeId>,
    /// Who did it.
    pub actor: Option<UserId>,
    /// What.
    pub event: &'a AuditEvent,
    /// From where.
    pub client: &'a ClientInfo,
    /// When.
    pub at: Millis,
}

/// A stored row, as the chain check reads it.
#[derive(Clone, Debug, FromRow)]
pub struct StoredRow {
    pub audit_id: String,
    pub chain: String,
    pub seq: i64,
    pub office_id: Option<String>,
    pub actor_user_id: Option<String>,
    pub action: String,
    pub object: String,
    pub detail: String,
    pub occurred_at: i64,
    pub ip: String,
    pub user_agent: String,
    pub prev_hash: String,
    pub hash: String,
}

/// SHA-256 over the previous hash and this row's content, as a JSON array (unambiguous).
fn row_hash(prev_hash: &str, row: &StoredRow) -> String {
    let content = serde_json::json!([
        row.audit_id,
        row.chain,
        row.seq,
        row.office_id,
        row.actor_user_id,
        row.action,
        row.object,
        row.detail,
        row.occurred_at,
        row.ip,
        row.user_agent
    ]);
    let mut hasher = Sha256::new();
    hasher.update(prev_hash.as_bytes());
    hasher.update(content.to_string().as_bytes());
    hex::encode(hasher.finalize())
}

/// Appends one entry in two statements. The chain head is advanced first, which takes the
/// write lock, so two concurrent appends to one chain are serialised instead of forking it;
/// inserting the row then moves the head's `last_hash` to it (trigger `audit_log_advance_head`).
pub async fn append(conn: &mut AnyConnection, entry: NewEntry<'_>) -> InfraResult<()> {
    let mut batch = Batch::new();
    append_into(conn, &mut batch, entry).await?;
    batch.run(conn).await
}

/// [`append`], whose second statement (the row) goes into `batch` for the caller to run with
/// its own writes, one round trip fewer. Nothing else may append to the same chain before
/// `batch` runs (the next entry's hash needs this one's), and on PostgreSQL `batch` must run
/// in the entry's office scope.
pub async fn append_into(
    conn: &mut AnyConnection,
    batch: &mut Batch<'_>,
    entry: NewEntry<'_>,
) -> InfraResult<()> {
    let chain = entry
        .office
        .map(|o| o.to_string())
        .unwrap_or_else(|| SYSTEM_CHAIN.to_string());
    // One statement creates the head on the chain's first event or advances it (taking the
    // row's write lock until commit).
    let (seq, prev_hash): (i64, String) = sqlx::query_as(
        "insert into audit_chain (chain, last_seq, last_hash) values ($1, 1, '')
         on conflict (chain) do update set last_seq = audit_chain.last_seq + 1
         returning last_seq, last_hash",
    )
    .bind(&chain)
    .fetch_one(&mut *conn)
    .await?;
    let mut row = StoredRow {
        audit_id: crate::db::new_row_id(),
        chain,
        seq,
        office_id: entry.office.map(|o| o.to_string()),
        actor_user_id: entry.actor.map(|u| u.to_string()),
        action: entry.event.action().to_string(),
        object: entry.event.object(),
        detail: entry.event.detail(),
        occurred_at: entry.at,
        ip: entry.client.ip.clone(),
        user_agent: entry.client.user_agent.clone(),
        prev_hash,
        hash: String::new(),
    };
    row.hash = row_hash(&row.prev_hash, &row);
    batch.push(
        Statement::new(
            "insert into audit_log (audit_id, chain, seq, office_id, actor_user_id, action, object, detail,
                                    occurred_at, ip, user_agent, prev_hash, hash)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(row.audit_id)
        .bind(row.chain)
        .bind(row.seq)
        .bind(row.office_id)
        .bind(row.actor_user_id)
        .bind(row.action)
        .bind(row.object)
        .bind(row.detail)
        .bind(row.occurred_at)
        .bind(row.ip)
        .bind(row.user_agent)
        .bind(row.prev_hash)
        .bind(row.hash),
    );
    Ok(())
}

const COLUMNS: &str = "audit_id, chain, seq, office_id, actor_user_id, action, object, detail,
                       occurred_at, ip, user_agent, prev_hash, hash";

/// Checks a whole chain. `Ok(None)` when intact; `Ok(Some(seq))` names the first row that is
/// edited, missing or out of place (a removed last row shows as `last_seq`).
pub async fn verify(conn: &mut AnyConnection, chain: &str) -> InfraResult<(Option<i64>, i64)> {
    let rows: Vec<StoredRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from audit_log where chain = $1 order by seq"
    ))
    .bind(chain)
    .fetch_all(&mut *conn)
    .await?;
    let head: Option<(i64, String)> =
        sqlx::query_as("select last_seq, last_hash from audit_chain where chain = $1")
            .bind(chain)
            .fetch_optional(&mut *conn)
            .await?;
    let mut prev = String::new();
    for (index, row) in rows.iter().enumerate() {
        let expected_seq = i64::try_from(index).unwrap_or(i64::MAX) + 1;
        if row.seq != expected_seq || row.prev_hash != prev || row_hash(&prev, row) != row.hash {
            return Ok((
                Some(expected_seq.min(row.seq)),
                head.map(|h| h.0).unwrap_or(0),
            ));
        }
        prev = row.hash.clone();
    }
    let count = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    match head {
        Some((last_seq, last_hash)) if last_seq != count || last_hash != prev => {
            Ok((Some(count + 1), last_seq))
        }
        Some((last_seq, _)) => Ok((None, last_seq)),
        None if count == 0 => Ok((None, 0)),
        None => Ok((Some(1), 0)),
    }
}

/// Newest entries of a chain with the actor's name.
pub async fn recent(
    conn: &mut AnyConnection,
    chain: &str,
    limit: i64,
) -> InfraResult<Vec<(StoredRow, Option<String>)>> {
    #[derive(FromRow)]
    struct Joined {
        #[sqlx(flatten)]
        row: StoredRow,
        actor_name: Option<String>,
    }
    let rows: Vec<Joined> = sqlx::query_as(
        "select a.audit_id, a.chain, a.seq, a.office_id, a.actor_user_id, a.action, a.object, a.detail,
                a.occurred_at, a.ip, a.user_agent, a.prev_hash, a.hash, s.display_name as actor_name
           from audit_log a left join staff_account s on s.user_id = a.actor_user_id
          where a.chain = $1 order by a.seq desc limit $2",
    )
    .bind(chain)
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|j| (j.row, j.actor_name)).collect())
}

/// Every action code recorded for an object (tests and the item history use it).
pub async fn actions_for_object(
    conn: &mut AnyConnection,
    chain: &str,
    object: &str,
) -> InfraResult<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "select action from audit_log where chain = $1 and object = $2 order by seq",
    )
    .bind(chain)
    .bind(object)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}
