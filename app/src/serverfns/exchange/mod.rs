mod get_delivery;
mod get_draft;
mod list_deliveries;
mod list_drafts;
pub use get_delivery::*;
pub use get_draft::*;
pub use list_deliveries::*;
pub use list_drafts::*;
