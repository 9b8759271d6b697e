//! Mail: templates, the outbox and the worker that delivers it.
//!
//! Any recipe that wants to send a mail writes it to the outbox **in its own transaction**:
//!
//! ```ignore
//! use crate::mail::{outbox, MailTemplate};
//! outbox::enqueue(tx.conn(), &email, &MailTemplate::PasswordChanged { name }, now).await?;
//! tx.commit().await?;
//! ```
//!
//! If the transaction rolls back, nothing is sent; once it commits, the worker ([`worker`])
//! delivers the mail through the configured [`Mailer`] (SMTP, or `.eml` files in development),
//! retrying with back-off while the relay is down. Mails carry no care data: names of people
//! and offices, and links into the portal only.

pub mod config;
pub mod mailer;
pub mod outbox;
pub mod templates;
pub mod worker;

pub use config::{MailConfig, MailTransportConfig};
pub use mailer::Mailer;
pub use templates::MailTemplate;
