//! Logging: pretty for people, JSON lines in production. Secrets, file contents and personal
//! data are never logged (handlers use `#[instrument(skip_all)]` and name fields explicitly).

use tracing_subscriber::{fmt, EnvFilter};

/// Installs the global subscriber once (later calls are ignored, as in tests).
pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
