//! 事業所: the caller's office list and office switching.

use crate::accounts::store as account_store;
use crate::audit::{store as audit_store, AuditEvent};
use crate::auth::{ClientInfo, SessionLogin};
use crate::clock::Clock;
use crate::db::Db;
use app::ports::OfficePort;
use app::types::{Caller, MyOffice, OfficeId};
use app::AppError;

/// Office directory reads for the signed-in person.
#[derive(Clone, Debug)]
pub struct OfficeService {
    db: Db,
    clock: Clock,
}

impl OfficeService {
    /// New service.
    pub fn new(db: Db, clock: Clock) -> Self {
        Self { db, clock }
    }

    /// Switches the session to another office the caller belongs to; `NotFound` for any office
    /// they are not an active member of (never reveal that it exists). Returns the office name.
    #[tracing::instrument(skip_all, fields(office.id = %office))]
    pub async fn switch_office(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        login: &mut SessionLogin,
        office: OfficeId,
    ) -> Result<String, AppError> {
        let mut tx = self.db.begin_user(caller.user_id).await?;
        let memberships = account_store::active_memberships(&mut tx, caller.user_id).await?;
        tx.commit().await?;
        let target = memberships
            .iter()
            .find(|m| m.office_id == office.to_string())
            .ok_or(AppError::NotFound)?;
        let mut tx = self.db.begin_office(office).await?;
        let event = AuditEvent::OfficeSwitched { to: office };
        let entry = audit_store::NewEntry {
            office: Some(office),
            actor: Some(caller.user_id),
            event: &event,
            client,
            at: self.clock.now(),
        };
        audit_store::append(tx.conn(), entry).await?;
        tx.commit().await?;
        login.office_id = office;
        Ok(target.office_name.clone())
    }
}

#[async_trait::async_trait]
impl OfficePort for OfficeService {
    #[tracing::instrument(skip_all, fields(user.id = %caller.user_id))]
    async fn list_my_offices(&self, caller: &Caller) -> Result<Vec<MyOffice>, AppError> {
        let mut tx = self.db.begin_user(caller.user_id).await?;
        let rows = account_store::active_memberships(&mut tx, caller.user_id).await?;
        tx.commit().await?;
        let mut offices = Vec::with_capacity(rows.len());
        for row in rows {
            let (number, service_type) = row.office_codes()?;
            let id = row.office()?;
            offices.push(MyOffice {
                id,
                name: row.office_name.clone(),
                number,
                service_type,
                organisation_name: row.organisation_name.clone(),
                role: row.role()?,
                current: id == caller.office_id(),
            });
        }
        Ok(offices)
    }
}
