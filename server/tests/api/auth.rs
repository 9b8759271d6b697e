//! Login, logout, session renewal, timeouts, CSRF, bad form input.

use crate::helpers::PASSWORD;
use std::time::Duration;

fn session_cookie(set_cookie: &[String]) -> Option<String> {
    set_cookie
        .iter()
        .find(|c| c.starts_with("portal_session="))
        .map(|c| c.split(';').next().unwrap_or_default().to_string())
}

both!(
    a_correct_login_reaches_the_home_page_of_the_first_office,
    |app| {
        let browser = app.login("a-cm1").await;
        let home = browser.get("/").await;
        assert_eq!(home.status, 200);
        assert!(
            home.text()
                .contains("現在の事業所： テスト居宅介護支援事業所"),
            "{}",
            home.text()
        );
        assert!(home.text().contains("介護 一郎"));
        assert_eq!(
            app.audit_actions(app.office_a)
                .await
                .last()
                .map(String::as_str),
            Some("login_succeeded")
        );
    }
);

both!(
    a_wrong_password_and_an_unknown_user_get_the_same_generic_message,
    |app| {
        let browser = app.browser();
        let wrong = browser
            .post(
                "/login",
                &[("login_id", "a-cm1"), ("password", "not the password")],
            )
            .await;
        let wrong_page = browser.follow(&wrong).await;
        let unknown = browser
            .post(
                "/login",
                &[
                    ("login_id", "nobody-here"),
                    ("password", "not the password"),
                ],
            )
            .await;
        let unknown_page = browser.follow(&unknown).await;
        assert_eq!(wrong.status, 303);
        assert_eq!(wrong.location, unknown.location);
        let message = "ログインIDまたはパスワードが正しくありません。";
        assert!(wrong_page.text().contains(message), "{}", wrong_page.text());
        assert_eq!(
            wrong_page.text().replace("a-cm1", "X"),
            unknown_page.text().replace("nobody-here", "X")
        );
        assert!(wrong_page.body.contains("<title>エラー：ログイン"));
        assert_eq!(
            app.system_audit_actions().await,
            ["login_failed", "login_failed"]
        );
        // Still not signed in.
        assert_eq!(browser.get("/").await.location.as_deref(), Some("/login"));
    }
);

both!(an_empty_form_names_both_fields, |app| {
    let browser = app.browser();
    let page = browser
        .follow(
            &browser
                .post("/login", &[("login_id", ""), ("password", "")])
                .await,
        )
        .await;
    assert!(page.text().contains("ログインIDを入力してください。"));
    assert!(page.text().contains("パスワードを入力してください。"));
    assert!(app.system_audit_actions().await.is_empty());
});

both!(
    a_disabled_staff_member_is_told_so_only_with_the_right_password,
    |app| {
        let admin = app.login("a-admin").await;
        let done = admin
            .post(&format!("/admin/staff/{}/disable", app.cm1), &[])
            .await;
        assert_eq!(done.status, 303);
        let browser = app.browser();
        let right = browser
            .follow(
                &browser
                    .post("/login", &[("login_id", "a-cm1"), ("password", PASSWORD)])
                    .await,
            )
            .await;
        assert!(
            right
                .text()
                .contains("このアカウントは利用が停止されています。"),
            "{}",
            right.text()
        );
        let wrong = browser
            .follow(
                &browser
                    .post(
                        "/login",
                        &[("login_id", "a-cm1"), ("password", "wrong password")],
                    )
                    .await,
            )
            .await;
        assert!(wrong
            .text()
            .contains("ログインIDまたはパスワードが正しくありません。"));
    }
);

both!(
    login_renews_the_session_id_and_the_old_id_is_worthless,
    |app| {
        let browser = app.browser();
        // A failed attempt gives the anonymous visitor a session (it carries the error message).
        let failed = browser
            .post("/login", &[("login_id", "a-cm1"), ("password", "wrong")])
            .await;
        let before = session_cookie(&failed.set_cookie).expect("anonymous session cookie");
        let ok = browser
            .post("/login", &[("login_id", "a-cm1"), ("password", PASSWORD)])
            .await;
        let after = session_cookie(&ok.set_cookie).expect("new session cookie");
        assert_ne!(before, after);
        let attacker = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let stolen = attacker
            .get(format!("{}/", app.base))
            .header("cookie", before)
            .send()
            .await
            .unwrap();
        assert_eq!(
            stolen.status().as_u16(),
            303,
            "the pre-login id must not be signed in"
        );
    }
);

both!(the_session_ends_after_thirty_idle_minutes, |app| {
    let browser = app.login("a-cm1").await;
    app.clock.advance(Duration::from_secs(29 * 60));
    assert_eq!(browser.get("/").await.status, 200);
    app.clock.advance(Duration::from_secs(31 * 60));
    let expired = browser.get("/").await;
    assert_eq!(expired.location.as_deref(), Some("/login?expired=1"));
    let login = browser.follow(&expired).await;
    assert!(login
        .text()
        .contains("一定時間操作がなかったため、ログアウトしました。"));
    assert_eq!(
        browser.get("/").await.location.as_deref(),
        Some("/login"),
        "the session is gone"
    );
});

