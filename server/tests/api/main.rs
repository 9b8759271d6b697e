//! Integration tests: the real router over HTTP, each test on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

/// Declares one test per backend: `both!(name, |app| async { … })` becomes `name::sqlite` and
/// `name::postgres`, each with its own fresh database.
macro_rules! both {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let $app = crate::helpers::spawn_app(server::db::Backend::Sqlite).await;
                $body
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let $app = crate::helpers::spawn_app(server::db::Backend::Postgres).await;
                $body
            }
        }
    };
}

mod accounts;
mod admin;
mod audit;
mod auth;
mod browser;
mod exchange;
mod exchange_helpers;
mod forms;
mod health;
mod helpers;
mod mail_helpers;
mod offices;
mod reconcile;
mod routing;
mod schema;
mod storage;
mod transactions;
mod versions;
