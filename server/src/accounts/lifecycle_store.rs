//! SQL of the account lifecycle: lookups by login or id, setting a password, removing an
//! invitation that was never used.

use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::{InfraError, InfraResult};
use app::types::{Email, UserId};
use sqlx::{AnyConnection, FromRow};

/// What the lifecycle recipes need of an account.
#[derive(Clone, Debug)]
pub struct AccountFacts {
    /// Account.
    pub user_id: UserId,
    /// 氏名.
    pub display_name: String,
    /// ログインID.
    pub login_id: String,
    /// メールアドレス.
    pub email: Email,
    /// Current password version.
    pub password_version: i64,
    /// `None` while the invitation is pending.
    pub activated_at: Option<Millis>,
}

#[derive(FromRow)]
struct FactsRow {
    user_id: String,
    display_name: String,
    login_id: String,
    email: String,
    password_version: i64,
    activated_at: Option<i64>,
}

impl TryFrom<FactsRow> for AccountFacts {
    type Error = InfraError;
    fn try_from(r: FactsRow) -> Result<Self, Self::Error> {
        Ok(Self {
            user_id: r
                .user_id
                .parse()
                .map_err(|_| InfraError::Corrupt(format!("user id {}", r.user_id)))?,
            display_name: r.display_name,
            login_id: r.login_id,
            email: Email::parse(&r.email)
                .map_err(|_| InfraError::Corrupt("stored email".into()))?,
            password_version: r.password_version,
            activated_at: r.activated_at,
        })
    }
}

const FACTS: &str = "select user_id, display_name, login_id, email, password_version, activated_at
                       from staff_account";

/// An active, activated account by login id or address (unscoped: before any office).
pub async fn find_active_by_login(
    conn: &mut AnyConnection,
    login: &str,
) -> InfraResult<Option<AccountFacts>> {
    let row: Option<FactsRow> = sqlx::query_as(&format!(
        "{FACTS} where (login_id = $1 or email = $1) and disabled_at is null and activated_at is not null"
    ))
    .bind(login)
    .fetch_optional(conn)
    .await?;
    row.map(AccountFacts::try_from).transpose()
}

/// An account by id (callers have already found the person in their office).
pub async fn facts(conn: &mut AnyConnection, user: UserId) -> InfraResult<Option<AccountFacts>> {
    let row: Option<FactsRow> = sqlx::query_as(&format!("{FACTS} where user_id = $1"))
        .bind(user.to_string())
        .fetch_optional(conn)
        .await?;
    row.map(AccountFacts::try_from).transpose()
}

/// Sets a new password hash and bumps the version (ending other sessions), if the version is
/// still `expected`; marks an invited account active. False if something changed meanwhile.
pub async fn set_password(
    conn: &mut AnyConnection,
    user: UserId,
    hash: &str,
    expected_version: i64,
    now: Millis,
) -> InfraResult<bool> {
    let done = sqlx::query(
        "update staff_account
            set password_hash = $1, password_version = password_version + 1,
                activated_at = coalesce(activated_at, $2)
          where user_id = $3 and password_version = $4 and disabled_at is null",
    )
    .bind(hash)
    .bind(now)
    .bind(user.to_string())
    .bind(expected_version)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes a pending invitee from the transaction's office, with their tokens and the account
/// (an invitee belongs to the one office that invited them). False if not pending here.
pub async fn delete_pending(tx: &mut OfficeTx, user: UserId) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let id = user.to_string();
    let pending: Option<(String,)> = sqlx::query_as(
        "select user_id from staff_account where user_id = $1 and activated_at is null",
    )
    .bind(&id)
    .fetch_optional(tx.conn())
    .await?;
    if pending.is_none() {
        return Ok(false);
    }
    let removed = sqlx::query("delete from membership where office_id = $1 and user_id = $2")
        .bind(office)
        .bind(&id)
        .execute(tx.conn())
        .await?;
    if removed.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("delete from account_token where user_id = $1")
        .bind(&id)
        .execute(tx.conn())
        .await?;
    sqlx::query("delete from staff_account where user_id = $1 and activated_at is null")
        .bind(&id)
        .execute(tx.conn())
        .await?;
    Ok(true)
}
