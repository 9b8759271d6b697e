//! The SQLite writer connection, and the group commit its writers share.
//!
//! Writers queue for the one connection first come, first served ([`SqliteWriter::lock`]).
//! When a writer finishes its work while others are queued behind it, it does not commit:
//! its work stays in the open transaction, the next writer continues that transaction inside
//! a savepoint of its own (so its failure undoes only its own work), and one `COMMIT` at the
//! end writes the whole group to the WAL. Writes that follow one another touch many of the
//! same pages (the tails of tables and of time-ordered indexes, a partner's roster and
//! version indexes), and each such page is then written once per group instead of once per
//! writer.
//!
//! Nobody is answered before their work is committed: a writer that left its work in the
//! group waits for the group's outcome ([`Pending::outcome`]). That wait runs in a task of its
//! own, which also queues for the connection and commits the group itself if nobody has by
//! then, so a group is committed even when the request that waits for it is dropped. A group
//! is closed when nobody is queued, or at [`MAX_GROUP_MEMBERS`] or [`MAX_GROUP_AGE`], which
//! bound the wait.
//!
//! With nobody queued a writer runs exactly as before: `BEGIN IMMEDIATE`, its work, `COMMIT`.

use crate::error::{InfraError, InfraResult};
use sqlx::any::AnyTransactionManager;
use sqlx::{AnyConnection, Connection, TransactionManager};
use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{watch, Mutex, OwnedMutexGuard};

/// How long a writer waits for its turn before it fails (as the pool's acquire timeout did).
const TURN_TIMEOUT: Duration = Duration::from_secs(10);

/// At most this many writers' work waits in one group for its commit.
pub const MAX_GROUP_MEMBERS: usize = 64;

/// A group whose first finished writer has waited this long for its commit is committed by
/// the next writer that finishes, queue or not.
pub const MAX_GROUP_AGE: Duration = Duration::from_millis(25);

/// The SQLite writer connection and how to open it again.
pub struct SqliteWriter {
    slot: Arc<Mutex<Slot>>,
    /// Writers waiting for the connection (not counting the tasks that wait to commit).
    queued: AtomicUsize,
    url: String,
    setup: String,
}

/// The connection and the group whose transaction is open on it.
struct Slot {
    conn: AnyConnection,
    group: Option<Group>,
    next_group: u64,
}

/// Writers' work in one open transaction, waiting for its `COMMIT`.
struct Group {
    id: u64,
    /// When the first writer finished and began to wait for the commit.
    waited_since: Option<Instant>,
    /// Writers that finished and wait for the outcome.
    members: usize,
    outcome: watch::Sender<Option<Outcome>>,
}

/// A group's commit: done, or the error's text (every member reports it).
type Outcome = Result<(), Arc<str>>;

/// The SQLite writer connection, held: while it is held no other write starts.
pub struct WriteTurn {
    slot: OwnedMutexGuard<Slot>,
    writer: Arc<SqliteWriter>,
    /// This turn's transaction is a savepoint inside a group another writer began.
    nested: bool,
}

/// A writer's finished work, waiting in a group for its commit.
pub struct Pending {
    writer: Arc<SqliteWriter>,
    group: u64,
    outcome: watch::Receiver<Option<Outcome>>,
}

/// Counts a writer as queued until it has the connection or gives up.
struct Queued<'a>(&'a AtomicUsize);

