//! The portal's transactions (`db::Tx`): what is not committed is not kept, and a write that
//! never finished (an error, a client gone mid-request) does not hold up the writes after it.
//! On SQLite every write runs on one connection handed from writer to writer, so a write left
//! half-way on it would wedge every later send.

use crate::helpers::TestApp;
use server::db::{Backend, Db};
use std::time::Duration;

async fn insert(tx: &mut server::db::Tx, bucket: &str) {
    sqlx::query("insert into rate_limit_event (bucket, occurred_at) values ($1, 1)")
        .bind(bucket)
        .execute(&mut **tx)
        .await
        .unwrap();
}

/// Rows of `bucket` a reading connection sees (what is committed).
async fn kept(db: &Db, bucket: &str) -> i64 {
    sqlx::query_scalar("select count(*) from rate_limit_event where bucket = $1")
        .bind(bucket)
        .fetch_one(db.pool())
        .await
        .unwrap()
}

/// A write started now goes through within five seconds (nothing left the writer wedged).
async fn next_write_goes_through(app: &TestApp, bucket: &str) {
    let next = async { open_write(&app.db, bucket).await.commit().await.unwrap() };
    tokio::time::timeout(Duration::from_secs(5), next)
        .await
        .expect("the next write started");
    assert_eq!(kept(&app.db, bucket).await, 1);
}

/// An open write of one row into `bucket`.
async fn open_write(db: &Db, bucket: &str) -> server::db::Tx {
    let mut tx = db.begin().await.unwrap();
    insert(&mut tx, bucket).await;
    tx
}

/// A request that opens a write of one row into `bucket` and then never finishes, as one whose
/// client went away mid-send would: its task, and word once the write is open.
fn stuck_write(
    app: &TestApp,
    bucket: &'static str,
) -> (
    tokio::task::JoinHandle<()>,
    tokio::sync::oneshot::Receiver<()>,
) {
    let db = app.db.clone();
    let (began, is_open) = tokio::sync::oneshot::channel();
    let task = tokio::spawn(async move {
        let _tx = open_write(&db, bucket).await;
        began.send(()).unwrap();
        std::future::pending::<()>().await;
    });
    (task, is_open)
}

both!(
    a_write_dropped_before_its_commit_is_rolled_back_and_the_next_write_goes_ahead,
    |app| {
        drop(open_write(&app.db, "dropped").await);
        open_write(&app.db, "kept").await.commit().await.unwrap();
        assert_eq!(kept(&app.db, "dropped").await, 0);
        assert_eq!(kept(&app.db, "kept").await, 1);
    }
);

both!(
    a_request_cancelled_inside_its_write_does_not_hold_up_the_writes_after_it,
    |app| {
        // Aborting the stuck request drops its write where it stands.
        let (task, is_open) = stuck_write(&app, "cancelled");
        is_open.await.unwrap();
        task.abort();
        let _ = task.await;
        next_write_goes_through(&app, "after").await;
        assert_eq!(kept(&app.db, "cancelled").await, 0);
    }
);

both!(
    on_sqlite_writes_take_turns_and_each_sees_the_one_before,
    |app| {
        if app.backend != Backend::Sqlite {
            return; // PostgreSQL writers take row locks and do not queue for one connection.
        }
        let first = open_write(&app.db, "turn").await;
        let db = app.db.clone();
        let second = tokio::spawn(async move {
            let mut tx = db.begin().await.unwrap();
            let seen: i64 =
                sqlx::query_scalar("select count(*) from rate_limit_event where bucket = 'turn'")
                    .fetch_one(&mut *tx)
                    .await
                    .unwrap();
            insert(&mut tx, "turn").await;
            tx.commit().await.unwrap();
            seen
        });
        tokio::time::sleep(Duration::from_millis(200)).await;
        assert!(
            !second.is_finished(),
            "the second write waits for the first"
        );
        first.commit().await.unwrap();
        assert_eq!(second.await.unwrap(), 1);
        assert_eq!(kept(&app.db, "turn").await, 2);
    }
);

// On SQLite, writes queued behind one another share one `COMMIT` (`db::writer`); each must
// still be kept or undone on its own, and be visible once its commit returns.
both!(
    writes_queued_together_are_each_kept_or_undone_on_their_own,
    |app| {
        let first = open_write(&app.db, "first").await;
        let queue = |bucket: &'static str, commit: bool| {
            let app_db = app.db.clone();
            tokio::spawn(async move {
                let tx = open_write(&app_db, bucket).await;
                if !commit {
                    return None; // dropped uncommitted, as a write that failed half-way
                }
                tx.commit().await.unwrap();
                // Seen by a reading connection as soon as the commit returns.
                Some(kept(&app_db, bucket).await)
            })
        };
        let second = queue("second", true);
        let failed = queue("failed", false);
        let third = queue("third", true);
        // On SQLite the three now wait behind `first` (on PostgreSQL they run beside it).
        tokio::time::sleep(Duration::from_millis(200)).await;
        first.commit().await.unwrap();
        assert_eq!(
            kept(&app.db, "first").await,
            1,
            "seen once its commit returned"
        );
        assert_eq!(second.await.unwrap(), Some(1));
        assert_eq!(failed.await.unwrap(), None);
        assert_eq!(third.await.unwrap(), Some(1));
        assert_eq!(kept(&app.db, "failed").await, 0);
        assert_eq!(kept(&app.db, "second").await, 1);
        assert_eq!(kept(&app.db, "third").await, 1);
    }
);

both!(
    a_write_whose_request_went_away_while_its_commit_was_shared_is_still_kept,
    |app| {
        if app.backend != Backend::Sqlite {
            return; // PostgreSQL commits each transaction on its own connection.
        }
        let first = open_write(&app.db, "went-away").await;
        // A writer queued behind `first` that takes the connection and never finishes, so
        // `first`'s commit waits on it.
        let (stuck, is_open) = stuck_write(&app, "stuck");
        tokio::time::sleep(Duration::from_millis(200)).await;
        let committing = tokio::spawn(first.commit());
        is_open.await.unwrap();
        // Both requests go away: `first`'s while it waits for the shared commit.
        committing.abort();
        let _ = committing.await;
        stuck.abort();
        let _ = stuck.await;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
        while kept(&app.db, "went-away").await == 0 {
            assert!(
                tokio::time::Instant::now() < deadline,
                "the finished write was committed"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(kept(&app.db, "stuck").await, 0);
        // And the writer is free for the next write.
        next_write_goes_through(&app, "after").await;
    }
);
