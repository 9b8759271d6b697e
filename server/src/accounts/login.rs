//! The login recipe: same answer and same cost for an unknown account and a wrong password.

use super::store;
use crate::audit::{store as audit_store, AuditEvent};
use crate::auth::password::{self, Password};
use crate::auth::{ClientInfo, SessionLogin};
use crate::clock::Clock;
use crate::db::Db;
use crate::error::InfraResult;
use app::types::UserId;

/// How a login attempt ended.
#[derive(Debug)]
pub enum LoginOutcome {
    /// Signed in: what the session should remember.
    Success(SessionLogin),
    /// Unknown account or wrong password (never says which).
    Invalid,
    /// Right password, but the account has no active office.
    Disabled,
}

/// Checks credentials and records the attempt in the audit log.
#[tracing::instrument(skip_all)]
pub async fn login(
    db: &Db,
    clock: &Clock,
    login: &str,
    password: Password,
    client: &ClientInfo,
) -> InfraResult<LoginOutcome> {
    let mut conn = db.pool().acquire().await?;
    let account = store::find_for_login(&mut conn, login).await?;
    drop(conn);
    let stored_hash = account.as_ref().map(|a| a.password_hash.clone());
    let verified = password::verify(password, stored_hash).await?;
    let now = clock.now();
    let account = match account {
        Some(account) if verified => account,
        _ => {
            let mut tx = db.begin().await?;
            let event = AuditEvent::LoginFailed {
                login_id: login.to_string(),
            };
            audit_store::append(
                &mut tx,
                audit_store::NewEntry {
                    office: None,
                    actor: None,
                    event: &event,
                    client,
                    at: now,
                },
            )
            .await?;
            tx.commit().await?;
            return Ok(LoginOutcome::Invalid);
        }
    };
    let user: UserId = account
        .user_id
        .parse()
        .map_err(|_| crate::error::InfraError::Corrupt(format!("user id {}", account.user_id)))?;
    let mut tx = db.begin_user(user).await?;
    let memberships = store::active_memberships(&mut tx, user).await?;
    tx.commit().await?;
    let Some(first) = memberships.first() else {
        let mut tx = db.begin().await?;
        let event = AuditEvent::LoginRefusedDisabled;
        audit_store::append(
            &mut tx,
            audit_store::NewEntry {
                office: None,
                actor: Some(user),
                event: &event,
                client,
                at: now,
            },
        )
        .await?;
        tx.commit().await?;
        return Ok(LoginOutcome::Disabled);
    };
    let office = first.office()?;
    let mut tx = db.begin_office(office).await?;
    let event = AuditEvent::LoginSucceeded;
    audit_store::append(
        tx.conn(),
        audit_store::NewEntry {
            office: Some(office),
            actor: Some(user),
            event: &event,
            client,
            at: now,
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(user.id = %user, office.id = %office, "login succeeded");
    Ok(LoginOutcome::Success(SessionLogin {
        user_id: user,
        office_id: office,
        password_version: account.password_version,
        login_at: now,
        last_seen: now,
    }))
}
