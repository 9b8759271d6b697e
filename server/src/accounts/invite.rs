//! 職員の招待: an admin adds staff by e-mail; the invitee sets their own password through a
//! link valid for 7 days. Pending invitations can be resent (a new link; the old one dies) or
//! withdrawn (the unused account is removed).

use super::lifecycle::{too_many, LifecycleService};
use super::lifecycle_store as lstore;
use super::new_staff::NewStaff;
use super::store::{self, NewAccount};
use super::token::{self, Purpose};
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::db::OfficeTx;
use crate::limits;
use crate::mail::{outbox, MailTemplate};
use app::types::{Caller, Email, FieldError, UserId};
use app::AppError;

impl LifecycleService {
    /// 職員の追加: a pending account in the office's organisation, a membership here, and an
    /// invitation mail. Returns the new account's id.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn invite_staff(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        new: NewStaff,
    ) -> Result<UserId, AppError> {
        AuthCheck::admin().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        if !limits::INVITE_IP
            .try_acquire(tx.conn(), &client.ip, now)
            .await?
        {
            return Err(too_many());
        }
        let mut conflicts = Vec::new();
        if store::login_id_taken(tx.conn(), &new.login_id).await? {
            conflicts.push(FieldError {
                field: "login_id".into(),
                message: "このログインIDは既に使われています。別のIDにしてください。".into(),
            });
        }
        if store::email_taken(tx.conn(), &new.email).await? {
            conflicts.push(FieldError {
                field: "email".into(),
                message: "このメールアドレスは既に登録されています。".into(),
            });
        }
        if !conflicts.is_empty() {
            return Err(AppError::Invalid(conflicts));
        }
        let user = UserId::new();
        let organisation = store::office_organisation(&mut tx).await?;
        let account = NewAccount {
            user,
            organisation,
            login_id: &new.login_id,
            email: &new.email,
            display_name: &new.display_name,
            // No password until the invitee sets one: login treats the account as unknown.
            password_hash: "",
            at: now,
        };
        if let Err(error) = store::insert_account(tx.conn(), account).await {
            return Err(super::service::unique_to_conflict(error));
        }
        store::insert_membership(&mut tx, user, new.role, now).await?;
        self.send_invitation(&mut tx, user, &new.display_name, &new.email, caller)
            .await?;
        let event = AuditEvent::StaffCreated {
            user,
            role: new.role,
        };
        crate::audit::record(&mut tx, caller, client, event, now).await?;
        tx.commit().await?;
        tracing::info!(user.id = %user, "staff invited");
        Ok(user)
    }

    async fn send_invitation(
        &self,
        tx: &mut OfficeTx,
        user: UserId,
        name: &str,
        email: &Email,
        caller: &Caller,
    ) -> Result<(), AppError> {
        let now = self.clock.now();
        let token = token::issue(
            tx.conn(),
            user,
            Purpose::Invitation,
            1,
            now,
            self.invitation_ms(),
        )
        .await?;
        let mail = MailTemplate::Invitation {
            name: name.to_string(),
            office: caller.office.name.clone(),
            link: self.link("/invitation", &token.secret),
            days: self.invitation_days(),
        };
        outbox::enqueue(tx.conn(), email, &mail, now).await?;
        Ok(())
    }

    /// 招待メールを再送する: a new link (the old one dies). Only for pending invitations.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn resend_invitation(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        user: UserId,
    ) -> Result<String, AppError> {
        AuthCheck::admin().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let member = store::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        let facts = lstore::facts(tx.conn(), user)
            .await?
            .ok_or(AppError::NotFound)?;
        if facts.activated_at.is_some() {
            return Err(AppError::conflict(
                "この職員は既にパスワードを設定しています。招待は終わっています。",
            ));
        }
        if !limits::INVITE_IP
            .try_acquire(tx.conn(), &client.ip, now)
            .await?
        {
            return Err(too_many());
        }
        self.send_invitation(&mut tx, user, &facts.display_name, &facts.email, caller)
            .await?;
        let event = AuditEvent::InvitationResent { user };
        crate::audit::record(&mut tx, caller, client, event, now).await?;
        tx.commit().await?;
        Ok(member.display_name)
    }

    /// 招待を取り消す: the link dies and the unused account is removed.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn revoke_invitation(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        user: UserId,
    ) -> Result<String, AppError> {
        AuthCheck::admin().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let member = store::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        if !lstore::delete_pending(&mut tx, user).await? {
            return Err(AppError::conflict(
                "この職員は既にパスワードを設定しているため、招待は取り消せません。利用を停止してください。",
            ));
        }
        let event = AuditEvent::InvitationRevoked { user };
        crate::audit::record(&mut tx, caller, client, event, now).await?;
        tx.commit().await?;
        Ok(member.display_name)
    }
}
