//! Configuration from `PORTAL_*` environment variables, with defaults that run out of the box:
//! SQLite at `./data/portal.db`, files in `./data/objects`, listening on 127.0.0.1:3000.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;
use url::Url;

pub use crate::mail::{MailConfig, MailTransportConfig};
pub use crate::storage::StorageConfig;

/// Every variable the server reads, with its default and meaning (printed by `--help`).
pub const ENV_DOC: &[(&str, &str, &str)] = &[
    ("PORTAL_ENV", "development", "`production` turns development defaults into start-up errors"),
    ("PORTAL_BIND", "127.0.0.1:3000", "address and port to listen on"),
    ("PORTAL_BASE_URL", "http://127.0.0.1:3000", "public URL of the portal: links, cookies and the Origin check use it (never the Host header)"),
    ("PORTAL_DATABASE_URL", "sqlite://data/portal.db", "`sqlite://FILE` (created if missing) or `postgres://…` (migrations run as this user)"),
    ("PORTAL_DATABASE_APP_ROLE", "portal_app", "PostgreSQL only: role the app switches to after connecting (owns nothing, row-level security applies); empty to stay the connecting user"),
    ("PORTAL_DATABASE_MAX_CONNECTIONS", "10", "size of the connection pool"),
    ("PORTAL_STORAGE_DIR", "data/objects", "folder for stored files (local object store), unless PORTAL_S3_BUCKET is set"),
    ("PORTAL_S3_BUCKET", "", "store files in this S3-compatible bucket (credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)"),
    ("PORTAL_S3_ENDPOINT", "", "S3 endpoint URL for a non-AWS store, e.g. http://127.0.0.1:8333"),
    ("PORTAL_S3_REGION", "us-east-1", "S3 region"),
    ("PORTAL_MAX_FILE_MB", "10", "largest file accepted in one send, in MB"),
    ("PORTAL_MAX_FILES", "30", "most files accepted in one send"),
    ("PORTAL_SESSION_IDLE_MINUTES", "30", "sign out after this many minutes without a request"),
    ("PORTAL_SESSION_ABSOLUTE_HOURS", "12", "sign out this many hours after login, whatever the activity"),
    ("PORTAL_TRUST_PROXY", "false", "`true` behind nginx: take the client IP from X-Forwarded-For"),
    ("PORTAL_SMTP_URL", "(none: mail goes to files)", "SMTP relay: `smtp://user:pass@host:587?tls=required` (STARTTLS), `smtps://user:pass@host:465` (TLS), `smtp://host:25` (plain, local relay only); required in production"),
    ("PORTAL_MAIL_DIR", "data/mail", "without PORTAL_SMTP_URL: each mail is written here as a `.eml` file"),
    ("PORTAL_MAIL_FROM", "ケアプラン連携ポータル <no-reply@localhost>", "From: of every mail"),
    ("PORTAL_MAIL_POLL_SECONDS", "5", "how often the mail worker sends queued mail (and retries failures)"),
    ("PORTAL_RESET_LINK_MINUTES", "30", "validity of a password-reset link"),
    ("PORTAL_INVITE_LINK_DAYS", "7", "validity of an invitation link"),
    ("PORTAL_LOG_FORMAT", "pretty", "`json` for JSON lines (production), `pretty` for people"),
    ("RUST_LOG", "info", "log filter (tracing-subscriber EnvFilter syntax)"),
];

/// Whether development defaults are allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    /// Defaults that run on a laptop.
    Development,
    /// Insecure defaults are refused.
    Production,
}

/// Server configuration. Built once in `main` (or by the tests) and handed to `App::build`.
#[derive(Clone, Debug)]
pub struct Config {
    /// development or production.
    pub environment: Environment,
    /// Listen address.
    pub bind: SocketAddr,
    /// Public base URL, e.g. `https://portal.example.jp`.
    pub base_url: Url,
    /// Database settings.
    pub database: DatabaseConfig,
    /// Where files are stored.
    pub storage: StorageConfig,
    /// Upload limits.
    pub limits: UploadLimits,
    /// Session timeouts.
    pub session: SessionConfig,
    /// Take client IP from X-Forwarded-For.
    pub trust_proxy: bool,
    /// JSON log lines.
    pub log_json: bool,
    /// Mail transport and sender.
    pub mail: MailConfig,
    /// Lifetimes of one-time links.
    pub links: LinkConfig,
}

