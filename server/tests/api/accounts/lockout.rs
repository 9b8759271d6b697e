//! Lockout after 10 failed logins in 15 minutes (kept in the database: it survives a restart
//! and holds on every instance), the owner's mail, the per-IP limit, no enumeration.

use crate::helpers::{Browser, PASSWORD};
use std::time::Duration;

const LOCKED: &str = "このアカウントのログインを15分間止めています";

async fn attempt(browser: &Browser, login: &str, password: &str) -> crate::helpers::Page {
    let page = browser
        .post("/login", &[("login_id", login), ("password", password)])
        .await;
    if page.location.as_deref() == Some("/") {
        return page;
    }
    browser.follow(&page).await
}

async fn fail_ten_times(browser: &Browser, login: &str) -> crate::helpers::Page {
    let mut last = None;
    for _ in 0..10 {
        last = Some(attempt(browser, login, "a wrong password").await);
    }
    last.unwrap()
}

both!(
    ten_failures_lock_the_account_for_fifteen_minutes_and_mail_the_owner,
    |app| {
        let browser = app.browser();
        for _ in 0..9 {
            let page = attempt(&browser, "a-cm1", "a wrong password").await;
            assert!(page
                .text()
                .contains("ログインIDまたはパスワードが正しくありません。"));
        }
        let tenth = attempt(&browser, "a-cm1", "a wrong password").await;
        assert!(tenth.text().contains(LOCKED), "{}", tenth.text());
        let right = attempt(&browser, "a-cm1", PASSWORD).await;
        assert!(
            right.text().contains(LOCKED),
            "the right password waits too"
        );
        let mail = app.last_mail("a-cm1@example.jp", "account_locked").await;
        assert_eq!(mail.subject, "ログインを一時的に停止しました");
        assert!(app
            .system_audit_actions()
            .await
            .contains(&"login_locked".to_string()));
        app.clock.advance(Duration::from_secs(15 * 60 + 1));
        assert_eq!(
            attempt(&browser, "a-cm1", PASSWORD)
                .await
                .location
                .as_deref(),
            Some("/")
        );
    }
);

both!(
    a_lockout_survives_a_restart_and_holds_on_another_instance,
    |app| {
        fail_ten_times(&app.browser(), "a-cm1").await;
        let restarted = app.another_instance().await;
        let page = attempt(&restarted, "a-cm1", PASSWORD).await;
        assert!(page.text().contains(LOCKED), "{}", page.text());
        app.clock.advance(Duration::from_secs(15 * 60 + 1));
        assert_eq!(
            attempt(&restarted, "a-cm1", PASSWORD)
                .await
                .location
                .as_deref(),
            Some("/")
        );
    }
);

both!(
    an_unknown_login_id_locks_the_same_way_so_nothing_is_revealed,
    |app| {
        let page = fail_ten_times(&app.browser(), "nobody-here").await;
        assert!(page.text().contains(LOCKED));
        assert_eq!(app.mail_count("nobody-here").await, 0);
    }
);

both!(a_successful_login_clears_earlier_failures, |app| {
    let browser = app.browser();
    for _ in 0..9 {
        attempt(&browser, "a-cm1", "a wrong password").await;
    }
    assert_eq!(
        attempt(&app.browser(), "a-cm1", PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/")
    );
    let page = attempt(&browser, "a-cm1", "a wrong password").await;
    assert!(!page.text().contains(LOCKED));
});

both!(
    many_failures_from_one_address_are_refused_for_a_while,
    |app| {
        let browser = app.browser();
        for i in 0..50 {
            attempt(&browser, &format!("user-{i}"), "a wrong password").await;
        }
        let page = attempt(&browser, "a-cm1", PASSWORD).await;
        assert!(
            page.text()
                .contains("この接続元からのログインの失敗が多いため"),
            "{}",
            page.text()
        );
    }
);
