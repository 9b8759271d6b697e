//! Views of routing shared by the inbox lists and the item page.

mod assignee_cell;
mod item_routing;
mod nav_count;
mod staff_select;

pub use assignee_cell::{AssigneeCell, AssigneeFilter};
pub use item_routing::ItemRoutingSection;
pub use nav_count::{shown as count_label, NavCount};
pub use staff_select::StaffSelect;
