//! 2段階認証: enrolment, the second login step, replay, recovery codes, brute force, the
//! organisation's requirement, the admin reset. Codes are computed here with totp-rs at the
//! test clock's time.

use crate::helpers::{Browser, TestApp, PASSWORD};
use std::time::Duration;
use totp_rs::{Algorithm, Secret, TOTP};

fn code_at(secret: &str, ms: i64) -> String {
    let bytes = Secret::Encoded(secret.to_string()).to_bytes().unwrap();
    let totp = TOTP::new(Algorithm::SHA1, 6, 1, 30, bytes, None, String::new()).unwrap();
    totp.generate(u64::try_from(ms / 1000).unwrap())
}

/// Enrols a-cm1 and returns (secret, recovery codes).
async fn enrol(app: &TestApp, browser: &Browser) -> (String, Vec<String>) {
    assert_eq!(
        browser.post("/account/two-factor/start", &[]).await.status,
        303
    );
    let page = browser.get("/account/two-factor").await;
    assert!(
        page.body.contains("src=\"data:image/svg+xml;base64,"),
        "QR code shown"
    );
    let key = page
        .body
        .split("<code class=\"manual-key\">")
        .nth(1)
        .unwrap();
    let secret: String = key.split('<').next().unwrap().split_whitespace().collect();
    let wrong = browser
        .post("/account/two-factor/confirm", &[("code", "000000")])
        .await;
    assert!(browser
        .follow(&wrong)
        .await
        .text()
        .contains("確認コードが正しくありません。"));
    let code = code_at(&secret, app.clock.now());
    let done = browser
        .post("/account/two-factor/confirm", &[("code", code.as_str())])
        .await;
    assert_eq!(
        done.location.as_deref(),
        Some("/account/two-factor/recovery-codes")
    );
    let codes_page = browser.follow(&done).await;
    let codes: Vec<String> = codes_page
        .body
        .split("<li><code>")
        .skip(1)
        .map(|c| c.split('<').next().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 10);
    // Shown once.
    assert!(!browser
        .get("/account/two-factor/recovery-codes")
        .await
        .body
        .contains(&codes[0]));
    (secret, codes)
}

/// Password step for a-cm1; asserts it asks for the code.
async fn password_step(app: &TestApp) -> Browser {
    let browser = app.browser();
    let page = browser
        .post("/login", &[("login_id", "a-cm1"), ("password", PASSWORD)])
        .await;
    assert_eq!(page.location.as_deref(), Some("/login/two-factor"));
    browser
}

async fn code_step(browser: &Browser, code: &str) -> crate::helpers::Page {
    browser.post("/login/two-factor", &[("code", code)]).await
}

both!(
    a_user_enables_two_factor_and_needs_a_code_at_the_next_login,
    |app| {
        let (secret, _) = enrol(&app, &app.login("a-cm1").await).await;
        assert!(app
            .system_audit_actions()
            .await
            .contains(&"two_factor_enabled".to_string()));
        app.clock.advance(Duration::from_secs(60));
        let browser = password_step(&app).await;
        assert_eq!(
            browser.get("/").await.location.as_deref(),
            Some("/login"),
            "not signed in yet"
        );
        let page = browser.get("/login/two-factor").await;
        assert!(page.text().contains("確認コードの入力"));
        let wrong = code_step(&browser, "123456").await;
        assert!(browser
            .follow(&wrong)
            .await
            .text()
            .contains("確認コードが正しくありません。"));
        let ok = code_step(&browser, &code_at(&secret, app.clock.now())).await;
        assert_eq!(ok.location.as_deref(), Some("/"));
        assert_eq!(browser.get("/").await.status, 200);
    }
);

both!(a_code_cannot_be_used_twice_within_its_window, |app| {
    let (secret, _) = enrol(&app, &app.login("a-cm1").await).await;
    app.clock.advance(Duration::from_secs(60));
    let code = code_at(&secret, app.clock.now());
    assert_eq!(
        code_step(&password_step(&app).await, &code)
            .await
            .location
            .as_deref(),
        Some("/")
    );
    let replay = code_step(&password_step(&app).await, &code).await;
    assert_eq!(
        replay.location.as_deref(),
        Some("/login/two-factor"),
        "replayed code refused"
    );
    app.clock.advance(Duration::from_secs(30));
    let next = code_at(&secret, app.clock.now());
    assert_eq!(
        code_step(&password_step(&app).await, &next)
            .await
            .location
            .as_deref(),
        Some("/")
    );
});

