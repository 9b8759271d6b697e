//! Staff administration recipes (scope, load, check, write, audit, commit) and `StaffPort`.

use super::new_staff::NewStaff;
use super::store::{self, NewAccount};
use crate::audit::AuditEvent;
use crate::auth::password;
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Clock;
use crate::db::Db;
use app::ports::StaffPort;
use app::types::{Caller, FieldError, Role, StaffMember, UserId};
use app::AppError;

/// Staff accounts and memberships of an office.
#[derive(Clone, Debug)]
pub struct AccountService {
    db: Db,
    clock: Clock,
}

impl AccountService {
    /// New service.
    pub fn new(db: Db, clock: Clock) -> Self {
        Self { db, clock }
    }

    /// 職員の追加: a new account in the office's organisation with a membership here.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn create_staff(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        new: NewStaff,
    ) -> Result<UserId, AppError> {
        AuthCheck::admin().check(caller)?;
        let mut conflicts = Vec::new();
        {
            let mut conn = self
                .db
                .pool()
                .acquire()
                .await
                .map_err(crate::error::InfraError::from)?;
            if store::login_id_taken(&mut conn, &new.login_id).await? {
                conflicts.push(FieldError {
                    field: "login_id".into(),
                    message: "このログインIDは既に使われています。別のIDにしてください。".into(),
                });
            }
            if store::email_taken(&mut conn, &new.email).await? {
                conflicts.push(FieldError {
                    field: "email".into(),
                    message: "このメールアドレスは既に登録されています。".into(),
                });
            }
        }
        if !conflicts.is_empty() {
            return Err(AppError::Invalid(conflicts));
        }
        let hash = password::hash(new.password).await?;
        let user = UserId::new();
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let organisation = store::office_organisation(&mut tx).await?;
        let account = NewAccount {
            user,
            organisation,
            login_id: &new.login_id,
            email: &new.email,
            display_name: &new.display_name,
            password_hash: &hash,
            at: now,
        };
        if let Err(error) = store::insert_account(tx.conn(), account).await {
            // A concurrent request took the id between the check and the insert.
            return Err(unique_to_conflict(error));
        }
        store::insert_membership(&mut tx, user, new.role, now).await?;
        crate::audit::record(
            &mut tx,
            caller,
            client,
            AuditEvent::StaffCreated {
                user,
                role: new.role,
            },
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        tracing::info!(user.id = %user, "staff created");
        Ok(user)
    }

    /// 権限の変更. Admins cannot change their own role (the office would lose its admin).
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn set_role(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        user: UserId,
        role: Role,
    ) -> Result<(), AppError> {
        AuthCheck::admin().check(caller)?;
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let member = store::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        if user == caller.user_id {
            return Err(AppError::invalid(
                "role",
                "自分の権限は変更できません。ほかの管理者に依頼してください。",
            ));
        }
        if member.role == role {
            return Ok(());
        }
        store::set_role(&mut tx, user, role).await?;
        crate::audit::record(
            &mut tx,
            caller,
            client,
            AuditEvent::StaffRoleChanged {
                user,
                from: member.role,
                to: role,
            },
            self.clock.now(),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// 利用停止 (`disable = true`) or 利用再開. Admins cannot disable themselves.
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    pub async fn set_active(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        user: UserId,
        active: bool,
    ) -> Result<StaffMember, AppError> {
        AuthCheck::admin().check(caller)?;
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let member = store::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        if user == caller.user_id && !active {
            return Err(AppError::conflict(
                "自分自身の利用は停止できません。ほかの管理者に依頼してください。",
            ));
        }
        let disabled_at = (!active).then(|| self.clock.now());
        if store::set_disabled(&mut tx, user, disabled_at).await? {
            let event = if active {
                AuditEvent::StaffEnabled { user }
            } else {
                AuditEvent::StaffDisabled { user }
            };
            crate::audit::record(&mut tx, caller, client, event, self.clock.now()).await?;
        }
        tx.commit().await?;
        Ok(member)
    }
}

fn unique_to_conflict(error: crate::error::InfraError) -> AppError {
    if let crate::error::InfraError::Db(sqlx::Error::Database(db)) = &error {
        if db.kind() == sqlx::error::ErrorKind::UniqueViolation {
            return AppError::conflict("同じログインIDまたはメールアドレスが、たった今ほかの操作で登録されました。内容を確認してください。");
        }
    }
    error.into()
}

#[async_trait::async_trait]
impl StaffPort for AccountService {
    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    async fn list_staff(&self, caller: &Caller) -> Result<Vec<StaffMember>, AppError> {
        AuthCheck::admin().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let staff = store::list_staff(&mut tx).await?;
        tx.commit().await?;
        Ok(staff)
    }

    #[tracing::instrument(skip_all, fields(office.id = %caller.office_id()))]
    async fn get_staff(&self, caller: &Caller, user: UserId) -> Result<StaffMember, AppError> {
        AuthCheck::admin().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let member = store::find_staff(&mut tx, user)
            .await?
            .ok_or(AppError::NotFound)?;
        tx.commit().await?;
        Ok(member)
    }
}
