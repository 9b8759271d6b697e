//! Small views shared by pages. One component per file, CSS block of the same name.

mod error_summary;
mod error_view;
mod file_findings;
mod layout;
mod notice_banner;
pub mod paper;
mod persons_list;
pub mod reconcile;
mod routing;
mod set_password_form;
mod steps;
mod text_field;
mod version;

pub use error_summary::ErrorSummary;
pub use error_view::ErrorView;
pub use file_findings::FileFindings;
pub use layout::Layout;
pub use notice_banner::NoticeBanner;
pub use persons_list::PersonsList;
pub use routing::{count_label, AssigneeCell, AssigneeFilter, ItemRoutingSection, StaffSelect};
pub use set_password_form::SetPasswordForm;
pub use steps::Steps;
pub use text_field::TextField;
pub use version::{by_whom, DiffTable, SupersededBanner, VersionBadge, VersionNotes, VersionPanel};
