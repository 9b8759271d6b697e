mod list_my_offices;
pub use list_my_offices::*;
