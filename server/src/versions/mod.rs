//! 版の管理 (version tracking): every received or sent record set is a version in a chain per
//! office pair, insured person and document (spec.md §4: keys, deletions, order by 連番).
//!
//! - [`build::record_delivery`]: called once per delivery inside the send's transaction.
//! - [`chain`]: the pure rules (最新 / 更新済 / 旧計画 / 取消, 版 n/m, predecessor).
//! - [`latest`]: the API other modules use ("latest live version of a document between my
//!   office and a partner", with the files and record ranges).
//! - [`service`]: what the pages read (timeline, diff, badges) and 内容確認済.

pub mod build;
pub mod chain;
pub mod compare;
mod diff_page;
pub mod extract;
pub mod latest;
mod marks;
mod pages;
pub mod ranges;
pub mod read_store;
pub mod service;
pub mod stamps;
pub mod store;
pub mod view;

pub use build::record_delivery;
pub use marks::marks_of_rows;
pub use service::VersionService;
