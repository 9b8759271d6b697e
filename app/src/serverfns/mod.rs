//! Server functions: one per file, two lines each (scope, then the port).

pub mod audit;
pub mod exchange;
pub mod forms;
pub mod links;
pub mod offices;
pub mod reconcile;
pub mod routing;
pub mod sessions;
pub mod staff;
pub mod two_factor;
pub mod versions;
