//! 操作履歴: an append-only, hash-chained audit log written in the same transaction as the
//! action it records.

pub mod event;
pub mod service;
pub mod store;

pub use event::AuditEvent;
pub use service::AuditService;