both!(
    the_sweeper_removes_expired_sessions_and_keeps_live_ones,
    |app| {
        use tower_sessions::session::{Id, Record};
        use tower_sessions::session_store::{ExpiredDeletion, SessionStore};
        let store =
            server::sessions::SessionStoreAny::connect(&app.config_clone().database, &app.db)
                .await
                .expect("session store");
        let now = time::OffsetDateTime::now_utc();
        let record = |expiry_date| Record {
            id: Id::default(),
            data: Default::default(),
            expiry_date,
        };
        let mut old = record(now - time::Duration::hours(1));
        let mut live = record(now + time::Duration::hours(1));
        store.create(&mut old).await.expect("expired session");
        store.create(&mut live).await.expect("live session");
        store.delete_expired().await.expect("sweep");
        let mut conn = app.owner_connection().await;
        for (id, expected, what) in [
            (old.id, 0, "the expired session is removed"),
            (live.id, 1, "the live session stays"),
        ] {
            let stored: i64 = sqlx::query_scalar("select count(*) from session where id = $1")
                .bind(id.to_string())
                .fetch_one(&mut conn)
                .await
                .expect("count");
            assert_eq!(stored, expected, "{what}");
        }
    }
);

both!(
    the_session_ends_twelve_hours_after_login_even_when_active,
    |app| {
        let browser = app.login("a-cm1").await;
        for _ in 0..36 {
            app.clock.advance(Duration::from_secs(20 * 60));
            assert_eq!(browser.get("/").await.status, 200);
        }
        // Exactly 12 hours have passed with a request every 20 minutes; one more minute ends it.
        app.clock.advance(Duration::from_secs(60));
        assert_eq!(
            browser.get("/").await.location.as_deref(),
            Some("/login?expired=1")
        );
    }
);

both!(logout_ends_the_session_and_is_recorded, |app| {
    let browser = app.login("a-cm1").await;
    let out = browser.post("/logout", &[]).await;
    assert_eq!(out.location.as_deref(), Some("/login?logged_out=1"));
    assert!(browser
        .follow(&out)
        .await
        .text()
        .contains("ログアウトしました。"));
    assert_eq!(browser.get("/").await.location.as_deref(), Some("/login"));
    assert_eq!(
        app.audit_actions(app.office_a)
            .await
            .last()
            .map(String::as_str),
        Some("logged_out")
    );
});

both!(a_cross_site_post_is_refused_and_changes_nothing, |app| {
    let admin = app.login("a-admin").await;
    let form = b"display_name=x&login_id=forged-user&email=forged@example.jp&role=admin&password=forged-password-123".to_vec();
    let evil = admin
        .post_raw(
            "/admin/staff",
            form.clone(),
            &[("origin", "http://evil.example")],
        )
        .await;
    assert_eq!(evil.status, 403);
    assert!(evil
        .text()
        .contains("このポータル以外のページから送信されたため、処理しませんでした。"));
    let silent = admin.post_raw("/admin/staff", form, &[]).await;
    assert_eq!(
        silent.status, 403,
        "no Origin, Referer or Sec-Fetch-Site proves nothing"
    );
    let list = admin.get("/admin/staff").await;
    assert!(!list.text().contains("forged-user"));
    // Logout is a POST too: a forged one does not end the session.
    assert_eq!(
        admin
            .post_raw("/logout", vec![], &[("origin", "http://evil.example")])
            .await
            .status,
        403
    );
    assert_eq!(admin.get("/").await.status, 200);
});

both!(
    non_utf8_and_over_long_fields_get_a_japanese_400_and_nothing_is_written,
    |app| {
        let browser = app.browser();
        let origin = app.base.clone();
        let sjis = browser
            .post_raw(
                "/login",
                b"login_id=%8E%52&password=x".to_vec(),
                &[("origin", &origin)],
            )
            .await;
        assert_eq!(sjis.status, 400);
        assert!(sjis
            .text()
            .contains("送信された文字を読み取れませんでした。"));
        let long = format!("login_id={}&password=x", "a".repeat(5000));
        let page = browser
            .post_raw("/login", long.into_bytes(), &[("origin", &origin)])
            .await;
        assert_eq!(page.status, 400);
        assert!(page.text().contains("文字以内で入力してください。"));
        assert!(app.system_audit_actions().await.is_empty());
    }
);

both!(a_page_asked_for_before_login_opens_after_login, |app| {
    let browser = app.browser();
    let sent = browser.get("/admin/staff").await;
    assert_eq!(
        sent.location.as_deref(),
        Some("/login?next=%2Fadmin%2Fstaff")
    );
    let ok = browser
        .post(
            "/login",
            &[
                ("login_id", "a-admin"),
                ("password", PASSWORD),
                ("next", "/admin/staff"),
            ],
        )
        .await;
    assert_eq!(ok.location.as_deref(), Some("/admin/staff"));
});

both!(many_people_logging_in_at_once_all_get_in, |app| {
    // On SQLite a read transaction that later writes fails with "database is locked" under
    // concurrency; logins must not.
    let logins = (0..12).map(|_| {
        let browser = app.browser();
        async move {
            browser
                .post("/login", &[("login_id", "a-cm1"), ("password", PASSWORD)])
                .await
        }
    });
    let pages = futures_util::future::join_all(logins).await;
    for page in pages {
        assert_eq!(page.location.as_deref(), Some("/"), "{page:?}");
    }
});
