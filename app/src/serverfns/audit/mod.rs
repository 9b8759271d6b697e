mod recent_audit;
pub use recent_audit::*;
