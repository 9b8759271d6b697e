//! Command-line entry points besides serving: system-operator commands and the demo seed.

pub mod check;
pub mod create_org;
pub mod demo;
pub mod demo_files;
pub mod demo_reconcile;
