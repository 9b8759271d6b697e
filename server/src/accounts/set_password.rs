//! Setting a password through a one-time link (reset or invitation): check the link, check
//! the policy, then consume the token, store the hash, end other sessions (the version bump),
//! kill the user's other tokens, mail a notice, audit: one transaction.

use super::lifecycle::{audit, too_many, LifecycleService};
use super::lifecycle_store as lstore;
use super::password_policy::{self, Owner};
use super::token::{self, Purpose};
use crate::audit::AuditEvent;
use crate::auth::password::{self, Password};
use crate::auth::ClientInfo;
use crate::limits;
use crate::mail::{outbox, MailTemplate};
use app::ports::AccountLinkPort;
use app::types::{Email, LinkInfo, LinkPurpose};
use app::AppError;

fn purpose(p: LinkPurpose) -> Purpose {
    match p {
        LinkPurpose::PasswordReset => Purpose::PasswordReset,
        LinkPurpose::Invitation => Purpose::Invitation,
    }
}

impl LifecycleService {
    /// Sets the password of the link's owner. `NotFound` for a dead link (unknown, used,
    /// expired, revoked, or the password changed since); `Invalid` for a password the policy
    /// refuses (the link stays usable); `RateLimited` after many dead links from one IP.
    #[tracing::instrument(skip_all)]
    pub async fn complete_link(
        &self,
        secret: &str,
        link: LinkPurpose,
        new_password: Password,
        client: &ClientInfo,
    ) -> Result<(), AppError> {
        let now = self.clock.now();
        let purpose = purpose(link);
        let owner = {
            let mut conn = self
                .db
                .pool()
                .acquire()
                .await
                .map_err(crate::error::InfraError::from)?;
            if limits::TOKEN_IP
                .exceeded(&mut conn, &client.ip, now)
                .await?
            {
                return Err(too_many());
            }
            let owner = token::find_valid(&mut conn, secret, purpose, now).await?;
            if owner.is_none() {
                limits::TOKEN_IP.record(&mut conn, &client.ip, now).await?;
            }
            owner.ok_or(AppError::NotFound)?
        };
        let details = Owner {
            login_id: &owner.login_id,
            email: &owner.email,
            display_name: &owner.display_name,
        };
        let two_factor = {
            let mut conn = self
                .db
                .pool()
                .acquire()
                .await
                .map_err(crate::error::InfraError::from)?;
            crate::accounts::two_factor::store::state(&mut conn, owner.user_id)
                .await?
                .is_some_and(|s| s.totp_enabled_at.is_some())
        };
        password_policy::check(&new_password, &details, two_factor)
            .map_err(|message| AppError::invalid("password", message))?;
        let hash = password::hash(new_password).await?;
        let now = self.clock.now();
        let mut tx = self.db.begin().await?;
        let user = owner.user_id;
        if !token::consume(&mut tx, secret, &owner, now).await?
            || !lstore::set_password(&mut tx, user, &hash, owner.password_version, now).await?
        {
            return Err(AppError::NotFound);
        }
        token::revoke_all(&mut tx, user, now).await?;
        // The version bump already stops them; this also clears ログイン中の端末.
        super::user_session::end_others(&mut tx, user, "", now).await?;
        limits::LOGIN_FAILURES
            .clear(&mut tx, &user.to_string())
            .await?;
        limits::LOGIN_LOCK.clear(&mut tx, &user.to_string()).await?;
        if purpose == Purpose::PasswordReset {
            let email = Email::parse(&owner.email)
                .map_err(|_| crate::error::InfraError::Corrupt("stored email".into()))?;
            let mail = MailTemplate::PasswordChanged {
                name: owner.display_name.clone(),
                login_url: self.login_url(),
            };
            outbox::enqueue(&mut tx, &email, &mail, now).await?;
        }
        let event = AuditEvent::PasswordSet {
            user,
            via: purpose.code(),
        };
        audit(&mut tx, None, Some(user), client, event, now).await?;
        tx.commit().await?;
        tracing::info!(user.id = %user, via = purpose.code(), "password set through a link");
        Ok(())
    }
}

#[async_trait::async_trait]
impl AccountLinkPort for LifecycleService {
    #[tracing::instrument(skip_all)]
    async fn check_link(&self, secret: String, link: LinkPurpose) -> Result<LinkInfo, AppError> {
        let mut conn = self
            .db
            .pool()
            .acquire()
            .await
            .map_err(crate::error::InfraError::from)?;
        let owner = token::find_valid(&mut conn, &secret, purpose(link), self.clock.now())
            .await?
            .ok_or(AppError::NotFound)?;
        let two_factor = crate::accounts::two_factor::store::state(&mut conn, owner.user_id)
            .await?
            .is_some_and(|s| s.totp_enabled_at.is_some());
        Ok(LinkInfo {
            display_name: owner.display_name,
            login_id: owner.login_id,
            password_hint: password_policy::hint(two_factor),
        })
    }

    fn reset_minutes(&self) -> i64 {
        LifecycleService::reset_minutes(self)
    }

    fn password_hint(&self) -> String {
        password_policy::hint(false)
    }
}
