//! Authentication: passwords, sessions, the per-request caller and role checks.

pub mod caller;
pub mod check;
pub mod client;
pub mod password;
pub mod request_reads;
pub mod session;

pub use check::AuthCheck;
pub use client::ClientInfo;
pub use request_reads::RequestReads;
pub use session::{PendingLogin, SessionLogin, TypedSession};
