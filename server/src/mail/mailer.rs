//! `Mailer`: lettre's async SMTP transport (STARTTLS or TLS through rustls), or `.eml` files.

use super::config::{MailConfig, MailTransportConfig};
use crate::error::{InfraError, InfraResult};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

/// How mail leaves the portal.
#[derive(Clone)]
pub enum Mailer {
    /// SMTP relay (pooled connections).
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `<mail id>.eml` file per mail (development and tests).
    Files(PathBuf),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Smtp(_) => f.write_str("Mailer::Smtp"),
            Self::Files(dir) => write!(f, "Mailer::Files({})", dir.display()),
        }
    }
}

/// A mail ready to send, as the outbox stores it.
#[derive(Clone, Debug)]
pub struct OutgoingMail {
    /// Outbox id, also the Message-ID (a resend after a crash can be recognised).
    pub mail_id: String,
    /// Recipient address.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
}

/// Why a send failed.
#[derive(Debug)]
pub struct SendError {
    /// The relay refused for good (5xx, bad address): retrying will not help.
    pub permanent: bool,
    /// Short description for the outbox row and the log (no body, no credentials).
    pub message: String,
}

impl Mailer {
    /// Builds the transport from configuration (no connection is made yet).
    pub fn from_config(config: &MailConfig) -> InfraResult<Self> {
        match &config.transport {
            MailTransportConfig::Smtp { url } => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|_| InfraError::Mail("PORTAL_SMTP_URL cannot be used".into()))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build();
                Ok(Self::Smtp(transport))
            }
            MailTransportConfig::Files { dir } => Ok(Self::Files(dir.clone())),
        }
    }

    /// Sends one mail from `from`.
    pub async fn send(&self, from: &str, mail: &OutgoingMail) -> Result<(), SendError> {
        let message = build_message(from, mail)?;
        match self {
            Self::Smtp(transport) => {
                transport
                    .send(message)
                    .await
                    .map(|_| ())
                    .map_err(|e| SendError {
                        permanent: e.is_permanent(),
                        message: e.to_string().chars().take(300).collect(),
                    })
            }
            Self::Files(dir) => {
                let write = async {
                    tokio::fs::create_dir_all(dir).await?;
                    let path = dir.join(format!("{}.eml", mail.mail_id));
                    tokio::fs::write(path, message.formatted()).await
                };
                write.await.map_err(|e| SendError {
                    permanent: false,
                    message: format!("mail folder: {e}"),
                })
            }
        }
    }
}

/// A text/plain UTF-8 message, base64 so any relay carries it unchanged. Addresses are parsed
/// by lettre, which refuses line breaks, and headers are encoded by it (no header injection).
fn build_message(from: &str, mail: &OutgoingMail) -> Result<Message, SendError> {
    let permanent = |message: &str| SendError {
        permanent: true,
        message: message.to_string(),
    };
    let from: Mailbox = from.parse().map_err(|_| permanent("bad From address"))?;
    let to: Mailbox = mail.to.parse().map_err(|_| permanent("bad To address"))?;
    let part = SinglePart::builder()
        .header(ContentType::TEXT_PLAIN)
        .header(ContentTransferEncoding::Base64)
        .body(mail.body.clone());
    Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(format!("<{}@care-plan-portal>", mail.mail_id)))
        .singlepart(part)
        .map_err(|_| permanent("message cannot be built"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(to: &str, subject: &str) -> OutgoingMail {
        OutgoingMail {
            mail_id: "m1".into(),
            to: to.into(),
            subject: subject.into(),
            body: "本文".into(),
        }
    }

    #[test]
    fn a_line_break_in_the_address_is_refused_for_good() {
        let error = build_message(
            "a@example.jp",
            &mail("x@example.jp\r\nBcc: y@evil.example", "件名"),
        )
        .unwrap_err();
        assert!(error.permanent);
    }

    #[test]
    fn a_line_break_in_the_subject_cannot_add_a_header() {
        let message = build_message(
            "a@example.jp",
            &mail("x@example.jp", "件名\r\nBcc: y@evil.example"),
        )
        .unwrap();
        let text = String::from_utf8(message.formatted()).unwrap();
        assert!(!text.contains("\r\nBcc:"), "{text}");
    }
}
