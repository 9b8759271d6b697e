//! [`Tx`], the portal's transaction, and the SQLite writer it starts on.
//!
//! On SQLite every write transaction runs on one connection (SQLite has one write lock), and
//! writers queue for it first come, first served. sqlx's pool of one connection did that, but
//! each release of the connection spawned a task that pinged the connection's thread before
//! the next writer could have it. [`Writer`] hands the connection over through a fair mutex
//! instead (measured on sends one at a time: 7–12% less server CPU per send), and writers
//! queued together share one `COMMIT` (see `writer`).

use super::writer::{SqliteWriter, WriteTurn};
use crate::error::InfraResult;
use sqlx::any::AnyTransactionManager;
use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyConnection, AnyPool, TransactionManager};
use std::borrow::Cow;
use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// An open transaction; it rolls back when dropped uncommitted.
pub struct Tx {
    conn: Held,
    open: bool,
}

/// The connection a transaction runs on.
enum Held {
    /// One of a pool's connections (every transaction on PostgreSQL, reads on SQLite).
    Pooled(PoolConnection<Any>),
    /// The SQLite writer, held for the transaction's length.
    Writer(WriteTurn),
}

/// Where write transactions start: see the module doc.
#[derive(Clone)]
pub enum Writer {
    /// PostgreSQL: the application pool (writers take row locks, not one lock).
    Pool(AnyPool),
    /// SQLite: the one writer connection.
    Sqlite(Arc<SqliteWriter>),
}

impl fmt::Debug for Writer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pool(pool) => f.debug_tuple("Pool").field(pool).finish(),
            Self::Sqlite(_) => f.write_str("Sqlite"),
        }
    }
}

impl Writer {
    /// Waits for the SQLite writer's turn (FIFO), `None` on PostgreSQL.
    pub async fn turn(&self) -> InfraResult<Option<WriteTurn>> {
        match self {
            Self::Pool(_) => Ok(None),
            Self::Sqlite(writer) => Ok(Some(writer.turn().await?)),
        }
    }

    /// Starts a write transaction with `statement` (`BEGIN IMMEDIATE` on SQLite).
    pub async fn begin(&self, statement: Cow<'static, str>) -> InfraResult<Tx> {
        match self {
            Self::Pool(pool) => Tx::begin_pooled(pool, statement).await,
            Self::Sqlite(writer) => Ok(Tx {
                conn: Held::Writer(writer.begin(statement).await?),
                open: true,
            }),
        }
    }
}

impl Tx {
    /// Starts a transaction on one of `pool`'s connections.
    pub async fn begin_pooled(pool: &AnyPool, statement: Cow<'static, str>) -> InfraResult<Self> {
        Self::begin(Held::Pooled(pool.acquire().await?), statement).await
    }

    async fn begin(mut conn: Held, statement: Cow<'static, str>) -> InfraResult<Self> {
        AnyTransactionManager::begin(&mut conn, Some(statement)).await?;
        Ok(Self { conn, open: true })
    }

    /// Commits; the connection goes back to the pool or to the next writer. On SQLite the
    /// work may be committed with the writers queued behind this one (see `writer`): this
    /// returns once it is.
    pub async fn commit(mut self) -> InfraResult<()> {
        let pending = match &mut self.conn {
            Held::Pooled(conn) => {
                AnyTransactionManager::commit(conn).await?;
                None
            }
            // On an error `self` is dropped, which undoes what is left of this writer's work.
            Held::Writer(turn) => turn.finish().await?,
        };
        self.open = false;
        // Lets the next writer in before waiting for the group's commit.
        drop(self);
        match pending {
            Some(pending) => pending.outcome().await,
            None => Ok(()),
        }
    }

    /// Ends a transaction that only read, without waiting for the database: its rollback is
    /// queued on the connection and sent with the pool's check of the released connection (a
    /// read commits nothing). On PostgreSQL one round trip fewer than [`Tx::commit`].
    pub fn end_read(self) {
        drop(self);
    }
}

impl Drop for Tx {
    fn drop(&mut self) {
        if self.open {
            // Queued on the connection's thread ahead of anything its next user sends.
            match &mut self.conn {
                Held::Pooled(conn) => AnyTransactionManager::start_rollback(conn),
                Held::Writer(turn) => turn.start_rollback(),
            }
        }
    }
}

impl Deref for Held {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        match self {
            Self::Pooled(conn) => conn,
            Self::Writer(turn) => turn.conn_ref(),
        }
    }
}

impl DerefMut for Held {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        match self {
            Self::Pooled(conn) => conn,
            Self::Writer(turn) => turn.conn(),
        }
    }
}

impl Deref for Tx {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.conn
    }
}

impl DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.conn
    }
}

/// Opens the SQLite writer connection and runs `setup` on it (the pools' per-connection setup).
pub async fn connect_writer(url: &str, setup: &str) -> InfraResult<Writer> {
    Ok(Writer::Sqlite(SqliteWriter::connect(url, setup).await?))
}
