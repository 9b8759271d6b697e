//! 版の管理: chains built by sends, pages, diff, confirmation, isolation.

mod chains;
mod confirm;
mod deletions;
mod diff;
mod fixtures;
mod pages;
