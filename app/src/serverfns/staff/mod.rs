mod get_staff;
mod list_staff;
pub use get_staff::*;
pub use list_staff::*;
