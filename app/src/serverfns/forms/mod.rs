mod get_form;
pub use get_form::*;
