//! SQL of staff accounts and memberships.

use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::{InfraError, InfraResult};
use app::types::{
    Email, OfficeId, OfficeNumber, OrganisationId, Role, ServiceTypeCode, StaffMember, UserId,
};
use sqlx::{AnyConnection, FromRow};

/// What login needs of an account.
#[derive(Clone, Debug, FromRow)]
pub struct AccountRow {
    pub user_id: String,
    pub password_hash: String,
    pub password_version: i64,
    pub disabled_at: Option<i64>,
    pub display_name: String,
    pub email: String,
    pub totp_enabled_at: Option<i64>,
}

/// Finds an account by login id or e-mail address (unscoped: login comes before any office).
pub async fn find_for_login(
    conn: &mut AnyConnection,
    login: &str,
) -> InfraResult<Option<AccountRow>> {
    Ok(sqlx::query_as(
        "select user_id, password_hash, password_version, disabled_at, display_name, email, totp_enabled_at
           from staff_account where login_id = $1 or email = $1",
    )
    .bind(login)
    .fetch_optional(conn)
    .await?)
}

/// One active membership of a person, with its office (read in the user's own scope).
#[derive(Clone, Debug, FromRow)]
pub struct MembershipRow {
    pub office_id: String,
    pub role: String,
    pub office_name: String,
    pub office_number: String,
    pub service_type: String,
    pub organisation_name: String,
    pub display_name: String,
    pub password_version: i64,
}

/// Active memberships of a person in active offices, oldest first (the first is the default).
pub async fn active_memberships(
    conn: &mut AnyConnection,
    user: UserId,
) -> InfraResult<Vec<MembershipRow>> {
    Ok(sqlx::query_as(
        "select m.office_id, m.role, o.name as office_name, o.office_number, o.service_type,
                g.name as organisation_name, s.display_name, s.password_version
           from membership m
           join office o on o.office_id = m.office_id
           join organisation g on g.organisation_id = o.organisation_id
           join staff_account s on s.user_id = m.user_id
          where m.user_id = $1 and m.disabled_at is null and o.disabled_at is null
            and s.disabled_at is null
          order by m.created_at, o.name",
    )
    .bind(user.to_string())
    .fetch_all(conn)
    .await?)
}

impl MembershipRow {
    /// Parsed office id.
    pub fn office(&self) -> InfraResult<OfficeId> {
        self.office_id
            .parse()
            .map_err(|_| InfraError::Corrupt(format!("office id {}", self.office_id)))
    }
    /// Parsed role.
    pub fn role(&self) -> InfraResult<Role> {
        Role::from_code(&self.role)
            .ok_or_else(|| InfraError::Corrupt(format!("role {}", self.role)))
    }
    /// Parsed office number and type.
    pub fn office_codes(&self) -> InfraResult<(OfficeNumber, ServiceTypeCode)> {
        let number = OfficeNumber::parse(&self.office_number)
            .map_err(|_| InfraError::Corrupt(format!("office number {}", self.office_number)))?;
        let service = ServiceTypeCode::parse(&self.service_type)
            .map_err(|_| InfraError::Corrupt(format!("service type {}", self.service_type)))?;
        Ok((number, service))
    }
}

#[derive(FromRow)]
struct StaffRow {
    user_id: String,
    display_name: String,
    login_id: String,
    email: String,
    role: String,
    disabled_at: Option<i64>,
    created_at: i64,
    activated_at: Option<i64>,
    totp_enabled_at: Option<i64>,
}

impl TryFrom<StaffRow> for StaffMember {
    type Error = InfraError;
    fn try_from(row: StaffRow) -> Result<Self, Self::Error> {
        Ok(StaffMember {
            user_id: row
                .user_id
                .parse()
                .map_err(|_| InfraError::Corrupt(format!("user id {}", row.user_id)))?,
            display_name: row.display_name,
            login_id: row.login_id,
            email: Email::parse(&row.email)
                .map_err(|_| InfraError::Corrupt("stored email".into()))?,
            role: Role::from_code(&row.role)
                .ok_or_else(|| InfraError::Corrupt(format!("role {}", row.role)))?,
            active: row.disabled_at.is_none(),
            invitation_pending: row.activated_at.is_none(),
            two_factor: row.totp_enabled_at.is_some(),
            created_at_ms: row.created_at,
        })
    }
}

const STAFF_SELECT: &str =
    "select s.user_id, s.display_name, s.login_id, s.email, m.role, m.disabled_at, m.created_at, s.activated_at, s.totp_enabled_at
                              from membership m join staff_account s on s.user_id = m.user_id
                             where m.office_id = $1";

