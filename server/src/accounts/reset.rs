//! パスワードを忘れた場合 (self-service) and パスワード再設定メールを送る (office admin).

use super::lifecycle::{audit, too_many, LifecycleService};
use super::lifecycle_store as lstore;
use super::token::{self, Purpose};
use crate::accounts::new_staff::normalise_login_id;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::limits;
use crate::mail::{outbox, MailTemplate};
use app::types::{Caller, Email, UserId};
use app::AppError;

impl LifecycleService {
    /// Handles a forgotten-password request for a login id or address. The caller answers the
    /// same page whatever happens here (unknown account, disabled, pending invitation, per-account
    /// limit): only the per-IP limit is visible, and it does not depend on the account. The mail
    /// is only queued, so both paths run the same few statements and take the same time.
    #[tracing::instrument(skip_all)]
    pub async fn request_reset(&self, typed: &str, client: &ClientInfo) -> Result<(), AppError> {
        let now = self.clock.now();
        let login = match Email::parse(typed) {
            Ok(email) if typed.contains(['@', '＠']) => email.as_str().to_string(),
            _ => normalise_login_id(typed),
        };
        let account = self.resettable(&login).await?;
        let mut tx = self.db.begin().await?;
        if !limits::RESET_IP
            .try_acquire(&mut tx, &client.ip, now)
            .await?
        {
            return Err(too_many());
        }
        let key = account
            .as_ref()
            .map(|a| a.user_id.to_string())
            .unwrap_or_else(|| login.clone());
        let allowed = limits::RESET_ACCOUNT
            .try_acquire(&mut tx, &key, now)
            .await?;
        if let (Some(account), true) = (&account, allowed) {
            let token = token::issue(
                &mut tx,
                account.user_id,
                Purpose::PasswordReset,
                account.password_version,
                now,
                self.reset_ms(),
            )
            .await?;
            let mail = MailTemplate::PasswordReset {
                name: account.display_name.clone(),
                link: self.link("/password/reset", &token.secret),
                minutes: self.reset_minutes(),
                by_admin: false,
            };
            outbox::enqueue(&mut tx, &account.email, &mail, now).await?;
        }
        let event = AuditEvent::PasswordResetRequested {
            user: account.as_ref().map(|a| a.user_id),
            typed: login,
        };
        let actor = account.as_ref().map(|a| a.user_id);
        audit(&mut tx, None, actor, client, event, now).await?;
        tx.commit().await?;
        Ok(())
    }

    /// An active, activated account with at least one active office (anyone else gets no mail).
    async fn resettable(&self, login: &str) -> Result<Option<lstore::AccountFacts>, AppError> {
        let mut conn = self
            .db
            .pool()
            .acquire()
            .await
            .map_err(crate::error::InfraError::from)?;
        let Some(account) = lstore::find_active_by_login(&mut conn, login).await? else {
            return Ok(None);
        };
        drop(conn);
        let mut tx = self.db.begin_user(account.user_id).await?;
        let offices = super::store::active_memberships(&mut tx, account.user_id).await?;
        tx.commit().await?;
        Ok((!offices.is_empty()).then_some(account))
    }

    /// An office admin sends a staff member a reset link; the admin never sees or sets the
    /// password. Limited per staff member and per IP; audited in the office's chain.
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
        let member = super::store::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        let facts = lstore::facts(tx.conn(), user)
            .await?
            .ok_or(AppError::NotFound)?;
        if facts.activated_at.is_none() {
            return Err(AppError::conflict(
                "この職員はまだ招待中です。パスワードの再設定ではなく、招待メールを再送してください。",
            ));
        }
        if !member.active {
            return Err(AppError::conflict(
                "利用を停止している職員には、パスワード再設定メールを送れません。先に利用を再開してください。",
            ));
        }
        let limited = !limits::INVITE_IP
            .try_acquire(tx.conn(), &client.ip, now)
            .await?
            || !limits::ADMIN_RESET
                .try_acquire(tx.conn(), &user.to_string(), now)
                .await?;
        if limited {
            return Err(too_many());
        }
        let token = token::issue(
            tx.conn(),
            user,
            Purpose::PasswordReset,
            facts.password_version,
            now,
            self.reset_ms(),
        )
        .await?;
        let mail = MailTemplate::PasswordReset {
            name: facts.display_name.clone(),
            link: self.link("/password/reset", &token.secret),
            minutes: self.reset_minutes(),
            by_admin: true,
        };
        outbox::enqueue(tx.conn(), &facts.email, &mail, now).await?;
        let event = AuditEvent::PasswordResetSentByAdmin { user };
        crate::audit::record(&mut tx, caller, client, event, now).await?;
        tx.commit().await?;
        tracing::info!(user.id = %user, "admin sent a password reset mail");
        Ok(member.display_name)
    }
}
