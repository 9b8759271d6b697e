//! `AuthCheck`: the one-line role check at the top of every recipe.

use app::types::{Caller, Role};
use app::AppError;

/// Which roles may run a recipe.
#[derive(Clone, Copy, Debug)]
pub struct AuthCheck {
    roles: &'static [Role],
}

impl AuthCheck {
    /// Any member of the office.
    pub fn member() -> Self {
        Self {
            roles: &[Role::Admin, Role::Manager, Role::Staff],
        }
    }
    /// 管理者 only.
    pub fn admin() -> Self {
        Self {
            roles: &[Role::Admin],
        }
    }
    /// 管理職 and 管理者.
    pub fn manager() -> Self {
        Self {
            roles: &[Role::Admin, Role::Manager],
        }
    }
    /// `Forbidden` unless the caller's role is allowed.
    pub fn check(self, caller: &Caller) -> Result<(), AppError> {
        if self.roles.contains(&caller.role) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}
