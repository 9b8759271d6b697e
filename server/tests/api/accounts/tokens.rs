//! Every rule of one-time links: single use, expiry, newest only, tampering, password changes,
//! purpose, hashed storage, other sessions ending.

use super::forgot_password::NEW_PASSWORD;
use crate::helpers::{Browser, TestApp, PASSWORD};
use crate::mail_helpers::token_of;
use std::time::Duration;

const DEAD: &str = "このリンクは使えません";

/// Requests a reset for a-cm1 and returns the token from the mail.
async fn reset_token(app: &TestApp) -> String {
    app.browser()
        .post("/password/forgot", &[("login", "a-cm1")])
        .await;
    token_of(
        &app.last_mail("a-cm1@example.jp", "password_reset")
            .await
            .link_path(&app.base),
    )
}

async fn set(browser: &Browser, token: &str, password: &str) -> crate::helpers::Page {
    browser
        .post(
            "/password/reset",
            &[("token", token), ("password", password)],
        )
        .await
}

/// True if a-cm1 can log in with `password`.
async fn logs_in(app: &TestApp, password: &str) -> bool {
    let page = app
        .browser()
        .post("/login", &[("login_id", "a-cm1"), ("password", password)])
        .await;
    page.location.as_deref() == Some("/")
}

/// The link is dead: the page says so with 404, and posting it changes nothing.
async fn assert_dead(app: &TestApp, token: &str) {
    let browser = app.browser();
    let page = browser.get(&format!("/password/reset?token={token}")).await;
    assert_eq!(page.status, 404, "{}", page.text());
    assert!(page.text().contains(DEAD));
    assert!(page.text().contains("再設定をもう一度申し込む"));
    let post = set(&browser, token, "yet another unusual passphrase").await;
    assert_eq!(
        post.location.as_deref(),
        Some(format!("/password/reset?token={token}").as_str())
    );
    assert!(!logs_in(app, "yet another unusual passphrase").await);
}

both!(a_link_works_only_once, |app| {
    let token = reset_token(&app).await;
    assert_eq!(
        set(&app.browser(), &token, NEW_PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/login?password_set=1")
    );
    assert_dead(&app, &token).await;
    assert!(logs_in(&app, NEW_PASSWORD).await);
});

both!(a_link_expires_after_thirty_minutes, |app| {
    let token = reset_token(&app).await;
    app.clock.advance(Duration::from_secs(29 * 60));
    assert_eq!(
        app.browser()
            .get(&format!("/password/reset?token={token}"))
            .await
            .status,
        200
    );
    app.clock.advance(Duration::from_secs(61));
    assert_dead(&app, &token).await;
    assert!(logs_in(&app, PASSWORD).await);
});

both!(a_newer_link_ends_the_older_one, |app| {
    let first = reset_token(&app).await;
    app.clock.advance(Duration::from_secs(60));
    let second = reset_token(&app).await;
    assert_ne!(first, second);
    assert_dead(&app, &first).await;
    assert_eq!(
        set(&app.browser(), &second, NEW_PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/login?password_set=1")
    );
});

both!(tampered_and_unknown_tokens_are_refused_alike, |app| {
    let token = reset_token(&app).await;
    let mut tampered = token.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    assert_dead(&app, &tampered).await;
    assert_dead(&app, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").await;
    assert_dead(&app, "").await;
    // The real one still works.
    assert_eq!(
        set(&app.browser(), &token, NEW_PASSWORD)
            .await
            .location
            .as_deref(),
        Some("/login?password_set=1")
    );
});

both!(
    a_link_dies_when_the_password_is_changed_another_way,
    |app| {
        let token = reset_token(&app).await;
        // Another way of changing the password (a future settings page, an operator) bumps the
        // version; the token was issued at the old one.
        let mut conn = app.owner_connection().await;
        sqlx::query("update staff_account set password_version = password_version + 1 where login_id = 'a-cm1'")
        .execute(&mut conn)
        .await
        .unwrap();
        assert_dead(&app, &token).await;
    }
);

both!(
    setting_the_password_ends_every_other_session_of_that_user,
    |app| {
        let signed_in = app.login("a-cm1").await;
        let other_user = app.login("a-cm2").await;
        let token = reset_token(&app).await;
        set(&app.browser(), &token, NEW_PASSWORD).await;
        assert_eq!(
            signed_in.get("/").await.location.as_deref(),
            Some("/login?ended=1")
        );
        assert_eq!(other_user.get("/").await.status, 200);
    }
);

both!(
    a_weak_password_is_refused_and_the_link_stays_usable,
    |app| {
        let token = reset_token(&app).await;
        let browser = app.browser();
        for (weak, message) in [
            ("short pass", "13文字以上"),
            ("password12345", "よく使われて"),
            (
                "my a-cm1 password",
                "ログインID、メールアドレス、氏名を含む",
            ),
        ] {
            let back = set(&browser, &token, weak).await;
            let page = browser.follow(&back).await;
            assert!(page.text().contains(message), "{weak}: {}", page.text());
            assert!(!page.body.contains(weak), "passwords are never echoed");
        }
        assert_eq!(
            set(&browser, &token, NEW_PASSWORD)
                .await
                .location
                .as_deref(),
            Some("/login?password_set=1")
        );
    }
);

both!(only_a_hash_of_the_token_is_stored, |app| {
    let token = reset_token(&app).await;
    let mut conn = app.owner_connection().await;
    let hashes: Vec<(String,)> = sqlx::query_as("select token_hash from account_token")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert_eq!(hashes.len(), 1);
    assert_ne!(hashes[0].0, token);
    assert_eq!(hashes[0].0.len(), 64);
    let bodies: Vec<(String,)> = sqlx::query_as("select body_text from mail_outbox")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    assert!(
        bodies.iter().all(|(b,)| !b.contains(&token)),
        "sent mail bodies are blanked"
    );
});

both!(an_invitation_link_cannot_reset_a_password, |app| {
    let admin = app.login("a-admin").await;
    let form = [
        ("display_name", "招待 太郎"),
        ("login_id", "invitee"),
        ("email", "invitee@example.jp"),
        ("role", "staff"),
    ];
    admin.post("/admin/staff", &form).await;
    let invite = token_of(
        &app.last_mail("invitee@example.jp", "invitation")
            .await
            .link_path(&app.base),
    );
    let page = app
        .browser()
        .get(&format!("/password/reset?token={invite}"))
        .await;
    assert_eq!(page.status, 404);
    assert_eq!(
        app.browser()
            .get(&format!("/invitation?token={invite}"))
            .await
            .status,
        200
    );
});

both!(guessing_links_from_one_address_is_stopped, |app| {
    let browser = app.browser();
    for i in 0..20 {
        set(&browser, &format!("guess-{i}"), NEW_PASSWORD).await;
    }
    let token = reset_token(&app).await;
    let refused = set(&browser, &token, NEW_PASSWORD).await;
    assert_eq!(refused.status, 429);
    assert!(!logs_in(&app, NEW_PASSWORD).await);
});
