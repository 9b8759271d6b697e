mod check_link;
pub use check_link::*;
