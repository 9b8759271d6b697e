//! Server of the care-plan exchange portal (ケアプラン連携ポータル): configuration, router,
//! services, SQL, sessions and the system-operator CLI. Depends on `app`, never the reverse.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod cli;
pub mod clock;
pub mod config;
pub mod db;
pub mod error;
pub mod exchange;
pub mod http;
pub mod limits;
pub mod mail;
pub mod offices;
pub mod reconcile;
pub mod routing;
pub mod sessions;
pub mod spec_csv;
pub mod startup;
pub mod storage;
pub mod telemetry;
pub mod versions;
