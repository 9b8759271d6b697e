//! The caller's reads, handed on from the middleware to the page's list.
//!
//! The middleware reads the caller (and the navigation counts) on an office-scoped connection
//! of its own. On the pages named by [`hands_on_reads`] it does not finish those reads but
//! leaves them in the request, and the page's list takes them: on PostgreSQL that saves a
//! `BEGIN` with the scope and a `COMMIT` (two of a 受信 page's round trips), on SQLite a turn
//! of the pool.
//!
//! Only pages whose single database read is that list may be named: the connection is held
//! from the middleware until the list runs, and a page that took another connection meanwhile
//! could wait for the pool while holding one (with every worker doing the same, none would get
//! one). Reads not taken are dropped with the request (on PostgreSQL rolled back: they only
//! read).

use crate::db::OfficeReads;
use app::types::OfficeId;
use std::sync::{Arc, Mutex};

/// The middleware's open reads, left in the request's extensions for the page.
#[derive(Clone)]
pub struct RequestReads(Arc<Mutex<Option<OfficeReads>>>);

impl RequestReads {
    /// Holds `reads` for the page.
    pub fn new(reads: OfficeReads) -> Self {
        Self(Arc::new(Mutex::new(Some(reads))))
    }

    /// The request's reads, if the middleware left them for this page and they are scoped to
    /// `office`. Call it while rendering the page (it reads the request from the page's
    /// context), before the first `.await` of the call that uses it.
    pub fn take(office: OfficeId) -> Option<OfficeReads> {
        leptos::reactive::owner::with_context::<http::request::Parts, _>(|parts| {
            let held = parts.extensions.get::<RequestReads>()?;
            let reads = held.0.lock().ok()?.take();
            reads
        })
        .flatten()
        .filter(|reads| reads.office_id() == office)
    }
}

/// Pages (GET) whose one database read is the list that takes the request's reads: 受信,
/// 自分の受信 and 送信済み (未割当 also reads the staff to assign to, so it is not one). Their
/// navigation counts come with the caller.
pub fn hands_on_reads(path: &str) -> bool {
    matches!(path, "/inbox" | "/inbox/mine" | "/outbox")
}
