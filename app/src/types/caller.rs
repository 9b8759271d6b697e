//! The signed-in person and the office they act for, resolved once per request by the server.

use super::{OfficeId, OfficeNumber, Role, ServiceTypeCode, UserId};
use serde::{Deserialize, Serialize};

/// 現在の事業所: the office a caller acts for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentOffice {
    /// Office id (the tenant scope of every query).
    pub id: OfficeId,
    /// 事業所名.
    pub name: String,
    /// 事業所番号.
    pub number: OfficeNumber,
    /// サービス種類コード.
    pub service_type: ServiceTypeCode,
}

/// ログイン中の職員 with their role in the current office.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caller {
    /// Staff account.
    pub user_id: UserId,
    /// 氏名.
    pub display_name: String,
    /// The office chosen for this session.
    pub office: CurrentOffice,
    /// 権限 in that office.
    pub role: Role,
    /// How many active memberships the person has (the switch link shows when > 1).
    pub office_count: usize,
}

impl Caller {
    /// The tenant scope.
    pub fn office_id(&self) -> OfficeId {
        self.office.id
    }
    /// True for 管理者.
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}
