//! Staff administration recipes (scope, load, check, write, audit, commit) and `StaffPort`.

use super::store;
use crate::audit::AuditEvent;
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Clock;
use crate::db::Db;
use app::ports::StaffPort;
use app::types::{Caller, Role, StaffMember, UserId};
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

pub(crate) fn unique_to_conflict(error: crate::error::InfraError) -> AppError {
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
