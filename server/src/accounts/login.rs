//! The login recipe: same answer and same cost for an unknown account and a wrong password,
//! with lockout (10 failures in 15 minutes lock the account for 15 minutes and mail its owner)
//! and a per-IP limit, both counted in the database.

use super::store::{self, AccountRow};
use crate::audit::{store as audit_store, AuditEvent};
use crate::auth::password::{self, Password};
use crate::auth::{ClientInfo, PendingLogin, SessionLogin};
use crate::clock::{Clock, Millis};
use crate::db::{Db, Tx};
use crate::error::{InfraError, InfraResult};
use crate::limits::{LOGIN_FAILURES, LOGIN_IP, LOGIN_LOCK};
use crate::mail::{outbox, MailTemplate};
use app::types::{Email, UserId};

/// How a login attempt ended.
#[derive(Debug)]
pub enum LoginOutcome {
    /// Signed in: what the session should remember.
    Success(SessionLogin),
    /// Unknown account or wrong password (never says which).
    Invalid,
    /// Right password, but the account has no active office.
    Disabled,
    /// Too many failures for this account (or typed login id): wait 15 minutes.
    Locked,
    /// Too many failures from this IP address.
    RateLimited,
    /// Right password; 2段階認証 is on, so a code must follow ([`complete`] after it).
    SecondStep(PendingLogin),
}

async fn append(
    tx: &mut Tx,
    actor: Option<UserId>,
    client: &ClientInfo,
    event: AuditEvent,
    at: Millis,
) -> InfraResult<()> {
    let entry = audit_store::NewEntry {
        office: None,
        actor,
        event: &event,
        client,
        at,
    };
    audit_store::append(tx, entry).await
}

/// The lockout key: the account when there is one, else what was typed, so unknown ids lock
/// exactly like real ones (no enumeration through the lock).
fn lock_key(account: Option<&AccountRow>, login: &str) -> String {
    account
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| format!("typed:{login}"))
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
    let key = lock_key(account.as_ref(), login);
    let now = clock.now();
    if LOGIN_LOCK.exceeded(&mut conn, &key, now).await? {
        return Ok(LoginOutcome::Locked);
    }
    if LOGIN_IP.exceeded(&mut conn, &client.ip, now).await? {
        return Ok(LoginOutcome::RateLimited);
    }
    drop(conn);
    // An invited account has no password yet: it verifies like an unknown one.
    let stored_hash = account
        .as_ref()
        .map(|a| a.password_hash.clone())
        .filter(|h| !h.is_empty());
    let verified = password::verify(password, stored_hash).await?;
    let now = clock.now();
    let account = match account {
        Some(account) if verified => account,
        other => return failed(db, other.as_ref(), &key, login, client, now).await,
    };
    let user: UserId = account
        .user_id
        .parse()
        .map_err(|_| InfraError::Corrupt(format!("user id {}", account.user_id)))?;
    let mut tx = db.begin_user(user).await?;
    let memberships = store::active_memberships(&mut tx, user).await?;
    tx.commit().await?;
    // A write gets a write transaction of its own: on SQLite a read transaction that later
    // writes fails with "database is locked" when logins arrive together.
    let mut tx = db.begin().await?;
    LOGIN_FAILURES.clear(&mut tx, &key).await?;
    tx.commit().await?;
    let Some(first) = memberships.first() else {
        let mut tx = db.begin().await?;
        append(
            &mut tx,
            Some(user),
            client,
            AuditEvent::LoginRefusedDisabled,
            now,
        )
        .await?;
        tx.commit().await?;
        return Ok(LoginOutcome::Disabled);
    };
    let office = first.office()?;
    let pending = PendingLogin {
        user_id: user,
        office_id: office,
        password_version: account.password_version,
        at: now,
        next: String::new(),
    };
    if account.totp_enabled_at.is_some() {
        return Ok(LoginOutcome::SecondStep(pending));
    }
    Ok(LoginOutcome::Success(
        complete(db, clock, &pending, client).await?,
    ))
}

/// Signs in after every step: audit entry, a row in ログイン中の端末, the session's login.
pub async fn complete(
    db: &Db,
    clock: &Clock,
    pending: &PendingLogin,
    client: &ClientInfo,
) -> InfraResult<SessionLogin> {
    let (user, office, now) = (pending.user_id, pending.office_id, clock.now());
    let mut tx = db.begin_office(office).await?;
    let event = AuditEvent::LoginSucceeded;
    let entry = audit_store::NewEntry {
        office: Some(office),
        actor: Some(user),
        event: &event,
        client,
        at: now,
    };
    audit_store::append(tx.conn(), entry).await?;
    let handle = uuid::Uuid::new_v4().simple().to_string();
    super::user_session::insert(tx.conn(), &handle, user, client, now).await?;
    tx.commit().await?;
    tracing::info!(user.id = %user, office.id = %office, "login succeeded");
    Ok(SessionLogin {
        user_id: user,
        office_id: office,
        password_version: pending.password_version,
        login_at: now,
        last_seen: now,
        handle,
    })
}

/// Counts a failure; the 10th in the window locks the key and mails a known, active owner.
async fn failed(
    db: &Db,
    account: Option<&AccountRow>,
    key: &str,
    login: &str,
    client: &ClientInfo,
    now: Millis,
) -> InfraResult<LoginOutcome> {
    let mut tx = db.begin().await?;
    let event = AuditEvent::LoginFailed {
        login_id: login.to_string(),
    };
    append(&mut tx, None, client, event, now).await?;
    LOGIN_FAILURES.record(&mut tx, key, now).await?;
    LOGIN_IP.record(&mut tx, &client.ip, now).await?;
    let locked = LOGIN_FAILURES.exceeded(&mut tx, key, now).await?;
    if locked {
        LOGIN_LOCK.record(&mut tx, key, now).await?;
        LOGIN_FAILURES.clear(&mut tx, key).await?;
        let owner = account.filter(|a| a.disabled_at.is_none() && !a.password_hash.is_empty());
        if let Some(owner) = owner {
            let email = Email::parse(&owner.email)
                .map_err(|_| InfraError::Corrupt("stored email".into()))?;
            let minutes = LOGIN_LOCK.window_ms / 60_000;
            let mail = MailTemplate::AccountLocked {
                name: owner.display_name.clone(),
                minutes,
            };
            outbox::enqueue(&mut tx, &email, &mail, now).await?;
        }
        append(
            &mut tx,
            None,
            client,
            AuditEvent::LoginLocked {
                key: key.to_string(),
            },
            now,
        )
        .await?;
        tracing::warn!("login locked after repeated failures");
    }
    tx.commit().await?;
    Ok(if locked {
        LoginOutcome::Locked
    } else {
        LoginOutcome::Invalid
    })
}
