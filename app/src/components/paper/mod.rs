//! 帳票表示: paper-like forms (MHLW 様式) and the version stamp printed on every page.
//! `VersionStampLine` and `SupersededBanner` are reusable wherever a version is shown.

mod choice;
mod fields;
mod person;
mod plan1;
mod plan2;
mod plan3;
mod prevention;
mod print_sheet;
mod usage;
mod usage_detail;
mod version_stamp;

pub use choice::ChoiceMarks;
pub use fields::{PaperFields, PaperText};
pub use person::{person_rows, person_title};
pub use plan1::Plan1Sheet;
pub use plan2::Plan2Sheet;
pub use plan3::Plan3Sheet;
pub use prevention::PreventionSheet;
pub use print_sheet::PrintSheet;
pub use usage::UsageSheet;
pub use usage_detail::UsageDetailSheet;
pub use version_stamp::{SupersededBanner, VersionStampLine};
