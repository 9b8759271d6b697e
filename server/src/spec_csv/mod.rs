//! ケアプランデータ連携標準仕様 (standard-spec CSV interface files), as described in
//! `spec.md`. Pure: bytes in, typed results out; no I/O, no clock, no logging.
//!
//! Entry points: [`file_name::parse`], [`decode::ms932`], [`validate::validate_file`],
//! [`parse::read_table`] / [`parse::parse_records`], [`send_unit::check_units`],
//! [`version_key::keys`], [`version_key::deletions`], [`persons::persons`], [`diff::diff`],
//! [`write::write_records`].

pub mod csv_read;
pub mod decode;
pub mod diff;
pub mod file_kind;
pub mod file_name;
pub mod layouts;
pub mod parse;
pub mod persons;
pub mod report;
pub mod sample;
pub mod send_unit;
mod split;
pub mod validate;
pub mod values;
pub mod version_key;
pub mod write;

pub use file_kind::FileKind;
pub use file_name::{NameMonth, NameVersion, Party, SpecFileName};
pub use report::{FileReport, Finding, Rule, Severity};
