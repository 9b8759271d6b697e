//! SQL of the 利用者台帳. It fills itself: a sender becomes 担当 of the persons they send for
//! (unless someone already is), and persons seen in received files are added unassigned.

use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::PersonRef;
use sqlx::FromRow;
use std::collections::HashMap;

/// A stored row with names.
#[derive(Clone, Debug, FromRow)]
pub struct RosterRow {
    pub insurer: String,
    pub insured: String,
    pub name: String,
    pub kana: String,
    pub birth_date: String,
    pub assignee_id: Option<String>,
    pub assignee_name: Option<String>,
    pub updated_at: i64,
    pub updated_by_name: Option<String>,
    pub version: i64,
}

const SELECT: &str = "select c.insurer, c.insured, c.name, c.kana, c.birth_date, c.assignee_id,
        a.display_name as assignee_name, c.updated_at, u.display_name as updated_by_name, c.version
   from client_roster c
   left join staff_account a on a.user_id = c.assignee_id
   left join staff_account u on u.user_id = c.updated_by";

/// Adds persons not yet in the roster (unassigned unless `assignee`), fills empty names, and
/// makes `assignee` the 担当 of persons who have none (sticky: an existing 担当 stays).
/// Returns the persons' 担当 and 氏名 as stored afterwards, which routing reads (the upsert
/// returns every row it wrote, so routing needs no statement of its own).
pub async fn note_persons(
    tx: &mut OfficeTx,
    persons: &[PersonRef],
    assignee: Option<&str>,
    source: &str,
    at: Millis,
) -> InfraResult<Assignees> {
    // One row per person (an upsert may not touch a row twice), with the first name seen.
    let mut unique: Vec<(&str, &str, &str, &str)> = Vec::new();
    for p in persons {
        let name = p.name.as_deref().unwrap_or_default();
        let kana = p.kana.as_deref().unwrap_or_default();
        match unique
            .iter_mut()
            .find(|u| u.0 == p.insurer && u.1 == p.insured)
        {
            Some(u) => {
                if u.2.is_empty() {
                    u.2 = name;
                }
                if u.3.is_empty() {
                    u.3 = kana;
                }
            }
            None => unique.push((&p.insurer, &p.insured, name, kana)),
        }
    }
    // In key order: two transactions upserting the same persons lock their rows in one order.
    unique.sort_unstable_by_key(|u| (u.0, u.1));
    let office = tx.office_id().to_string();
    let mut noted = Assignees::new();
    for chunk in unique.chunks(100) {
        let rows: Vec<String> = (0..chunk.len())
            .map(|i| {
                let n = 5 + i * 4;
                format!(
                    "($1, ${n}, ${}, ${}, ${}, $2, $3, $4, $4, $2, 1)",
                    n + 1,
                    n + 2,
                    n + 3
                )
            })
            .collect();
        let sql = format!(
            "insert into client_roster (office_id, insurer, insured, name, kana, assignee_id, source, created_at, updated_at, updated_by, version)
             values {}
             on conflict (office_id, insurer, insured) do update set
               name = case when client_roster.name = '' then excluded.name else client_roster.name end,
               kana = case when client_roster.kana = '' then excluded.kana else client_roster.kana end,
               assignee_id = coalesce(client_roster.assignee_id, excluded.assignee_id),
               version = client_roster.version
                 + case when client_roster.assignee_id is null and excluded.assignee_id is not null then 1 else 0 end,
               updated_at = case when client_roster.assignee_id is null and excluded.assignee_id is not null
                                 then excluded.updated_at else client_roster.updated_at end,
               updated_by = case when client_roster.assignee_id is null and excluded.assignee_id is not null
                                 then excluded.updated_by else client_roster.updated_by end
             returning insurer, insured, assignee_id, name",
            rows.join(", ")
        );
        let mut query = sqlx::query_as::<_, (String, String, Option<String>, String)>(&sql)
            .bind(&office)
            .bind(assignee)
            .bind(source)
            .bind(at);
        for (insurer, insured, name, kana) in chunk {
            query = query.bind(*insurer).bind(*insured).bind(*name).bind(*kana);
        }
        for (insurer, insured, assignee, name) in query.fetch_all(tx.conn()).await? {
            noted.insert((insurer, insured), (assignee, name));
        }
    }
    Ok(noted)
}

/// The 担当 (user id) and 氏名 of roster persons, by (保険者番号, 被保険者番号).
pub type Assignees = HashMap<(String, String), (Option<String>, String)>;

/// One row.
pub async fn find(
    tx: &mut OfficeTx,
    insurer: &str,
    insured: &str,
) -> InfraResult<Option<RosterRow>> {
    let office = tx.office_id().to_string();
    Ok(sqlx::query_as(&format!(
        "{SELECT} where c.office_id = $1 and c.insurer = $2 and c.insured = $3"
    ))
    .bind(office)
    .bind(insurer)
    .bind(insured)
    .fetch_optional(tx.conn())
    .await?)
}