/// How long one-time links stay valid.
#[derive(Clone, Copy, Debug)]
pub struct LinkConfig {
    /// Password reset (default 30 minutes).
    pub reset: Duration,
    /// Invitation (default 7 days).
    pub invitation: Duration,
}

impl Default for LinkConfig {
    fn default() -> Self {
        Self {
            reset: Duration::from_secs(30 * 60),
            invitation: Duration::from_secs(7 * 24 * 3600),
        }
    }
}

/// Database connection settings.
#[derive(Clone, Debug)]
pub struct DatabaseConfig {
    /// `sqlite://…` or `postgres://…`.
    pub url: String,
    /// PostgreSQL role to `set role` to after connecting.
    pub app_role: Option<String>,
    /// Pool size.
    pub max_connections: u32,
}

/// How much one send may carry.
#[derive(Clone, Copy, Debug)]
pub struct UploadLimits {
    /// Largest file, in bytes.
    pub max_file_bytes: u64,
    /// Most files per send.
    pub max_files: usize,
}

impl Default for UploadLimits {
    fn default() -> Self {
        Self {
            max_file_bytes: 10 * 1024 * 1024,
            max_files: 30,
        }
    }
}

/// Session lifetime.
#[derive(Clone, Copy, Debug)]
pub struct SessionConfig {
    /// Idle timeout.
    pub idle: Duration,
    /// Absolute lifetime from login.
    pub absolute: Duration,
}

/// A variable that has a value the server cannot use.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct ConfigError {
    /// Variable name.
    pub name: &'static str,
    /// What is wrong with it.
    pub problem: String,
}

fn var(name: &'static str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse<T: std::str::FromStr>(name: &'static str, default: T) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    match var(name) {
        None => Ok(default),
        Some(raw) => raw.trim().parse().map_err(|e: T::Err| ConfigError {
            name,
            problem: e.to_string(),
        }),
    }
}

fn mail_from_env() -> Result<MailConfig, ConfigError> {
    let dir = PathBuf::from(var("PORTAL_MAIL_DIR").unwrap_or_else(|| "data/mail".into()));
    let mut mail = MailConfig::files(dir);
    if let Some(url) = var("PORTAL_SMTP_URL") {
        let scheme_ok = url.starts_with("smtp://") || url.starts_with("smtps://");
        if !scheme_ok {
            return Err(ConfigError {
                name: "PORTAL_SMTP_URL",
                problem: "expected smtp://… or smtps://…".into(),
            });
        }
        mail.transport = MailTransportConfig::Smtp { url };
    }
    if let Some(from) = var("PORTAL_MAIL_FROM") {
        if from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError {
                name: "PORTAL_MAIL_FROM",
                problem: "expected an address such as `ポータル <no-reply@example.jp>`".into(),
            });
        }
        mail.from = from;
    }
    let seconds: u64 = parse("PORTAL_MAIL_POLL_SECONDS", 5)?;
    mail.poll_interval = Some(Duration::from_secs(seconds.max(1)));
    Ok(mail)
}

