//! 職員の招待: join through the link, expiry, resend, revoke.

use crate::helpers::{Browser, TestApp};
use crate::mail_helpers::token_of;
use std::time::Duration;

const PASS: &str = "an invitee's own passphrase";

async fn invite(admin: &Browser) -> String {
    let form = [
        ("display_name", "招待 花子"),
        ("login_id", "hanako"),
        ("email", "hanako@example.jp"),
        ("role", "staff"),
    ];
    let created = admin.post("/admin/staff", &form).await;
    assert_eq!(created.status, 303);
    created
        .location
        .unwrap()
        .trim_start_matches("/admin/staff/")
        .to_string()
}

async fn invitation_token(app: &TestApp) -> String {
    token_of(
        &app.last_mail("hanako@example.jp", "invitation")
            .await
            .link_path(&app.base),
    )
}

async fn join(app: &TestApp, token: &str) -> Option<String> {
    app.browser()
        .post("/invitation", &[("token", token), ("password", PASS)])
        .await
        .location
}

async fn logs_in(app: &TestApp) -> bool {
    let page = app
        .browser()
        .post("/login", &[("login_id", "hanako"), ("password", PASS)])
        .await;
    page.location.as_deref() == Some("/")
}

both!(an_invitee_joins_through_the_link, |app| {
    let admin = app.login("a-admin").await;
    invite(&admin).await;
    let mail = app.last_mail("hanako@example.jp", "invitation").await;
    assert_eq!(mail.subject, "ケアプラン連携ポータルへの招待");
    assert!(mail.body.contains("テスト居宅介護支援事業所"));
    assert!(mail.body.contains("7日"));
    assert!(
        !logs_in(&app).await,
        "no password until the invitee sets one"
    );
    let token = invitation_token(&app).await;
    let page = app
        .browser()
        .get(&format!("/invitation?token={token}"))
        .await;
    assert!(
        page.text().contains("招待 花子さん（ログインID：hanako）"),
        "{}",
        page.text()
    );
    assert_eq!(join(&app, &token).await.as_deref(), Some("/login?joined=1"));
    assert!(logs_in(&app).await);
    assert!(!admin.get("/admin/staff").await.text().contains("招待中"));
    assert_eq!(
        join(&app, &token).await.as_deref(),
        Some(format!("/invitation?token={token}").as_str())
    );
});

both!(an_invitation_expires_after_seven_days, |app| {
    let admin = app.login("a-admin").await;
    invite(&admin).await;
    let token = invitation_token(&app).await;
    app.clock.advance(Duration::from_secs(7 * 24 * 3600 + 60));
    let page = app
        .browser()
        .get(&format!("/invitation?token={token}"))
        .await;
    assert_eq!(page.status, 404);
    assert!(page.text().contains("招待メールの再送を依頼してください"));
    join(&app, &token).await;
    assert!(!logs_in(&app).await);
});

both!(a_resent_invitation_replaces_the_old_link, |app| {
    let admin = app.login("a-admin").await;
    let user = invite(&admin).await;
    let old = invitation_token(&app).await;
    app.clock.advance(Duration::from_secs(60));
    let resent = admin
        .post(&format!("/admin/staff/{user}/invitation/resend"), &[])
        .await;
    assert!(admin
        .follow(&resent)
        .await
        .text()
        .contains("招待メールを再送しました。"));
    let new = invitation_token(&app).await;
    assert_ne!(old, new);
    join(&app, &old).await;
    assert!(!logs_in(&app).await);
    assert_eq!(join(&app, &new).await.as_deref(), Some("/login?joined=1"));
    assert!(app
        .audit_actions(app.office_a)
        .await
        .contains(&"invitation_resent".to_string()));
});

both!(
    a_revoked_invitation_removes_the_account_and_its_link,
    |app| {
        let admin = app.login("a-admin").await;
        let user = invite(&admin).await;
        let token = invitation_token(&app).await;
        let revoked = admin
            .post(&format!("/admin/staff/{user}/invitation/revoke"), &[])
            .await;
        assert_eq!(revoked.location.as_deref(), Some("/admin/staff"));
        assert!(!admin.get("/admin/staff").await.text().contains("hanako"));
        join(&app, &token).await;
        assert!(!logs_in(&app).await);
        assert!(app
            .audit_actions(app.office_a)
            .await
            .contains(&"invitation_revoked".to_string()));
        // The address can be invited again.
        invite(&admin).await;
    }
);

both!(a_joined_member_cannot_be_revoked_or_reinvited, |app| {
    let admin = app.login("a-admin").await;
    let page = admin
        .post(&format!("/admin/staff/{}/invitation/revoke", app.cm1), &[])
        .await;
    assert_eq!(page.status, 409);
    let page = admin
        .post(&format!("/admin/staff/{}/invitation/resend", app.cm1), &[])
        .await;
    assert_eq!(page.status, 409);
});
