//! 2段階認証 (TOTP): enrolment with a QR code and a manual key, a confirming code before it
//! counts, 10 hashed recovery codes, the second login step with replay and brute-force
//! protection, the organisation's requirement, and an admin reset (mailed and audited).

mod service;
pub mod store;
pub mod totp;

pub use service::{SecondStep, TwoFactorService};
