mod two_factor_status;
pub use two_factor_status::*;