/// A page of rows matching `q` (name, kana or number, part) and `assignee` (`none`, a user id
/// or empty), by フリガナ; and the count of all matches.
pub async fn list(
    tx: &mut OfficeTx,
    q: &str,
    assignee: &str,
    limit: i64,
    offset: i64,
) -> InfraResult<(Vec<RosterRow>, i64)> {
    let office = tx.office_id().to_string();
    let mut filter = String::from(" where c.office_id = $1");
    let pattern = format!("%{}%", q.trim());
    if !q.trim().is_empty() {
        filter.push_str(" and (c.name like $2 or c.kana like $2 or c.insured like $2)");
    } else {
        filter.push_str(" and $2 = $2");
    }
    match assignee {
        "" => filter.push_str(" and $3 = $3"),
        "none" => filter.push_str(" and c.assignee_id is null and $3 = $3"),
        _ => filter.push_str(" and c.assignee_id = $3"),
    }
    let (total,): (i64,) = sqlx::query_as(&format!("select count(*) from client_roster c{filter}"))
        .bind(&office)
        .bind(&pattern)
        .bind(assignee)
        .fetch_one(tx.conn())
        .await?;
    let rows = sqlx::query_as(&format!(
        "{SELECT}{filter} order by c.kana = '', c.kana, c.name, c.insured limit $4 offset $5"
    ))
    .bind(&office)
    .bind(&pattern)
    .bind(assignee)
    .bind(limit)
    .bind(offset)
    .fetch_all(tx.conn())
    .await?;
    Ok((rows, total))
}

/// Every row, for the CSV export.
pub async fn all(tx: &mut OfficeTx) -> InfraResult<Vec<(RosterRow, Option<String>)>> {
    let office = tx.office_id().to_string();
    let rows: Vec<RosterRow> = sqlx::query_as(&format!(
        "{SELECT} where c.office_id = $1 order by c.kana = '', c.kana, c.name, c.insured"
    ))
    .bind(&office)
    .fetch_all(tx.conn())
    .await?;
    let logins: Vec<(String, String)> = sqlx::query_as(
        "select s.user_id, s.login_id from membership m join staff_account s on s.user_id = m.user_id where m.office_id = $1",
    )
    .bind(&office)
    .fetch_all(tx.conn())
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let login = r
                .assignee_id
                .as_ref()
                .and_then(|id| logins.iter().find(|(u, _)| u == id).map(|(_, l)| l.clone()));
            (r, login)
        })
        .collect())
}

/// Values of an edit or an imported line.
pub struct RosterValues<'a> {
    pub insurer: &'a str,
    pub insured: &'a str,
    pub name: &'a str,
    pub kana: &'a str,
    pub birth_date: &'a str,
    pub assignee: Option<&'a str>,
}

/// Saves an edit if the row is still at `version`; false when someone changed it meanwhile.
pub async fn save(
    tx: &mut OfficeTx,
    v: &RosterValues<'_>,
    version: i64,
    by: &str,
    at: Millis,
) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let done = sqlx::query(
        "update client_roster set name = $1, kana = $2, birth_date = $3, assignee_id = $4, updated_by = $5, updated_at = $6,
                version = version + 1
          where office_id = $7 and insurer = $8 and insured = $9 and version = $10",
    )
    .bind(v.name)
    .bind(v.kana)
    .bind(v.birth_date)
    .bind(v.assignee)
    .bind(by)
    .bind(at)
    .bind(office)
    .bind(v.insurer)
    .bind(v.insured)
    .bind(version)
    .execute(tx.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Inserts or overwrites a row (import, or 「台帳も更新する」 on assignment when `fields`).
pub async fn upsert(
    tx: &mut OfficeTx,
    v: &RosterValues<'_>,
    source: &str,
    by: &str,
    at: Millis,
) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    sqlx::query(
        "insert into client_roster (office_id, insurer, insured, name, kana, birth_date, assignee_id, source, created_at, updated_at, updated_by, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, 1)
         on conflict (office_id, insurer, insured) do update set
           name = excluded.name, kana = excluded.kana, birth_date = excluded.birth_date,
           assignee_id = excluded.assignee_id, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by, version = client_roster.version + 1",
    )
    .bind(office)
    .bind(v.insurer)
    .bind(v.insured)
    .bind(v.name)
    .bind(v.kana)
    .bind(v.birth_date)
    .bind(v.assignee)
    .bind(source)
    .bind(at)
    .bind(by)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Sets only the 担当 of a person (adding the row if missing).
pub async fn set_assignee(
    tx: &mut OfficeTx,
    insurer: &str,
    insured: &str,
    name: &str,
    assignee: &str,
    by: &str,
    at: Millis,
) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    sqlx::query(
        "insert into client_roster (office_id, insurer, insured, name, assignee_id, source, created_at, updated_at, updated_by, version)
         values ($1, $2, $3, $4, $5, 'edited', $6, $6, $7, 1)
         on conflict (office_id, insurer, insured) do update set
           assignee_id = excluded.assignee_id, updated_at = excluded.updated_at,
           updated_by = excluded.updated_by, version = client_roster.version + 1",
    )
    .bind(office)
    .bind(insurer)
    .bind(insured)
    .bind(name)
    .bind(assignee)
    .bind(at)
    .bind(by)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Moves every person of `from` to `to`; returns how many.
pub async fn move_all(
    tx: &mut OfficeTx,
    from: &str,
    to: &str,
    by: &str,
    at: Millis,
) -> InfraResult<u64> {
    let office = tx.office_id().to_string();
    let done = sqlx::query(
        "update client_roster set assignee_id = $1, updated_by = $2, updated_at = $3, version = version + 1
          where office_id = $4 and assignee_id = $5",
    )
    .bind(to)
    .bind(by)
    .bind(at)
    .bind(office)
    .bind(from)
    .execute(tx.conn())
    .await?;
    Ok(done.rows_affected())
}

/// Persons in `user`'s charge.
pub async fn count_of(tx: &mut OfficeTx, user: &str) -> InfraResult<i64> {
    let office = tx.office_id().to_string();
    let (n,): (i64,) = sqlx::query_as(
        "select count(*) from client_roster where office_id = $1 and assignee_id = $2",
    )
    .bind(office)
    .bind(user)
    .fetch_one(tx.conn())
    .await?;
    Ok(n)
}
