//! 職員アカウント: login, the per-request caller, staff administration, and the lifecycle by
//! e-mail (invitations, password reset, one-time links, password policy).

pub mod caller;
pub mod invite;
pub mod lifecycle;
pub mod lifecycle_store;
pub mod login;
pub mod new_staff;
pub mod password_policy;
pub mod reset;
pub mod service;
pub mod sessions;
pub mod set_password;
pub mod store;
pub mod token;
pub mod two_factor;
pub mod user_session;

pub use lifecycle::LifecycleService;
pub use service::AccountService;
pub use sessions::SessionsService;