impl<'a> Queued<'a> {
    fn new(count: &'a AtomicUsize) -> Self {
        count.fetch_add(1, Ordering::AcqRel);
        Self(count)
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl SqliteWriter {
    /// Opens the writer connection and runs `setup` on it.
    pub async fn connect(url: &str, setup: &str) -> InfraResult<Arc<Self>> {
        let conn = Self::open(url, setup).await?;
        Ok(Arc::new(Self {
            slot: Arc::new(Mutex::new(Slot {
                conn,
                group: None,
                next_group: 0,
            })),
            queued: AtomicUsize::new(0),
            url: url.to_string(),
            setup: setup.to_string(),
        }))
    }

    async fn open(url: &str, setup: &str) -> InfraResult<AnyConnection> {
        use sqlx::Executor;
        let mut conn = AnyConnection::connect(url).await?;
        conn.execute(setup).await?;
        Ok(conn)
    }

    /// Waits for the connection (first come, first served).
    async fn lock(self: &Arc<Self>) -> InfraResult<WriteTurn> {
        let queued = Queued::new(&self.queued);
        let slot = tokio::time::timeout(TURN_TIMEOUT, self.slot.clone().lock_owned())
            .await
            .map_err(|_| sqlx::Error::PoolTimedOut)?;
        drop(queued);
        Ok(WriteTurn {
            slot,
            writer: self.clone(),
            nested: false,
        })
    }

    /// Waits for the connection and commits the open group first, for a write made through
    /// a connection of its own (which would otherwise meet the group's open transaction).
    pub async fn turn(self: &Arc<Self>) -> InfraResult<WriteTurn> {
        let mut turn = self.lock().await?;
        // A failed group is reported to its members; this turn's own write can go ahead.
        let _ = turn.commit_group().await;
        Ok(turn)
    }

    /// Starts a write transaction with `statement` (`BEGIN IMMEDIATE`), or a savepoint inside
    /// the open group.
    pub async fn begin(self: &Arc<Self>, statement: Cow<'static, str>) -> InfraResult<WriteTurn> {
        let mut turn = self.lock().await?;
        if turn.slot.group.is_some() {
            match AnyTransactionManager::begin(&mut turn.slot.conn, None).await {
                Ok(()) => {
                    turn.nested = true;
                    return Ok(turn);
                }
                // The connection's thread is gone, and the group's work with it.
                Err(sqlx::Error::WorkerCrashed) => turn.fail_group("the writer connection closed"),
                Err(error) => return Err(error.into()),
            }
        }
        let begun =
            AnyTransactionManager::begin(&mut turn.slot.conn, Some(statement.clone())).await;
        if let Err(sqlx::Error::WorkerCrashed) = begun {
            // The connection's thread is gone (a pool would have dropped the connection): open
            // a new one in its place.
            turn.slot.conn = Self::open(&self.url, &self.setup).await?;
            AnyTransactionManager::begin(&mut turn.slot.conn, Some(statement)).await?;
        } else {
            begun?;
        }
        let slot = &mut *turn.slot;
        slot.next_group += 1;
        slot.group = Some(Group {
            id: slot.next_group,
            waited_since: None,
            members: 0,
            outcome: watch::channel(None).0,
        });
        Ok(turn)
    }
}

impl WriteTurn {
    /// The connection.
    pub fn conn(&mut self) -> &mut AnyConnection {
        &mut self.slot.conn
    }

    /// The connection, to read.
    pub fn conn_ref(&self) -> &AnyConnection {
        &self.slot.conn
    }

    /// Ends this writer's transaction: its work joins the group when others are queued (the
    /// caller then releases the turn and waits on the [`Pending`]), else the group commits now.
    pub async fn finish(&mut self) -> InfraResult<Option<Pending>> {
        if self.nested {
            // `RELEASE SAVEPOINT`: the work is now the group's.
            AnyTransactionManager::commit(&mut self.slot.conn).await?;
            self.nested = false;
        }
        let queued = self.writer.queued.load(Ordering::Acquire) > 0;
        if let Some(group) = self.slot.group.as_mut() {
            let waited = group
                .waited_since
                .get_or_insert_with(Instant::now)
                .elapsed();
            if queued && group.members < MAX_GROUP_MEMBERS && waited < MAX_GROUP_AGE {
                group.members += 1;
                return Ok(Some(Pending {
                    writer: self.writer.clone(),
                    group: group.id,
                    outcome: group.outcome.subscribe(),
                }));
            }
        }
        self.commit_group().await?;
        Ok(None)
    }

    /// Undoes this writer's own work without waiting (a dropped, uncommitted transaction): its
    /// savepoint inside a group, or the whole transaction when it began the group (nobody else
    /// has work in it then).
    pub fn start_rollback(&mut self) {
        AnyTransactionManager::start_rollback(&mut self.slot.conn);
        if !std::mem::take(&mut self.nested) {
            self.slot.group = None;
        }
    }

    /// Commits the open group, if any, and tells its members.
    async fn commit_group(&mut self) -> InfraResult<()> {
        let Some(group) = self.slot.group.take() else {
            return Ok(());
        };
        let committed = AnyTransactionManager::commit(&mut self.slot.conn).await;
        let outcome = match &committed {
            Ok(()) => Ok(()),
            Err(error) => {
                tracing::error!(error.cause = %error, members = group.members, "group commit failed");
                let text: Arc<str> = Arc::from(error.to_string());
                self.recover().await;
                Err(text)
            }
        };
        group.outcome.send_replace(Some(outcome));
        Ok(committed?)
    }

    /// Tells the open group's members that their work is lost.
    fn fail_group(&mut self, reason: &str) {
        if let Some(group) = self.slot.group.take() {
            group.outcome.send_replace(Some(Err(Arc::from(reason))));
        }
    }

    /// After a failed `COMMIT`: rolls back, or opens a new connection when that fails too (the
    /// transaction depth sqlx counts would no longer match SQLite's).
    async fn recover(&mut self) {
        let conn = &mut self.slot.conn;
        let rolled_back = AnyTransactionManager::rollback(conn).await.is_ok()
            && AnyTransactionManager::get_transaction_depth(conn) == 0;
        if !rolled_back {
            match SqliteWriter::open(&self.writer.url, &self.writer.setup).await {
                Ok(conn) => self.slot.conn = conn,
                Err(error) => tracing::error!(error.cause = %error, "writer reconnect failed"),
            }
        }
    }
}

impl Pending {
    /// Waits for the group's commit, committing it when this task's turn comes first. Runs in
    /// a task of its own: the commit happens even if the caller stops waiting.
    pub async fn outcome(self) -> InfraResult<()> {
        let outcome = tokio::spawn(self.settle()).await?;
        outcome.map_err(|text| InfraError::GroupCommit(text.to_string()))
    }

    async fn settle(self) -> Outcome {
        let mut waiting = self.outcome.clone();
        let sent = async move {
            match waiting.wait_for(Option::is_some).await {
                Ok(outcome) => outcome.clone(),
                Err(_) => None,
            }
        };
        let ended = || Err(Arc::from("the group ended without an outcome"));
        tokio::select! {
            biased;
            outcome = sent => outcome.unwrap_or_else(ended),
            slot = self.writer.slot.clone().lock_owned() => {
                if slot.group.as_ref().map(|group| group.id) == Some(self.group) {
                    let mut turn = WriteTurn { slot, writer: self.writer.clone(), nested: false };
                    return turn.commit_group().await.map_err(|error| Arc::from(error.to_string()));
                }
                // Committed by someone else: the outcome is already sent.
                drop(slot);
                let outcome = self.outcome.borrow().clone();
                outcome.unwrap_or_else(ended)
            }
        }
    }
}
