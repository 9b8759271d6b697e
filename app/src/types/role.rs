//! 権限: what a staff member may do in one office.

use serde::{Deserialize, Serialize};
use std::fmt;

/// 権限 of a membership (staff × office).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 管理者: manages staff and settings of the office.
    Admin,
    /// 管理職: assigns received items and edits routing (issue 7).
    Manager,
    /// 職員: sends and receives.
    Staff,
}

impl Role {
    /// Every role, in the order forms list them.
    pub const ALL: [Role; 3] = [Role::Staff, Role::Manager, Role::Admin];

    /// Stable code stored in the database and sent by forms.
    pub fn code(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Manager => "manager",
            Role::Staff => "staff",
        }
    }
    /// Parses the stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
    /// Japanese label.
    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "管理者",
            Role::Manager => "管理職",
            Role::Staff => "職員",
        }
    }
    /// What the role allows, for the radio hints.
    pub fn hint(self) -> &'static str {
        match self {
            Role::Admin => "職員の追加・利用停止・権限の変更ができます。",
            Role::Manager => "受け取ったファイルを担当者に割り当てられます。",
            Role::Staff => "ファイルの送受信ができます。",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}