impl Config {
    /// Reads the environment; production refuses development defaults.
    pub fn from_env() -> Result<Self, ConfigError> {
        let environment = match var("PORTAL_ENV").as_deref() {
            Some("production") => Environment::Production,
            Some("development") | None => Environment::Development,
            Some(other) => {
                return Err(ConfigError {
                    name: "PORTAL_ENV",
                    problem: format!("expected `development` or `production`, got `{other}`"),
                })
            }
        };
        let bind: SocketAddr = parse("PORTAL_BIND", SocketAddr::from(([127, 0, 0, 1], 3000)))?;
        let base_url = match var("PORTAL_BASE_URL") {
            Some(raw) => Url::parse(raw.trim()).map_err(|e| ConfigError {
                name: "PORTAL_BASE_URL",
                problem: e.to_string(),
            })?,
            None => Url::parse(&format!("http://{bind}")).map_err(|e| ConfigError {
                name: "PORTAL_BIND",
                problem: e.to_string(),
            })?,
        };
        let app_role = match std::env::var("PORTAL_DATABASE_APP_ROLE") {
            Ok(v) if v.trim().is_empty() => None,
            Ok(v) => Some(v.trim().to_string()),
            Err(_) => Some("portal_app".to_string()),
        };
        let config = Self {
            environment,
            bind,
            base_url,
            database: DatabaseConfig {
                url: var("PORTAL_DATABASE_URL").unwrap_or_else(|| "sqlite://data/portal.db".into()),
                app_role,
                max_connections: parse("PORTAL_DATABASE_MAX_CONNECTIONS", 10)?,
            },
            storage: match var("PORTAL_S3_BUCKET") {
                Some(bucket) => StorageConfig::S3 {
                    bucket,
                    endpoint: var("PORTAL_S3_ENDPOINT"),
                    region: var("PORTAL_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
                    credentials: None,
                },
                None => StorageConfig::Local(PathBuf::from(
                    var("PORTAL_STORAGE_DIR").unwrap_or_else(|| "data/objects".into()),
                )),
            },
            limits: UploadLimits {
                max_file_bytes: parse("PORTAL_MAX_FILE_MB", 10u64)? * 1024 * 1024,
                max_files: parse("PORTAL_MAX_FILES", 30usize)?,
            },
            session: SessionConfig {
                idle: Duration::from_secs(60 * parse("PORTAL_SESSION_IDLE_MINUTES", 30u64)?),
                absolute: Duration::from_secs(
                    3600 * parse("PORTAL_SESSION_ABSOLUTE_HOURS", 12u64)?,
                ),
            },
            trust_proxy: parse("PORTAL_TRUST_PROXY", false)?,
            log_json: var("PORTAL_LOG_FORMAT").as_deref() == Some("json"),
            mail: mail_from_env()?,
            links: LinkConfig {
                reset: Duration::from_secs(60 * parse("PORTAL_RESET_LINK_MINUTES", 30u64)?),
                invitation: Duration::from_secs(86_400 * parse("PORTAL_INVITE_LINK_DAYS", 7u64)?),
            },
        };
        config.check_production()?;
        Ok(config)
    }

    fn check_production(&self) -> Result<(), ConfigError> {
        if self.environment != Environment::Production {
            return Ok(());
        }
        if self.base_url.scheme() != "https" {
            return Err(ConfigError {
                name: "PORTAL_BASE_URL",
                problem: "production needs an https:// base URL (cookies are Secure)".into(),
            });
        }
        if !self.mail.is_smtp() {
            return Err(ConfigError {
                name: "PORTAL_SMTP_URL",
                problem: "production sends mail through an SMTP relay".into(),
            });
        }
        if !self.database.url.starts_with("postgres") {
            return Err(ConfigError {
                name: "PORTAL_DATABASE_URL",
                problem: "production runs on PostgreSQL".into(),
            });
        }
        Ok(())
    }

    /// Cookies are `Secure` (and `__Host-` prefixed) when the portal is served over https.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.scheme() == "https"
    }

    /// `scheme://host[:port]` of the base URL, as browsers send it in `Origin`.
    pub fn origin(&self) -> String {
        self.base_url.origin().ascii_serialization()
    }

    /// The `--help` text listing every variable.
    pub fn env_help() -> String {
        let mut text = String::from("Environment variables:\n");
        for (name, default, meaning) in ENV_DOC {
            text.push_str(&format!(
                "  {name:<34} default: {default}\n      {meaning}\n"
            ));
        }
        text
    }
}
