//! The exchange core over HTTP: upload, confirm, send, inbox/outbox, download, receipts.

mod attachments;
mod bad_input;
mod crossing;
mod drafts;
mod list_pages;
mod lost_files;
mod notify;
mod scripted_upload;
pub(crate) mod send_flow;
