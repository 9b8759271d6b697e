//! `Db`: one pool over SQLite or PostgreSQL (sqlx's `Any` driver), so the same SQL text runs on
//! both. SQL uses `$1…$n`, TEXT ids, BIGINT Unix-millisecond times and nullable times instead
//! of booleans, which `Any` maps identically on both backends.
//!
//! Office data is reached only through [`Db::begin_office`] → [`OfficeTx`]; on PostgreSQL this
//! also sets `app.office_id`, which the row-level-security policies compare against.

mod batch;
mod checkpoint;
mod connect;
mod migrate;
mod tx;
mod writer;

pub use batch::{Batch, Statement};
pub use checkpoint::{spawn_checkpointer, WAL_SIZE_LIMIT_BYTES};
pub use connect::{connect, connect_url};
pub use migrate::migrate;
pub use tx::{Tx, Writer};
pub use writer::WriteTurn;

use crate::error::InfraResult;
use app::types::{OfficeId, UserId};
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool};
use std::borrow::Cow;

/// A fresh row id: a time-ordered UUID (version 7), as the typed ids of `app::types` are.
/// Rows inserted together then share the last pages of their key's index: a send's ten
/// version rows change one leaf page of each index on `version_id` or `delivery_id`, where
/// random ids changed ten, and SQLite writes every changed page to its WAL at commit
/// (PostgreSQL logs rows, and gains little). Ids are not secrets (every read checks the
/// office); tokens and session handles stay random.
pub fn new_row_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// Which database the pool talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite (default, tests, demo).
    Sqlite,
    /// PostgreSQL (production, with row-level security).
    Postgres,
}

impl Backend {
    /// Detects the backend from a database URL.
    pub fn from_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

/// The application's database handle.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    /// Where write transactions start. On SQLite one connection: writers queue for it (first
    /// come, first served) instead of in SQLite's busy handler, which sleeps in growing steps
    /// and made write latency spiky under load. On PostgreSQL the same pool.
    writer: Writer,
    backend: Backend,
}

/// A transaction scoped to one office: store functions filter by [`OfficeTx::office_id`].
pub struct OfficeTx {
    tx: Tx,
    office: OfficeId,
}

/// A connection for reads scoped to one office whose statements each stand alone (they need
/// no snapshot in common): see [`Db::office_reads`] and [`Db::member_reads`].
pub struct OfficeReads {
    handle: ReadsHandle,
    office: OfficeId,
}

enum ReadsHandle {
    /// SQLite: each statement is its own snapshot, so it needs no `BEGIN` and `COMMIT`, which
    /// are two more hand-offs to sqlx's connection thread.
    Pooled(PoolConnection<Any>),
    /// PostgreSQL: the row-level-security scope is transaction-local, so a transaction.
    Scoped(Tx),
}

impl Db {
    /// Wraps the connected pool and writer.
    pub fn new(pool: AnyPool, writer: Writer, backend: Backend) -> Self {
        Self {
            pool,
            writer,
            backend,
        }
    }

    /// The backend in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The pool, for single unscoped statements.
    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes later fails with
    /// "database is locked" when another writer committed in between, whatever the busy timeout.
    async fn begin_write(&self) -> InfraResult<Tx> {
        let statement = match self.backend {
            Backend::Sqlite => "BEGIN IMMEDIATE",
            Backend::Postgres => "BEGIN",
        };
        self.writer.begin(Cow::Borrowed(statement)).await
    }

    /// Waits for the writer's turn and holds it without writing, for a write made through a
    /// connection of its own (the session store's); on SQLite the writes queued before it are
    /// committed first (see `writer`). On SQLite that write then never meets one
    /// of ours in SQLite's busy handler, where either side would sleep in growing steps (the
    /// writer connection holding up every queued send meanwhile). `None` on PostgreSQL, whose
    /// writers take row locks, not one lock.
    pub async fn write_turn(&self) -> InfraResult<Option<WriteTurn>> {
        self.writer.turn().await
    }

    /// An unscoped transaction. Each caller is a review stop: office data needs `begin_office`.
    pub async fn begin(&self) -> InfraResult<Tx> {
        self.begin_write().await
    }

