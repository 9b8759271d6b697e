//! Mail settings from `PORTAL_SMTP_URL`, `PORTAL_MAIL_DIR`, `PORTAL_MAIL_FROM`,
//! `PORTAL_MAIL_POLL_SECONDS`.

use std::path::PathBuf;
use std::time::Duration;

/// Where mail goes.
#[derive(Clone)]
pub enum MailTransportConfig {
    /// An SMTP relay: `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://host:465`
    /// (TLS from the start), or `smtp://host:25` (plain, for a local relay or a test server).
    Smtp {
        /// The URL (may hold credentials, so `Debug` hides it).
        url: String,
    },
    /// One `.eml` file per mail in this folder (development default: `data/mail`).
    Files {
        /// Folder, created when needed.
        dir: PathBuf,
    },
}

impl std::fmt::Debug for MailTransportConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Smtp { .. } => f.write_str("Smtp(***)"),
            Self::Files { dir } => f.debug_struct("Files").field("dir", dir).finish(),
        }
    }
}

/// Mail configuration.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// Transport.
    pub transport: MailTransportConfig,
    /// `From:` mailbox, e.g. `ケアプラン連携ポータル <no-reply@portal.example.jp>`.
    pub from: String,
    /// How often the background worker looks at the outbox; `None` runs no worker (tests call
    /// `worker::run_pending` themselves).
    pub poll_interval: Option<Duration>,
}

impl MailConfig {
    /// Files under `dir`, the development default.
    pub fn files(dir: PathBuf) -> Self {
        Self {
            transport: MailTransportConfig::Files { dir },
            from: "ケアプラン連携ポータル <no-reply@localhost>".into(),
            poll_interval: Some(Duration::from_secs(5)),
        }
    }

    /// True when mail really leaves the machine.
    pub fn is_smtp(&self) -> bool {
        matches!(self.transport, MailTransportConfig::Smtp { .. })
    }
}
