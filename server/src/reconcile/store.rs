//! SQL of 予実突合's own tables: the reminder setting and the reminder log. Every query runs
//! in an `OfficeTx` and filters by its office.

use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;

/// Day of the month the reminder goes out when an office never changed it.
pub const DEFAULT_REMINDER_DAY: u8 = 3;

/// The office's reminder day: `None` = off; no row = [`DEFAULT_REMINDER_DAY`].
pub async fn reminder_day(tx: &mut OfficeTx) -> InfraResult<Option<u8>> {
    let office = tx.office_id().to_string();
    let row: Option<(Option<i64>,)> =
        sqlx::query_as("select reminder_day from reconcile_setting where office_id = $1")
            .bind(office)
            .fetch_optional(tx.conn())
            .await?;
    Ok(match row {
        None => Some(DEFAULT_REMINDER_DAY),
        Some((day,)) => day.and_then(|d| u8::try_from(d).ok()),
    })
}

/// Sets the reminder day (`None` = off).
pub async fn set_reminder_day(
    tx: &mut OfficeTx,
    day: Option<u8>,
    by: &str,
    at: Millis,
) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    sqlx::query(
        "insert into reconcile_setting (office_id, reminder_day, updated_at, updated_by)
         values ($1, $2, $3, $4)
         on conflict (office_id) do update
            set reminder_day = excluded.reminder_day, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by",
    )
    .bind(office)
    .bind(day.map(i64::from))
    .bind(at)
    .bind(by)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// True when the month's reminder was already handled.
pub async fn reminder_handled(tx: &mut OfficeTx, month: &str) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let row: Option<(String,)> = sqlx::query_as(
        "select target_month from reconcile_reminder where office_id = $1 and target_month = $2",
    )
    .bind(office)
    .bind(month)
    .fetch_optional(tx.conn())
    .await?;
    Ok(row.is_some())
}

/// Claims the month's reminder; false if another pass (or instance) handled it first.
pub async fn claim_reminder(
    tx: &mut OfficeTx,
    month: &str,
    partners: i64,
    mails: i64,
    at: Millis,
) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let done = sqlx::query(
        "insert into reconcile_reminder (office_id, target_month, handled_at, partner_count, mail_count)
         values ($1, $2, $3, $4, $5) on conflict (office_id, target_month) do nothing",
    )
    .bind(office)
    .bind(month)
    .bind(at)
    .bind(partners)
    .bind(mails)
    .execute(tx.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}