    /// A transaction that may only see and write `office`'s rows.
    pub async fn begin_office(&self, office: OfficeId) -> InfraResult<OfficeTx> {
        let statement = match self.backend {
            Backend::Sqlite => Cow::Borrowed("BEGIN IMMEDIATE"),
            Backend::Postgres => Cow::Owned(scoped_begin(&[("app.office_id", office.to_string())])),
        };
        let tx = self.writer.begin(statement).await?;
        Ok(OfficeTx { tx, office })
    }

    /// A read-only transaction scoped to `office` (pages that only read: readers never wait for
    /// writers on SQLite's WAL).
    pub async fn read_office(&self, office: OfficeId) -> InfraResult<OfficeTx> {
        let tx = self
            .begin_read(&[("app.office_id", office.to_string())])
            .await?;
        Ok(OfficeTx { tx, office })
    }

    /// A read transaction; on PostgreSQL `BEGIN` and the scope settings go in one round trip.
    async fn begin_read(&self, settings: &[(&'static str, String)]) -> InfraResult<Tx> {
        let statement = match self.backend {
            Backend::Sqlite => Cow::Borrowed("BEGIN"),
            Backend::Postgres => Cow::Owned(scoped_begin(settings)),
        };
        Tx::begin_pooled(&self.pool, statement).await
    }

    /// Reads scoped to `office` whose statements each stand alone (the navigation counts).
    /// Statements that must agree with each other need [`Db::read_office`] and its snapshot.
    pub async fn office_reads(&self, office: OfficeId) -> InfraResult<OfficeReads> {
        self.reads(office, &[("app.office_id", office.to_string())])
            .await
    }

    /// [`Db::office_reads`] that may also see `user`'s own memberships across offices (the
    /// per-request caller, then the navigation counts of the caller's office).
    pub async fn member_reads(&self, user: UserId, office: OfficeId) -> InfraResult<OfficeReads> {
        let settings = [
            ("app.user_id", user.to_string()),
            ("app.office_id", office.to_string()),
        ];
        self.reads(office, &settings).await
    }

    async fn reads(
        &self,
        office: OfficeId,
        settings: &[(&'static str, String)],
    ) -> InfraResult<OfficeReads> {
        let handle = match self.backend {
            Backend::Sqlite => ReadsHandle::Pooled(self.pool.acquire().await?),
            Backend::Postgres => ReadsHandle::Scoped(self.begin_read(settings).await?),
        };
        Ok(OfficeReads { handle, office })
    }

    /// Scopes an open transaction to `office` (one transaction that writes to several offices,
    /// such as registering an organisation, rescopes between them).
    pub async fn scope(&self, mut tx: Tx, office: OfficeId) -> InfraResult<OfficeTx> {
        self.set_scope(&mut tx, "app.office_id", &office.to_string())
            .await?;
        Ok(OfficeTx { tx, office })
    }

    /// A read transaction that may see `user`'s own memberships across offices (login, the
    /// office list; the per-request caller uses [`Db::member_reads`]).
    pub async fn begin_user(&self, user: UserId) -> InfraResult<Tx> {
        self.begin_read(&[("app.user_id", user.to_string())]).await
    }

    /// Scopes `tx` to `office` instead (a transaction that crosses offices, such as a send):
    /// no round trip when it already is.
    pub async fn rescope(&self, tx: OfficeTx, office: OfficeId) -> InfraResult<OfficeTx> {
        if tx.office == office {
            return Ok(tx);
        }
        self.scope(tx.tx, office).await
    }

    async fn set_scope(&self, tx: &mut Tx, name: &str, value: &str) -> InfraResult<()> {
        if self.backend == Backend::Postgres {
            sqlx::query("select set_config($1, $2, true)")
                .bind(name)
                .bind(value)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }

    /// True when the database answers (readiness).
    pub async fn ping(&self) -> bool {
        sqlx::query("select 1").execute(&self.pool).await.is_ok()
    }
}

/// The rows of a multi-row insert in which every row starts with the same `shared` values
/// (`$1…$shared`) and then takes `own` values of its own: `($1, $2, $3, $4), ($1, $2, $5, $6)`
/// for `shared_rows(2, 2, 2)`.
pub fn shared_rows(shared: usize, own: usize, count: usize) -> String {
    let head = placeholders(1, shared);
    let rows: Vec<String> = (0..count)
        .map(|i| {
            let tail = placeholders(shared + 1 + i * own, own);
            if shared == 0 {
                format!("({tail})")
            } else {
                format!("({head}, {tail})")
            }
        })
        .collect();
    rows.join(", ")
}

/// `$first, $first+1, …` for `count` bound values (an `in (…)` list, or one row of a
/// multi-row insert); the same text runs on SQLite and PostgreSQL.
pub fn placeholders(first: usize, count: usize) -> String {
    let marks: Vec<String> = (first..first + count).map(|k| format!("${k}")).collect();
    marks.join(", ")
}

/// `BEGIN` plus transaction-local settings, as one simple-protocol batch. The values are the
/// text of UUIDs (our typed ids), checked here again because they are written into the SQL.
fn scoped_begin(settings: &[(&'static str, String)]) -> String {
    let calls: Vec<String> = settings
        .iter()
        .map(|(name, value)| {
            let safe: String = value
                .chars()
                .filter(|c| c.is_ascii_hexdigit() || *c == '-')
                .collect();
            format!("set_config('{name}', '{safe}', true)")
        })
        .collect();
    format!("BEGIN; SELECT {}", calls.join(", "))
}

/// What office-scoped reads run on: a transaction ([`OfficeTx`]) or reads whose statements
/// each stand alone ([`OfficeReads`]). Functions that only read take `&mut impl OfficeConn`, so
/// a page that needs no snapshot in common can call them without a transaction.
pub trait OfficeConn: Send {
    /// The office the reads are scoped to.
    fn office_id(&self) -> OfficeId;
    /// The connection, for the next statement.
    fn conn(&mut self) -> &mut AnyConnection;
}

impl OfficeConn for OfficeReads {
    fn office_id(&self) -> OfficeId {
        self.office
    }

    fn conn(&mut self) -> &mut AnyConnection {
        OfficeReads::conn(self)
    }
}

impl OfficeConn for OfficeTx {
    fn office_id(&self) -> OfficeId {
        self.office
    }

    fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl OfficeReads {
    /// The office these reads are scoped to.
    pub fn office_id(&self) -> OfficeId {
        self.office
    }

    /// The connection, for the next statement.
    pub fn conn(&mut self) -> &mut AnyConnection {
        match &mut self.handle {
            ReadsHandle::Pooled(conn) => conn,
            ReadsHandle::Scoped(tx) => tx,
        }
    }

    /// Ends the reads (on PostgreSQL, ends the scoped transaction: see [`Tx::end_read`]).
    pub fn finish(self) {
        match self.handle {
            ReadsHandle::Pooled(_) => {}
            ReadsHandle::Scoped(tx) => tx.end_read(),
        }
    }
}

impl OfficeTx {
    /// The office this transaction is scoped to.
    pub fn office_id(&self) -> OfficeId {
        self.office
    }

    /// The connection, for running a statement.
    pub fn conn(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }

    /// The unscoped transaction back (to rescope it or to commit).
    pub fn into_tx(self) -> Tx {
        self.tx
    }

    /// Commits.
    pub async fn commit(self) -> InfraResult<()> {
        self.tx.commit().await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shared_rows_repeat_the_shared_values_and_number_the_rest_in_order() {
        assert_eq!(
            super::shared_rows(2, 2, 2),
            "($1, $2, $3, $4), ($1, $2, $5, $6)"
        );
        assert_eq!(super::shared_rows(0, 2, 2), "($1, $2), ($3, $4)");
    }

    /// What keeps a send's new rows on the last pages of their indexes: ids made one after
    /// another, even within one millisecond, sort in the order they were made (a random id
    /// fails this about every other pair).
    #[test]
    fn row_ids_made_one_after_another_sort_in_that_order() {
        let ids: Vec<String> = (0..1000).map(|_| super::new_row_id()).collect();
        assert!(ids.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
