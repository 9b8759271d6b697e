//! The routing brief of each received item (table `route_brief`): its 担当 in routing order,
//! how many persons have none, and its routing version. The 受信 list's 担当 column (joined to
//! the list's rows) and the navigation's 未割当 count read it, one row per item instead of
//! every route. Every write to an item's routes ends with [`refresh`] of that item, in the
//! same transaction; a new item's first routes come with a brief made from them
//! (`store::insert_new_routes`, no read back).

use crate::db::{Batch, OfficeConn, OfficeTx, Statement};
use crate::error::InfraResult;
use crate::exchange::delivery_store::ListRow;
use app::types::OfficeId;

/// One item's brief as stored.
#[derive(Debug)]
pub struct Brief {
    /// The 担当's user ids in routing order, separated by spaces.
    pub assignees: String,
    pub unassigned: i64,
    pub version: i64,
}

/// Recomputes the brief of one item from its routes. The 担当 are ordered as their first
/// routes are (routing time, then person), the order the item page lists them in.
pub async fn refresh(tx: &mut OfficeTx, delivery: &str) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    let groups: Vec<(Option<String>, i64, i64)> = sqlx::query_as(
        "select assignee_id, count(*), cast(sum(version) as bigint)
           from delivery_route where office_id = $1 and delivery_id = $2
          group by assignee_id
          order by min(routed_at), min(insurer), min(insured), assignee_id",
    )
    .bind(&office)
    .bind(delivery)
    .fetch_all(tx.conn())
    .await?;
    let mut batch = Batch::new();
    write(&mut batch, tx.office_id(), delivery, &of_groups(&groups));
    batch.run(tx.conn()).await
}

/// The brief of an item's routes grouped by 担当 (`assignee_id`, routes, sum of versions), in
/// the order of [`refresh`].
pub fn of_groups(groups: &[(Option<String>, i64, i64)]) -> Brief {
    let assignees: Vec<&str> = groups.iter().filter_map(|g| g.0.as_deref()).collect();
    Brief {
        assignees: assignees.join(" "),
        unassigned: groups.iter().filter(|g| g.0.is_none()).map(|g| g.1).sum(),
        version: groups.iter().map(|g| g.2).sum(),
    }
}

/// Stores the brief of an item of `office`.
pub fn write(batch: &mut Batch<'_>, office: OfficeId, delivery: &str, brief: &Brief) {
    batch.push(
        Statement::new(
            "insert into route_brief (delivery_id, office_id, assignees, unassigned, version)
             values ($1, $2, $3, $4, $5)
             on conflict (delivery_id) do update
                set assignees = excluded.assignees, unassigned = excluded.unassigned, version = excluded.version",
        )
        .bind(delivery.to_owned())
        .bind(office.to_string())
        .bind(brief.assignees.clone())
        .bind(brief.unassigned)
        .bind(brief.version),
    );
}

/// The brief a receiving office's list row carries (none for an item without routes).
pub fn brief_of_row(row: &ListRow) -> Option<Brief> {
    Some(Brief {
        assignees: row.brief_assignees.clone()?,
        unassigned: row.brief_unassigned?,
        version: row.brief_version?,
    })
}

/// Display names of some users, by id.
pub async fn names_of(
    tx: &mut impl OfficeConn,
    users: &[&str],
) -> InfraResult<Vec<(String, String)>> {
    if users.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "select user_id, display_name from staff_account where user_id in ({})",
        crate::db::placeholders(1, users.len())
    );
    let mut query = sqlx::query_as(&sql);
    for id in users {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(tx.conn()).await?)
}
