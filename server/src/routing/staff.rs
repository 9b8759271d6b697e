//! Who may be 担当: active, activated members of the office. Assigning to anyone else (a
//! disabled user, someone of another office, an invitation not yet accepted) is refused.

use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::{Role, StaffRef, UserId};
use app::AppError;

/// An active member with their role and mail settings.
#[derive(Clone, Debug)]
pub struct Member {
    pub id: UserId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub notify_mode: String,
}

impl Member {
    /// A member from its columns (user id, display name, email, role code, notify mode); `None`
    /// for an id or role that does not parse.
    pub fn from_row(
        id: String,
        name: String,
        email: String,
        role: &str,
        notify_mode: String,
    ) -> Option<Self> {
        Some(Self {
            id: id.parse().ok()?,
            name,
            email,
            role: Role::from_code(role)?,
            notify_mode,
        })
    }

    /// As a choice.
    pub fn to_ref(&self) -> StaffRef {
        StaffRef {
            id: self.id,
            name: self.name.clone(),
        }
    }
}

/// Active members of the transaction's office, by name.
pub async fn active_members(tx: &mut OfficeTx) -> InfraResult<Vec<Member>> {
    let office = tx.office_id().to_string();
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "select s.user_id, s.display_name, s.email, m.role, s.notify_mode
           from membership m join staff_account s on s.user_id = m.user_id
          where m.office_id = $1 and m.disabled_at is null and s.disabled_at is null
            and s.activated_at is not null
          order by s.display_name, s.login_id",
    )
    .bind(office)
    .fetch_all(tx.conn())
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, name, email, role, mode)| Member::from_row(id, name, email, &role, mode))
        .collect())
}

/// The active member `user`, or a Japanese field error naming `field`.
pub async fn require_active(
    tx: &mut OfficeTx,
    user: &str,
    field: &str,
) -> Result<Member, AppError> {
    let members = active_members(tx).await?;
    members
        .into_iter()
        .find(|m| m.id.to_string() == user)
        .ok_or_else(|| {
            AppError::invalid(
                field,
                "担当者には、この事業所で利用中の職員を選んでください。利用停止中の職員やほかの事業所の職員は選べません。",
            )
        })
}

/// Active members as choices.
pub async fn choices(tx: &mut OfficeTx) -> InfraResult<Vec<StaffRef>> {
    Ok(active_members(tx)
        .await?
        .iter()
        .map(Member::to_ref)
        .collect())
}
