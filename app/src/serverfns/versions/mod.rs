mod compare_versions;
mod file_versions;
mod get_delivery_versions;
mod get_partner_status;
mod unseen_versions;
mod version_timeline;

pub use compare_versions::*;
pub use file_versions::*;
pub use get_delivery_versions::*;
pub use get_partner_status::*;
pub use unseen_versions::*;
pub use version_timeline::*;
