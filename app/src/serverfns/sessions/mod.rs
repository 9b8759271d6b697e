mod list_sessions;
pub use list_sessions::*;
