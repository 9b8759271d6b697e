//! 職員アカウント: login, the per-request caller, staff administration.

pub mod caller;
pub mod login;
pub mod new_staff;
pub mod service;
pub mod store;

pub use service::AccountService;
