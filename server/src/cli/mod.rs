//! Command-line entry points besides serving: system-operator commands and the demo seed.

pub mod create_org;
pub mod demo;