both!(a_recovery_code_works_once, |app| {
    let (_, codes) = enrol(&app, &app.login("a-cm1").await).await;
    let typed = codes[3].to_uppercase();
    assert_eq!(
        code_step(&password_step(&app).await, &typed)
            .await
            .location
            .as_deref(),
        Some("/")
    );
    let again = code_step(&password_step(&app).await, &typed).await;
    assert_eq!(again.location.as_deref(), Some("/login/two-factor"));
    let page = app
        .login_page_after_two_factor("/account/two-factor", &codes[4])
        .await;
    assert!(
        page.text().contains("使っていない回復コード：8個"),
        "{}",
        page.text()
    );
});

both!(five_wrong_codes_lock_the_account, |app| {
    enrol(&app, &app.login("a-cm1").await).await;
    let browser = password_step(&app).await;
    for _ in 0..4 {
        assert_eq!(
            code_step(&browser, "000000").await.location.as_deref(),
            Some("/login/two-factor")
        );
    }
    let locked = code_step(&browser, "000000").await;
    assert_eq!(locked.location.as_deref(), Some("/login"));
    assert!(browser
        .follow(&locked)
        .await
        .text()
        .contains("15分間止めています"));
    let after = app.browser();
    let page = after
        .post("/login", &[("login_id", "a-cm1"), ("password", PASSWORD)])
        .await;
    assert!(after
        .follow(&page)
        .await
        .text()
        .contains("15分間止めています"));
});

both!(
    the_code_must_follow_the_password_within_five_minutes,
    |app| {
        let (secret, _) = enrol(&app, &app.login("a-cm1").await).await;
        let browser = password_step(&app).await;
        app.clock.advance(Duration::from_secs(6 * 60));
        let late = code_step(&browser, &code_at(&secret, app.clock.now())).await;
        assert_eq!(late.location.as_deref(), Some("/login?expired=1"));
    }
);

both!(an_organisation_can_require_two_factor_of_all_staff, |app| {
    let admin = app.login("a-admin").await;
    let set = admin
        .post("/admin/two-factor/required", &[("required", "on")])
        .await;
    assert_eq!(set.status, 303);
    let staff = app.login("a-cm1").await;
    assert_eq!(
        staff.get("/").await.location.as_deref(),
        Some("/account/two-factor?required=1")
    );
    let page = staff.get("/account/two-factor?required=1").await;
    assert!(page
        .text()
        .contains("法人の設定により、2段階認証の設定が必要です。"));
    enrol(&app, &staff).await;
    assert_eq!(staff.get("/").await.status, 200);
    // Another organisation is not affected.
    assert_eq!(app.login("b-staff").await.get("/").await.status, 200);
    assert!(app
        .audit_actions(app.office_a)
        .await
        .contains(&"two_factor_requirement_changed".to_string()));
});

both!(
    an_admin_resets_a_staff_members_two_factor_and_they_are_told,
    |app| {
        enrol(&app, &app.login("a-cm1").await).await;
        let admin = app.login("a-admin").await;
        let detail = admin.get(&format!("/admin/staff/{}", app.cm1)).await;
        assert!(detail.text().contains("2段階認証をリセットする"));
        let done = admin
            .post(&format!("/admin/staff/{}/two-factor/reset", app.cm1), &[])
            .await;
        assert!(admin
            .follow(&done)
            .await
            .text()
            .contains("2段階認証をリセットしました。"));
        let mail = app.last_mail("a-cm1@example.jp", "two_factor_reset").await;
        assert_eq!(mail.subject, "2段階認証がリセットされました");
        assert!(app
            .audit_actions(app.office_a)
            .await
            .contains(&"two_factor_reset".to_string()));
        // No code asked any more.
        app.login("a-cm1").await;
        // Another office's admin cannot.
        let other = app.login("b-admin").await;
        assert_eq!(
            other
                .post(&format!("/admin/staff/{}/two-factor/reset", app.cm1), &[])
                .await
                .status,
            404
        );
    }
);

both!(
    with_two_factor_eight_characters_are_enough_for_a_new_password,
    |app| {
        enrol(&app, &app.login("a-cm1").await).await;
        app.browser()
            .post("/password/forgot", &[("login", "a-cm1")])
            .await;
        let link = app
            .last_mail("a-cm1@example.jp", "password_reset")
            .await
            .link_path(&app.base);
        let token = crate::mail_helpers::token_of(&link);
        let done = app
            .browser()
            .post(
                "/password/reset",
                &[("token", token.as_str()), ("password", "tulip-7x!")],
            )
            .await;
        assert_eq!(done.location.as_deref(), Some("/login?password_set=1"));
    }
);

impl TestApp {
    /// Signs a-cm1 in with a recovery code and opens `path`.
    async fn login_page_after_two_factor(&self, path: &str, code: &str) -> crate::helpers::Page {
        let browser = password_step(self).await;
        assert_eq!(
            code_step(&browser, code).await.location.as_deref(),
            Some("/")
        );
        browser.get(path).await
    }
}
