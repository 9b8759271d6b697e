//! The hash-chained audit log verifies, and an edited or removed row is detected.

use server::audit::store;

async fn verify(app: &crate::helpers::TestApp, office: app::types::OfficeId) -> Option<i64> {
    let mut conn = app.owner_connection().await;
    store::verify(&mut conn, &office.to_string())
        .await
        .unwrap()
        .0
}

both!(the_chain_of_an_office_verifies_after_real_activity, |app| {
    let admin = app.login("a-admin").await;
    admin
        .post(
            &format!("/admin/staff/{}/role", app.cm1),
            &[("role", "manager")],
        )
        .await;
    admin.post("/logout", &[]).await;
    assert_eq!(verify(&app, app.office_a).await, None);
    let page = app.login("a-admin").await.get("/admin/audit").await;
    assert!(
        page.text().contains("改ざんは見つかりませんでした。"),
        "{}",
        page.text()
    );
    assert!(page.text().contains("権限の変更（職員→管理職）"));
});

both!(an_edited_row_breaks_the_chain_from_that_row_on, |app| {
    let admin = app.login("a-admin").await;
    admin
        .post(
            &format!("/admin/staff/{}/role", app.cm1),
            &[("role", "manager")],
        )
        .await;
    let mut conn = app.owner_connection().await;
    if app.backend == server::db::Backend::Sqlite {
        // A hostile admin with file access can drop the trigger; the chain still tells.
        sqlx::query("drop trigger audit_log_no_update")
            .execute(&mut conn)
            .await
            .unwrap();
    }
    sqlx::query("update audit_log set ip = '203.0.113.66' where chain = $1 and seq = 2")
        .bind(app.office_a.to_string())
        .execute(&mut conn)
        .await
        .unwrap();
    assert_eq!(verify(&app, app.office_a).await, Some(2));
    let page = admin.get("/admin/audit").await;
    assert!(
        page.text()
            .contains("2番目の記録以降で、記録の改ざんまたは欠落が見つかりました。"),
        "{}",
        page.text()
    );
});

both!(a_removed_last_row_is_detected, |app| {
    app.login("a-admin").await;
    let mut conn = app.owner_connection().await;
    if app.backend == server::db::Backend::Sqlite {
        sqlx::query("drop trigger audit_log_no_delete")
            .execute(&mut conn)
            .await
            .unwrap();
    }
    let (last,): (i64,) = sqlx::query_as("select max(seq) from audit_log where chain = $1")
        .bind(app.office_a.to_string())
        .fetch_one(&mut conn)
        .await
        .unwrap();
    sqlx::query("delete from audit_log where chain = $1 and seq = $2")
        .bind(app.office_a.to_string())
        .bind(last)
        .execute(&mut conn)
        .await
        .unwrap();
    assert_eq!(verify(&app, app.office_a).await, Some(last));
});

both!(the_app_itself_cannot_change_audit_rows, |app| {
    app.login("a-admin").await;
    let mut tx = app.db.begin_office(app.office_a).await.unwrap();
    let result = sqlx::query("update audit_log set ip = 'x' where chain = $1")
        .bind(app.office_a.to_string())
        .execute(tx.conn())
        .await;
    assert!(
        result.is_err(),
        "append-only: the trigger (SQLite) or missing grant (PostgreSQL) refuses"
    );
});

both!(
    every_office_s_chain_verifies_after_sends_that_cross_offices,
    |app| {
        // Each send appends to three chains at once: the sender's and both partners'.
        let cm1 = app.login("a-cm1").await;
        for _ in 0..2 {
            let files = crate::exchange::send_flow::two_partner_upload();
            let confirm = crate::exchange::send_flow::upload(&app, &cm1, files).await;
            let sent = cm1.post(&format!("{confirm}/send"), &[]).await;
            assert_eq!(sent.status, 303);
        }
        for office in [app.office_a, app.office_b, app.office_b2] {
            assert_eq!(verify(&app, office).await, None, "chain of {office}");
        }
        let sent = app.audit_actions(app.office_a).await;
        assert_eq!(sent.iter().filter(|a| *a == "sent").count(), 2, "{sent:?}");
        for office in [app.office_b, app.office_b2] {
            let actions = app.audit_actions(office).await;
            let routed = actions.iter().filter(|a| *a == "item_routed").count();
            assert_eq!(routed, 2, "one entry per send: {actions:?}");
        }
    }
);
