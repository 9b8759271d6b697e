//! Turns a session's login into the request's `Caller`, or says the session is no longer valid.
//! Runs on every signed-in request, so it is one statement: the membership of the session's
//! office, the number of offices, whether the session row is still live and whether the
//! organisation requires 2段階認証 that this person has not set up yet. Pages also read the
//! navigation counts, as two more columns of the same statement.

use crate::auth::SessionLogin;
use crate::db::{Db, OfficeReads};
use crate::error::{InfraError, InfraResult};
use app::types::{Caller, CurrentOffice, NavCounts, OfficeNumber, Role, ServiceTypeCode};
use sqlx::FromRow;
use std::sync::LazyLock;

/// The signed-in person for this request.
pub struct LoadedCaller {
    /// Who, in which office, with which role.
    pub caller: Caller,
    /// The organisation requires 2段階認証 and this person has not enabled it yet.
    pub must_enrol_two_factor: bool,
    /// The navigation counts, when asked for.
    pub nav_counts: Option<NavCounts>,
    /// The reads the caller was loaded on, still open: to finish, or to hand on to the page
    /// (`auth::request_reads`).
    pub reads: OfficeReads,
}

#[derive(FromRow)]
struct CallerRow {
    role: String,
    office_name: String,
    office_number: String,
    service_type: String,
    display_name: String,
    password_version: i64,
    totp_enabled_at: Option<i64>,
    require_two_factor_at: Option<i64>,
    office_count: i64,
    live_sessions: i64,
    /// The navigation counts, with `CALLER_AND_COUNTS_SQL` only.
    #[sqlx(default)]
    mine_unread: Option<i64>,
    #[sqlx(default)]
    unassigned: Option<i64>,
}

/// The caller's columns and rows: `$1` user, `$2` office, `$3` session handle.
const CALLER_SELECT: &str = "
m.role, o.name as office_name, o.office_number, o.service_type, s.display_name,
       s.password_version, s.totp_enabled_at, g.require_two_factor_at,
       (select count(*) from membership m2 join office o2 on o2.office_id = m2.office_id
         where m2.user_id = m.user_id and m2.disabled_at is null and o2.disabled_at is null)
         as office_count,
       (select count(*) from user_session u where u.session_handle = $3 and u.ended_at is null)
         as live_sessions
  from membership m
  join office o on o.office_id = m.office_id
  join staff_account s on s.user_id = m.user_id
  join organisation g on g.organisation_id = s.organisation_id
 where m.user_id = $1 and m.office_id = $2
   and m.disabled_at is null and o.disabled_at is null and s.disabled_at is null";

/// The caller alone.
static CALLER_SQL: LazyLock<String> = LazyLock::new(|| format!("select {CALLER_SELECT}"));

/// The caller with the navigation counts (`$4` their cap) as two more columns.
static CALLER_AND_COUNTS_SQL: LazyLock<String> = LazyLock::new(|| {
    let counts = crate::routing::store::nav_count_columns(2, 1, 4);
    format!("select {counts}, {CALLER_SELECT}")
});

/// Loads the caller for a session: `None` when the account, membership or office was disabled
/// meanwhile, the session was ended from ログイン中の端末, or the password changed since login
/// (the session must end). With `nav_counts`, also reads the navigation counts of the caller.
/// The reads stay open for the caller to finish or hand on.
pub async fn load_caller(
    db: &Db,
    login: &SessionLogin,
    nav_counts: bool,
) -> InfraResult<Option<LoadedCaller>> {
    let mut reads = db.member_reads(login.user_id, login.office_id).await?;
    let sql = if nav_counts {
        &CALLER_AND_COUNTS_SQL
    } else {
        &CALLER_SQL
    };
    let query = sqlx::query_as(sql)
        .bind(login.user_id.to_string())
        .bind(login.office_id.to_string())
        .bind(&login.handle);
    let query = if nav_counts {
        query.bind(app::types::NAV_COUNT_CAP)
    } else {
        query
    };
    let row: Option<CallerRow> = query.fetch_optional(reads.conn()).await?;
    // Sessions from before `user_session` existed carry no handle and are not checked.
    let valid = row.filter(|row| {
        let ended = !login.handle.is_empty() && row.live_sessions == 0;
        !ended && row.password_version == login.password_version
    });
    let Some(row) = valid else {
        reads.finish();
        return Ok(None);
    };
    let corrupt = |what: &str, value: &str| InfraError::Corrupt(format!("{what} {value}"));
    let number = OfficeNumber::parse(&row.office_number)
        .map_err(|_| corrupt("office number", &row.office_number))?;
    let service_type = ServiceTypeCode::parse(&row.service_type)
        .map_err(|_| corrupt("service type", &row.service_type))?;
    let role = Role::from_code(&row.role).ok_or_else(|| corrupt("role", &row.role))?;
    let caller = Caller {
        user_id: login.user_id,
        display_name: row.display_name,
        office: CurrentOffice {
            id: login.office_id,
            name: row.office_name,
            number,
            service_type,
        },
        role,
        office_count: usize::try_from(row.office_count).unwrap_or(1),
    };
    let nav_counts = match (row.mine_unread, row.unassigned) {
        (Some(mine), Some(unassigned)) => Some(crate::routing::item::visible_counts(
            &caller, mine, unassigned,
        )),
        _ => None,
    };
    Ok(Some(LoadedCaller {
        caller,
        must_enrol_two_factor: row.require_two_factor_at.is_some() && row.totp_enabled_at.is_none(),
        nav_counts,
        reads,
    }))
}
