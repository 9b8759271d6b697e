//! Views shared by the 予実突合 pages.

mod month_filter;
mod reconcile_links;
mod status_badge;

pub use month_filter::MonthFilter;
pub use reconcile_links::{month_query, ReconcileLinks};
pub use status_badge::ReconcileStatusBadge;
