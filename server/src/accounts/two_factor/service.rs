//! `TwoFactorService`: the recipes of 2段階認証 and `TwoFactorPort`.

use super::{store, totp};
use crate::accounts::lifecycle::too_many;
use crate::audit::{store as audit_store, AuditEvent};
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Clock;
use crate::db::Db;
use crate::error::InfraError;
use crate::limits;
use crate::mail::{outbox, MailTemplate};
use app::ports::TwoFactorPort;
use app::types::{Caller, Email, Enrolment, TwoFactorStatus, UserId};
use app::AppError;
use sqlx::AnyConnection;

/// 2段階認証.
#[derive(Clone, Debug)]
pub struct TwoFactorService {
    db: Db,
    clock: Clock,
}

/// How a second-step code was received.
#[derive(Debug, PartialEq, Eq)]
pub enum SecondStep {
    /// Right code (or an unused recovery code).
    Accepted,
    /// Wrong, replayed or used code.
    Refused,
    /// Too many wrong codes: the account is locked like after failed passwords.
    Locked,
}

async fn audit(
    conn: &mut AnyConnection,
    office: Option<app::types::OfficeId>,
    actor: UserId,
    client: &ClientInfo,
    event: AuditEvent,
    at: i64,
) -> Result<(), AppError> {
    let entry = audit_store::NewEntry {
        office,
        actor: Some(actor),
        event: &event,
        client,
        at,
    };
    Ok(audit_store::append(conn, entry).await?)
}

impl TwoFactorService {
    /// New service.
    pub fn new(db: Db, clock: Clock) -> Self {
        Self { db, clock }
    }

