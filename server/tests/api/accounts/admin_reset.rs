//! パスワード再設定メールを送る (office admin): the staff member completes it; limits, scope.

use super::forgot_password::NEW_PASSWORD;
use crate::mail_helpers::token_of;

both!(
    an_admin_sends_a_reset_mail_and_the_staff_member_completes_it,
    |app| {
        let admin = app.login("a-admin").await;
        let detail = admin.get(&format!("/admin/staff/{}", app.cm1)).await;
        assert!(detail.text().contains("パスワード再設定メールを送る"));
        let sent = admin
            .post(&format!("/admin/staff/{}/password-reset", app.cm1), &[])
            .await;
        assert_eq!(sent.status, 303);
        let page = admin.follow(&sent).await;
        assert!(
            page.text()
                .contains("介護 一郎さんにパスワード再設定メールを送りました。"),
            "{}",
            page.text()
        );
        let mail = app.last_mail("a-cm1@example.jp", "password_reset").await;
        assert!(mail.body.contains("事業所の管理者から"));
        let browser = app.browser();
        let token = token_of(&mail.link_path(&app.base));
        let done = browser
            .post(
                "/password/reset",
                &[("token", token.as_str()), ("password", NEW_PASSWORD)],
            )
            .await;
        assert_eq!(done.location.as_deref(), Some("/login?password_set=1"));
        let login = browser
            .post(
                "/login",
                &[("login_id", "a-cm1"), ("password", NEW_PASSWORD)],
            )
            .await;
        assert_eq!(login.location.as_deref(), Some("/"));
        assert!(app
            .audit_actions(app.office_a)
            .await
            .contains(&"password_reset_sent_by_admin".to_string()));
    }
);

both!(
    an_admin_cannot_send_a_reset_to_another_offices_staff,
    |app| {
        let admin = app.login("a-admin").await;
        let page = admin
            .post(&format!("/admin/staff/{}/password-reset", app.b_staff), &[])
            .await;
        assert_eq!(page.status, 404);
        assert_eq!(app.mail_count("b-staff@example.jp").await, 0);
    }
);

both!(a_staff_member_cannot_send_reset_mails, |app| {
    let staff = app.login("a-cm2").await;
    let page = staff
        .post(&format!("/admin/staff/{}/password-reset", app.cm1), &[])
        .await;
    assert_eq!(page.status, 403);
    assert_eq!(app.mail_count("a-cm1@example.jp").await, 0);
});

both!(admin_reset_mails_are_limited_per_staff_member, |app| {
    let admin = app.login("a-admin").await;
    let path = format!("/admin/staff/{}/password-reset", app.cm1);
    for _ in 0..3 {
        assert_eq!(admin.post(&path, &[]).await.status, 303);
    }
    let refused = admin.post(&path, &[]).await;
    assert_eq!(refused.status, 429);
    assert_eq!(app.mail_count("a-cm1@example.jp").await, 3);
});