/// Every member of the transaction's office, by name.
pub async fn list_staff(tx: &mut OfficeTx) -> InfraResult<Vec<StaffMember>> {
    let office = tx.office_id().to_string();
    let rows: Vec<StaffRow> = sqlx::query_as(&format!(
        "{STAFF_SELECT} order by s.display_name, s.login_id"
    ))
    .bind(office)
    .fetch_all(tx.conn())
    .await?;
    rows.into_iter().map(StaffMember::try_from).collect()
}

/// One member of the transaction's office; `None` for anyone else.
pub async fn find_staff(tx: &mut OfficeTx, user: UserId) -> InfraResult<Option<StaffMember>> {
    let office = tx.office_id().to_string();
    let row: Option<StaffRow> = sqlx::query_as(&format!("{STAFF_SELECT} and m.user_id = $2"))
        .bind(office)
        .bind(user.to_string())
        .fetch_optional(tx.conn())
        .await?;
    row.map(StaffMember::try_from).transpose()
}

/// True if a login id or address is taken (by anyone, in any organisation).
pub async fn login_id_taken(conn: &mut AnyConnection, login_id: &str) -> InfraResult<bool> {
    let row: Option<(String,)> =
        sqlx::query_as("select user_id from staff_account where login_id = $1")
            .bind(login_id)
            .fetch_optional(conn)
            .await?;
    Ok(row.is_some())
}

/// True if an address is registered.
pub async fn email_taken(conn: &mut AnyConnection, email: &Email) -> InfraResult<bool> {
    let row: Option<(String,)> =
        sqlx::query_as("select user_id from staff_account where email = $1")
            .bind(email.as_str())
            .fetch_optional(conn)
            .await?;
    Ok(row.is_some())
}

/// A new account, before it is stored.
pub struct NewAccount<'a> {
    pub user: UserId,
    pub organisation: OrganisationId,
    pub login_id: &'a str,
    pub email: &'a Email,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub at: Millis,
}

/// Inserts an account (its membership is added separately, in the office's scope).
pub async fn insert_account(conn: &mut AnyConnection, account: NewAccount<'_>) -> InfraResult<()> {
    sqlx::query(
        "insert into staff_account (user_id, organisation_id, login_id, email, display_name, password_hash, created_at, activated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(account.user.to_string())
    .bind(account.organisation.to_string())
    .bind(account.login_id)
    .bind(account.email.as_str())
    .bind(account.display_name)
    .bind(account.password_hash)
    .bind(account.at)
    // An invited account (no password yet) is activated when its owner sets one.
    .bind((!account.password_hash.is_empty()).then_some(account.at))
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds a person to the transaction's office.
pub async fn insert_membership(
    tx: &mut OfficeTx,
    user: UserId,
    role: Role,
    at: Millis,
) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    sqlx::query(
        "insert into membership (office_id, user_id, role, created_at) values ($1, $2, $3, $4)",
    )
    .bind(office)
    .bind(user.to_string())
    .bind(role.code())
    .bind(at)
    .execute(tx.conn())
    .await?;
    Ok(())
}

/// Changes a member's role; false if they are not a member of this office.
pub async fn set_role(tx: &mut OfficeTx, user: UserId, role: Role) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let done = sqlx::query("update membership set role = $1 where office_id = $2 and user_id = $3")
        .bind(role.code())
        .bind(office)
        .bind(user.to_string())
        .execute(tx.conn())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets or clears 利用停止 for a member of this office; false if nothing changed.
pub async fn set_disabled(
    tx: &mut OfficeTx,
    user: UserId,
    disabled_at: Option<Millis>,
) -> InfraResult<bool> {
    let office = tx.office_id().to_string();
    let sql = if disabled_at.is_some() {
        "update membership set disabled_at = $1 where office_id = $2 and user_id = $3 and disabled_at is null"
    } else {
        "update membership set disabled_at = $1 where office_id = $2 and user_id = $3 and disabled_at is not null"
    };
    let done = sqlx::query(sql)
        .bind(disabled_at)
        .bind(office)
        .bind(user.to_string())
        .execute(tx.conn())
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The organisation that owns an office (new staff join it).
pub async fn office_organisation(tx: &mut OfficeTx) -> InfraResult<OrganisationId> {
    let office = tx.office_id().to_string();
    let (id,): (String,) =
        sqlx::query_as("select organisation_id from office where office_id = $1")
            .bind(office)
            .fetch_one(tx.conn())
            .await?;
    id.parse()
        .map_err(|_| InfraError::Corrupt(format!("organisation id {id}")))
}