    async fn conn(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, AppError> {
        Ok(self.db.pool().acquire().await.map_err(InfraError::from)?)
    }

    /// True when the account has 2段階認証 on.
    pub async fn is_enabled(&self, user: UserId) -> Result<bool, AppError> {
        let mut conn = self.conn().await?;
        Ok(store::state(&mut conn, user)
            .await?
            .is_some_and(|s| s.totp_enabled_at.is_some()))
    }

    /// 設定を始める: a new secret to scan (replacing an unconfirmed one).
    #[tracing::instrument(skip_all)]
    pub async fn start(&self, caller: &Caller) -> Result<(), AppError> {
        let mut conn = self.conn().await?;
        if !store::set_pending_secret(&mut conn, caller.user_id, &totp::new_secret()).await? {
            return Err(AppError::conflict("2段階認証は既に設定されています。"));
        }
        Ok(())
    }

    /// 確認コード: turns 2段階認証 on and returns the recovery codes (shown once).
    #[tracing::instrument(skip_all)]
    pub async fn confirm(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        code: &str,
    ) -> Result<Vec<String>, AppError> {
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let state = store::state(&mut tx, caller.user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let Some(secret) = state
            .totp_secret
            .filter(|_| state.totp_enabled_at.is_none())
        else {
            return Err(AppError::conflict(
                "設定を始めるところから、もう一度お試しください。",
            ));
        };
        let step = totp::matching_step(&secret, &state.login_id, code, now)?;
        let Some(step) = step else {
            return Err(AppError::invalid(
                "code",
                "確認コードが正しくありません。アプリに表示されている6桁の数字を入力してください。",
            ));
        };
        store::enable(&mut tx, caller.user_id, step, now).await?;
        let codes = totp::new_recovery_codes();
        let hashes: Vec<String> = codes.iter().map(|c| totp::hash_recovery_code(c)).collect();
        store::store_recovery_codes(&mut tx, caller.user_id, &hashes, now).await?;
        audit(
            &mut tx,
            None,
            caller.user_id,
            client,
            AuditEvent::TwoFactorEnabled,
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// The second login step: a 6-digit code (each time step once) or a recovery code.
    /// Five wrong codes in 15 minutes lock the account for 15 minutes.
    #[tracing::instrument(skip_all)]
    pub async fn check_login_code(
        &self,
        user: UserId,
        code: &str,
        client: &ClientInfo,
    ) -> Result<SecondStep, AppError> {
        let now = self.clock.now();
        let key = user.to_string();
        let mut tx = self.db.begin().await?;
        if limits::LOGIN_LOCK.exceeded(&mut tx, &key, now).await? {
            return Ok(SecondStep::Locked);
        }
        let state = store::state(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        let accepted = match (state.totp_secret.as_deref(), state.totp_enabled_at) {
            (Some(secret), Some(_)) => {
                match totp::matching_step(secret, &state.login_id, code, now)? {
                    Some(step) => store::use_step(&mut tx, user, step).await?,
                    None => {
                        store::use_recovery_code(
                            &mut tx,
                            user,
                            &totp::hash_recovery_code(code),
                            now,
                        )
                        .await?
                    }
                }
            }
            _ => false,
        };
        if accepted {
            limits::TOTP_FAILURES.clear(&mut tx, &key).await?;
            tx.commit().await?;
            return Ok(SecondStep::Accepted);
        }
        limits::TOTP_FAILURES.record(&mut tx, &key, now).await?;
        let locked = limits::TOTP_FAILURES.exceeded(&mut tx, &key, now).await?;
        if locked {
            limits::LOGIN_LOCK.record(&mut tx, &key, now).await?;
            limits::TOTP_FAILURES.clear(&mut tx, &key).await?;
            audit(
                &mut tx,
                None,
                user,
                client,
                AuditEvent::LoginLocked { key: key.clone() },
                now,
            )
            .await?;
        }
        tx.commit().await?;
        Ok(if locked {
            SecondStep::Locked
        } else {
            SecondStep::Refused
        })
    }

    /// 2段階認証をリセットする (office admin): off, secret and codes gone, the person mailed.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn admin_reset(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        user: UserId,
    ) -> Result<String, AppError> {
        AuthCheck::admin().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let member = crate::accounts::store::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        if !limits::INVITE_IP
            .try_acquire(tx.conn(), &client.ip, now)
            .await?
        {
            return Err(too_many());
        }
        if !store::clear(tx.conn(), user).await? {
            return Err(AppError::conflict(
                "この職員は2段階認証を設定していません。",
            ));
        }
        let email = Email::parse(member.email.as_str())
            .map_err(|_| InfraError::Corrupt("stored email".into()))?;
        let mail = MailTemplate::TwoFactorReset {
            name: member.display_name.clone(),
        };
        outbox::enqueue(tx.conn(), &email, &mail, now).await?;
        crate::audit::record(
            &mut tx,
            caller,
            client,
            AuditEvent::TwoFactorReset { user },
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(member.display_name)
    }

    /// 法人の全職員に必須にする (or not), by an office admin.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn set_required(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        required: bool,
    ) -> Result<(), AppError> {
        AuthCheck::admin().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        store::set_required(tx.conn(), caller.office_id(), required.then_some(now)).await?;
        let event = AuditEvent::TwoFactorRequirementChanged { required };
        crate::audit::record(&mut tx, caller, client, event, now).await?;
        tx.commit().await?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl TwoFactorPort for TwoFactorService {
    #[tracing::instrument(skip_all)]
    async fn status(&self, caller: &Caller) -> Result<TwoFactorStatus, AppError> {
        let mut conn = self.conn().await?;
        let state = store::state(&mut conn, caller.user_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let enabled = state.totp_enabled_at.is_some();
        let enrolling = match (&state.totp_secret, enabled) {
            (Some(secret), false) => {
                let (url, qr) = totp::enrolment(secret, &state.login_id)?;
                Some(Enrolment {
                    qr_data_uri: qr,
                    manual_key: totp::grouped(secret),
                    otpauth_url: url,
                })
            }
            _ => None,
        };
        let left = if enabled {
            store::recovery_codes_left(&mut conn, caller.user_id).await?
        } else {
            0
        };
        Ok(TwoFactorStatus {
            enabled,
            enrolling,
            recovery_codes_left: left,
            required_by_organisation: state.require_two_factor_at.is_some(),
        })
    }
}
