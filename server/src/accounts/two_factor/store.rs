//! SQL of 2段階認証: the secret and its state on `staff_account`, recovery codes, and the
//! organisation's requirement.

use crate::clock::Millis;
use crate::error::InfraResult;
use app::types::UserId;
use sqlx::{AnyConnection, FromRow};

/// 2段階認証 state of an account.
#[derive(Clone, Debug, FromRow)]
pub struct TotpRow {
    pub login_id: String,
    pub email: String,
    pub display_name: String,
    pub totp_secret: Option<String>,
    pub totp_enabled_at: Option<i64>,
    pub totp_last_step: Option<i64>,
    pub require_two_factor_at: Option<i64>,
}

/// The account's state with its organisation's requirement.
pub async fn state(conn: &mut AnyConnection, user: UserId) -> InfraResult<Option<TotpRow>> {
    Ok(sqlx::query_as(
        "select s.login_id, s.email, s.display_name, s.totp_secret, s.totp_enabled_at,
                s.totp_last_step, g.require_two_factor_at
           from staff_account s join organisation g on g.organisation_id = s.organisation_id
          where s.user_id = $1",
    )
    .bind(user.to_string())
    .fetch_optional(conn)
    .await?)
}

/// Starts (or restarts) enrolment with a new secret; refused once enabled.
pub async fn set_pending_secret(
    conn: &mut AnyConnection,
    user: UserId,
    secret: &str,
) -> InfraResult<bool> {
    let done = sqlx::query(
        "update staff_account set totp_secret = $1 where user_id = $2 and totp_enabled_at is null",
    )
    .bind(secret)
    .bind(user.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Turns 2段階認証 on, remembering the step of the confirming code.
pub async fn enable(
    conn: &mut AnyConnection,
    user: UserId,
    step: i64,
    now: Millis,
) -> InfraResult<bool> {
    let done = sqlx::query(
        "update staff_account set totp_enabled_at = $1, totp_last_step = $2
          where user_id = $3 and totp_enabled_at is null and totp_secret is not null",
    )
    .bind(now)
    .bind(step)
    .bind(user.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Accepts a code's step once: false if that step (or a later one) was already used.
pub async fn use_step(conn: &mut AnyConnection, user: UserId, step: i64) -> InfraResult<bool> {
    let done = sqlx::query(
        "update staff_account set totp_last_step = $1
          where user_id = $2 and totp_enabled_at is not null
            and (totp_last_step is null or totp_last_step < $1)",
    )
    .bind(step)
    .bind(user.to_string())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Turns 2段階認証 off and forgets the secret and recovery codes (admin reset).
pub async fn clear(conn: &mut AnyConnection, user: UserId) -> InfraResult<bool> {
    let done = sqlx::query(
        "update staff_account set totp_secret = null, totp_enabled_at = null, totp_last_step = null
          where user_id = $1 and totp_secret is not null",
    )
    .bind(user.to_string())
    .execute(&mut *conn)
    .await?;
    sqlx::query("delete from recovery_code where user_id = $1")
        .bind(user.to_string())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces the recovery codes with new ones (hashes).
pub async fn store_recovery_codes(
    conn: &mut AnyConnection,
    user: UserId,
    hashes: &[String],
    now: Millis,
) -> InfraResult<()> {
    sqlx::query("delete from recovery_code where user_id = $1")
        .bind(user.to_string())
        .execute(&mut *conn)
        .await?;
    for hash in hashes {
        sqlx::query(
            "insert into recovery_code (user_id, code_hash, created_at) values ($1, $2, $3)",
        )
        .bind(user.to_string())
        .bind(hash)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Uses a recovery code once; false if unknown or used.
pub async fn use_recovery_code(
    conn: &mut AnyConnection,
    user: UserId,
    hash: &str,
    now: Millis,
) -> InfraResult<bool> {
    let done = sqlx::query(
        "update recovery_code set used_at = $1 where user_id = $2 and code_hash = $3 and used_at is null",
    )
    .bind(now)
    .bind(user.to_string())
    .bind(hash)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Unused recovery codes left.
pub async fn recovery_codes_left(conn: &mut AnyConnection, user: UserId) -> InfraResult<i64> {
    let (n,): (i64,) =
        sqlx::query_as("select count(*) from recovery_code where user_id = $1 and used_at is null")
            .bind(user.to_string())
            .fetch_one(conn)
            .await?;
    Ok(n)
}

/// Sets or clears the organisation's requirement of the office.
pub async fn set_required(
    conn: &mut AnyConnection,
    office: app::types::OfficeId,
    required_at: Option<Millis>,
) -> InfraResult<()> {
    sqlx::query(
        "update organisation set require_two_factor_at = $1
          where organisation_id = (select organisation_id from office where office_id = $2)",
    )
    .bind(required_at)
    .bind(office.to_string())
    .execute(conn)
    .await?;
    Ok(())
}
