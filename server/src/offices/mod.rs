//! 事業所 and 法人: the office directory, switching, registration.

pub mod create;
pub mod service;

pub use service::OfficeService;
