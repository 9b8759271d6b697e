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
    a_transaction_scoped_to_one_office_cannot_see_anothers_rows,
    |app| {
        let mut tx = app.db.begin_office(app.office_a).await.unwrap();
        let visible: Vec<(String,)> =
            sqlx::query_as("select office_id from membership where office_id = $1")
                .bind(app.office_b.to_string())
                .fetch_all(tx.conn())
                .await
                .unwrap();
        let audit: Vec<(String,)> = sqlx::query_as("select chain from audit_log where chain = $1")
            .bind(app.office_b.to_string())
            .fetch_all(tx.conn())
            .await
            .unwrap();
        if app.backend == Backend::Postgres {
            assert!(
                visible.is_empty() && audit.is_empty(),
                "RLS must hide office B from office A's scope"
            );
        } else {
            // SQLite relies on the store's office filters; the HTTP tests prove those per route.
            assert!(!visible.is_empty());
        }
    }
);
