//! 版の管理 views: badge, superseded banner, the versions of a delivery, diff table.

mod diff_table;
mod superseded_banner;
mod version_badge;
mod version_notes;
mod version_panel;

pub use diff_table::DiffTable;
pub use superseded_banner::SupersededBanner;
pub use version_badge::VersionBadge;
pub use version_notes::VersionNotes;
pub use version_panel::VersionPanel;

use crate::format::date_time;
use crate::types::ByWhom;

/// 「介護 一郎（2026年4月1日 09:00）」, or `none` when it has not happened.
pub fn by_whom(who: &Option<ByWhom>, none: &str) -> String {
    match who {
        Some(b) => format!("{}（{}）", b.name, date_time(b.at_ms)),
        None => none.to_string(),
    }
}
