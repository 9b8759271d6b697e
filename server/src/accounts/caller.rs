//! Turns a session's login into the request's `Caller`, or says the session is no longer valid.

use super::store;
use crate::auth::SessionLogin;
use crate::db::Db;
use crate::error::InfraResult;
use app::types::{Caller, CurrentOffice};

/// Loads the caller for a session: `None` when the account, membership or office was disabled
/// meanwhile, or the password changed since login (the session must end).
pub async fn load_caller(db: &Db, login: &SessionLogin) -> InfraResult<Option<Caller>> {
    let mut tx = db.begin_user(login.user_id).await?;
    let memberships = store::active_memberships(&mut tx, login.user_id).await?;
    // Ended from ログイン中の端末 (or by a password change): the session stops here.
    let ended =
        !login.handle.is_empty() && !super::user_session::is_live(&mut tx, &login.handle).await?;
    tx.commit().await?;
    if ended {
        return Ok(None);
    }
    let office_count = memberships.len();
    let Some(current) = memberships
        .iter()
        .find(|m| m.office_id == login.office_id.to_string())
    else {
        return Ok(None);
    };
    if current.password_version != login.password_version {
        return Ok(None);
    }
    let (number, service_type) = current.office_codes()?;
    Ok(Some(Caller {
        user_id: login.user_id,
        display_name: current.display_name.clone(),
        office: CurrentOffice {
            id: login.office_id,
            name: current.office_name.clone(),
            number,
            service_type,
        },
        role: current.role()?,
        office_count,
    }))
}
