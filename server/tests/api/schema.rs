//! The schema itself: parallel migrations, row-level security on PostgreSQL, tenant walls.

use server::db::Backend;

#[test]
fn sqlite_and_postgres_migrations_have_the_same_names() {
    let names = |dir: &str| {
        let mut names: Vec<String> = std::fs::read_dir(format!(
            "{}/../migrations/{dir}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
        names.sort();
        names
    };
    assert_eq!(names("sqlite"), names("postgres"));
    assert!(!names("sqlite").is_empty());
}

both!(
    every_office_owned_table_has_forced_row_level_security,
    |app| {
        if app.backend != Backend::Postgres {
            return; // SQLite has no RLS; the cross-office tests run on both backends instead.
        }
        let mut conn = app.owner_connection().await;
        let tables: Vec<(String, bool, bool)> = sqlx::query_as(
        "select c.relname::text, c.relrowsecurity, c.relforcerowsecurity
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and c.relname <> 'office'
            and exists (select 1 from information_schema.columns i
                         where i.table_schema = 'public' and i.table_name = c.relname and i.column_name in ('office_id', 'chain'))",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
        assert!(tables.len() >= 3, "{tables:?}");
        for (table, enabled, forced) in tables {
            assert!(enabled && forced, "{table} lacks forced row-level security");
        }
    }
);

both!(
    a_read_scoped_to_one_office_cannot_see_anothers_rows,
    |app| {
        // A transaction, and the reads whose statements stand alone (per-request reads),
        // also those that see the caller's memberships, alike.
        let mut tx = app.db.begin_office(app.office_a).await.unwrap();
        let in_transaction = office_b_rows(tx.conn(), &app).await;
        tx.commit().await.unwrap();
        let mut reads = app.db.office_reads(app.office_a).await.unwrap();
        let in_reads = office_b_rows(reads.conn(), &app).await;
        reads.finish();
        let mut reads = app.db.member_reads(app.cm1, app.office_a).await.unwrap();
        let in_member_reads = office_b_rows(reads.conn(), &app).await;
        reads.finish();
        for (what, (visible, audit)) in [
            ("a transaction", in_transaction),
            ("office reads", in_reads),
            ("member reads", in_member_reads),
        ] {
            if app.backend == Backend::Postgres {
                assert!(
                    visible.is_empty() && audit.is_empty(),
                    "RLS must hide office B from {what} in office A's scope"
                );
            } else {
                // SQLite relies on the store's office filters; the HTTP tests prove those per route.
                assert!(!visible.is_empty(), "{what}");
            }
        }
    }
);

async fn office_b_rows(
    conn: &mut sqlx::AnyConnection,
    app: &crate::helpers::TestApp,
) -> (Vec<(String,)>, Vec<(String,)>) {
    let visible = sqlx::query_as("select office_id from membership where office_id = $1")
        .bind(app.office_b.to_string())
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    let audit = sqlx::query_as("select chain from audit_log where chain = $1")
        .bind(app.office_b.to_string())
        .fetch_all(&mut *conn)
        .await
        .unwrap();
    (visible, audit)
}

/// SQLite only: PostgreSQL manages its own WAL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_large_write_does_not_leave_a_large_sqlite_wal_file_behind() {
    let app = crate::helpers::spawn_app(Backend::Sqlite).await;
    let wal = format!("{}-wal", app.database_url.trim_start_matches("sqlite://"));
    let mut tx = app.db.begin().await.unwrap();
    sqlx::query("create table scratch (bytes blob)")
        .execute(&mut *tx)
        .await
        .unwrap();
    // 32 MiB in one transaction, as a large import would write.
    sqlx::query(
        "with recursive n (k) as (select 1 union all select k + 1 from n where k < 32)
             insert into scratch (bytes) select randomblob(1048576) from n",
    )
    .execute(&mut *tx)
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let written = std::fs::metadata(&wal).unwrap().len();
    assert!(written > 32 * 1024 * 1024, "WAL of {written} bytes");
    // After a checkpoint, the next write starts the WAL over and cuts the file back.
    let limit = server::db::WAL_SIZE_LIMIT_BYTES;
    let mut size = written;
    for _ in 0..50 {
        sqlx::query("pragma wal_checkpoint(PASSIVE)")
            .execute(app.db.pool())
            .await
            .unwrap();
        let mut tx = app.db.begin().await.unwrap();
        sqlx::query("delete from scratch where rowid = (select min(rowid) from scratch)")
            .execute(&mut *tx)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        size = std::fs::metadata(&wal).unwrap().len();
        if size <= limit {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(size <= limit, "the WAL file stayed at {size} bytes");
}
