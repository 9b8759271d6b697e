//! パスワードを忘れた場合: the whole flow, enumeration resistance, the base URL, limits.

use crate::helpers::PASSWORD;
use crate::mail_helpers::token_of;

pub const NEW_PASSWORD: &str = "a fresh and unusual passphrase";

both!(
    a_user_resets_a_forgotten_password_through_the_mailed_link,
    |app| {
        let browser = app.browser();
        let login_page = browser.get("/login").await;
        assert!(login_page.body.contains("href=\"/password/forgot\""));
        let sent = browser
            .post("/password/forgot", &[("login", "a-cm1")])
            .await;
        assert_eq!(sent.location.as_deref(), Some("/password/forgot/sent"));
        let answer = browser.follow(&sent).await;
        assert!(
            answer
                .text()
                .contains("登録されていれば、メールを送信しました。"),
            "{}",
            answer.text()
        );

        let mail = app.last_mail("a-cm1@example.jp", "password_reset").await;
        assert_eq!(mail.to, "a-cm1@example.jp");
        assert_eq!(mail.subject, "パスワード再設定のご案内");
        assert!(mail.body.contains("介護 一郎 様"));
        assert!(mail.body.contains("30分"));
        let path = mail.link_path(&app.base);
        assert!(path.starts_with("/password/reset?token="), "{path}");
        let form = browser.get(&path).await;
        assert_eq!(form.status, 200);
        assert!(
            form.text().contains("介護 一郎さん（ログインID：a-cm1）"),
            "{}",
            form.text()
        );

        let token = token_of(&path);
        let done = browser
            .post(
                "/password/reset",
                &[("token", token.as_str()), ("password", NEW_PASSWORD)],
            )
            .await;
        assert_eq!(done.location.as_deref(), Some("/login?password_set=1"));
        assert!(browser
            .follow(&done)
            .await
            .text()
            .contains("パスワードを変更しました。"));
        let old = app.browser();
        let refused = old
            .post("/login", &[("login_id", "a-cm1"), ("password", PASSWORD)])
            .await;
        assert_ne!(refused.location.as_deref(), Some("/"));
        let fresh = app.browser();
        let ok = fresh
            .post(
                "/login",
                &[("login_id", "a-cm1"), ("password", NEW_PASSWORD)],
            )
            .await;
        assert_eq!(ok.location.as_deref(), Some("/"));

        let notice = app.last_mail("a-cm1@example.jp", "password_changed").await;
        assert_eq!(notice.subject, "パスワードが変更されました");
        let system = app.system_audit_actions().await;
        assert!(system.contains(&"password_reset_requested".to_string()));
        assert!(system.contains(&"password_set".to_string()));
    }
);

both!(the_email_address_works_as_well_as_the_login_id, |app| {
    let browser = app.browser();
    browser
        .post("/password/forgot", &[("login", "Ａ-CM1@EXAMPLE.JP")])
        .await;
    // Full-width and upper-case domain are folded like everywhere else; the local part is kept.
    assert_eq!(app.mail_count("a-cm1@example.jp").await, 0);
    browser
        .post("/password/forgot", &[("login", "a-cm1＠example.jp")])
        .await;
    assert_eq!(app.mail_count("a-cm1@example.jp").await, 1);
});

both!(
    an_unknown_account_gets_the_same_answer_and_no_mail_is_sent,
    |app| {
        let known = app.browser();
        let unknown = app.browser();
        let a = known.post("/password/forgot", &[("login", "a-cm1")]).await;
        let b = unknown
            .post("/password/forgot", &[("login", "nobody-at-all")])
            .await;
        assert_eq!((a.status, &a.location), (b.status, &b.location));
        // Identical pages but for the per-response script nonce.
        let page = |body: String| body.split("<script").next().unwrap().to_string();
        assert_eq!(
            page(known.follow(&a).await.body),
            page(unknown.follow(&b).await.body)
        );
        assert_eq!(
            app.deliver_mail().await,
            1,
            "only the real account gets a mail"
        );
        let mut conn = app.owner_connection().await;
        let (total,): (i64,) = sqlx::query_as("select count(*) from mail_outbox")
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(total, 1);
    }
);

both!(
    a_disabled_or_invited_account_gets_the_same_answer_and_no_mail,
    |app| {
        let admin = app.login("a-admin").await;
        admin
            .post(&format!("/admin/staff/{}/disable", app.cm1), &[])
            .await;
        let browser = app.browser();
        let page = browser
            .post("/password/forgot", &[("login", "a-cm1")])
            .await;
        assert_eq!(page.location.as_deref(), Some("/password/forgot/sent"));
        assert_eq!(app.mail_count("a-cm1@example.jp").await, 0);
    }
);

both!(
    the_link_is_built_from_the_configured_base_url_not_the_host_header,
    |app| {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        let response = client
            .post(format!("{}/password/forgot", app.base))
            .header("host", "evil.example")
            .header("origin", &app.base)
            .form(&[("login", "a-cm1")])
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status().as_u16(),
            303,
            "{:?}",
            response.text().await
        );
        let mail = app.last_mail("a-cm1@example.jp", "password_reset").await;
        assert!(mail
            .body
            .contains(&format!("{}/password/reset?token=", app.base)));
        assert!(!mail.body.contains("evil.example"));
    }
);

both!(an_empty_request_names_the_field, |app| {
    let browser = app.browser();
    let back = browser.post("/password/forgot", &[("login", " ")]).await;
    assert_eq!(back.location.as_deref(), Some("/password/forgot"));
    let page = browser.follow(&back).await;
    assert!(page
        .text()
        .contains("ログインIDまたはメールアドレスを入力してください。"));
});

both!(
    many_requests_from_one_address_are_refused_for_a_while,
    |app| {
        let browser = app.browser();
        for i in 0..10 {
            let page = browser
                .post("/password/forgot", &[("login", &format!("someone-{i}"))])
                .await;
            assert_eq!(page.status, 303);
        }
        let refused = browser
            .post("/password/forgot", &[("login", "a-cm1")])
            .await;
        assert_eq!(refused.status, 429);
        assert!(refused.text().contains("しばらく待ってから"));
        assert_eq!(app.mail_count("a-cm1@example.jp").await, 0);
        app.clock.advance(std::time::Duration::from_secs(16 * 60));
        assert_eq!(
            browser
                .post("/password/forgot", &[("login", "a-cm1")])
                .await
                .status,
            303
        );
    }
);

both!(
    one_account_gets_at_most_three_reset_mails_an_hour_with_the_same_answer,
    |app| {
        for _ in 0..4 {
            let page = app
                .browser()
                .post("/password/forgot", &[("login", "a-cm1")])
                .await;
            assert_eq!(page.location.as_deref(), Some("/password/forgot/sent"));
        }
        assert_eq!(app.mail_count("a-cm1@example.jp").await, 3);
    }
);
