use super::*;

both!(immediate_digest_and_off_each_do_what_they_say, |app| {
    roster_two_care_managers(&app).await;
    let cm1 = app.login("a-cm1").await;
    let saved = cm1
        .post("/account/notifications", &[("mode", "digest")])
        .await;
    assert!(cm1
        .follow(&saved)
        .await
        .text()
        .contains("1日1回（毎朝8時）"));
    let cm2 = app.login("a-cm2").await;
    cm2.post("/account/notifications", &[("mode", "off")]).await;

    actuals_to_a(&app, &[P1, P2, P3]).await;
    // Immediate: the admin hears about 未割当; digest and off: no mail now.
    let admin_mail = app.last_mail("a-admin@example.jp", "new_items").await;
    assert!(admin_mail
        .body
        .contains(&format!("{}/inbox/unassigned", app.base)));
    assert!(!admin_mail.body.contains(P3));
    assert_eq!(app.mail_count("a-cm1@example.jp").await, 0);
    assert_eq!(app.mail_count("a-cm2@example.jp").await, 0);

    // The digest goes out after the next 08:00 JST, once.
    let routing = &app.state.services.routing;
    assert_eq!(
        routing.run_digest().await.unwrap(),
        0,
        "held until tomorrow morning"
    );
    app.clock.advance(Duration::from_secs(86_400));
    assert_eq!(routing.run_digest().await.unwrap(), 1);
    assert_eq!(routing.run_digest().await.unwrap(), 0, "sent once");
    let digest = app.last_mail("a-cm1@example.jp", "digest").await;
    assert_eq!(digest.subject, "担当のファイルのお知らせ（1日分）");
    assert!(
        digest
            .body
            .contains("ファイルが1件あります（送信元：テスト訪問介護）"),
        "{}",
        digest.body
    );
    assert!(!digest.body.contains(P1));
    assert_eq!(app.mail_count("a-cm2@example.jp").await, 0, "off means off");

    // Back to immediate (a new login: a day has passed): the next file is mailed at once.
    let cm1 = app.login("a-cm1").await;
    cm1.post("/account/notifications", &[("mode", "immediate")])
        .await;
    actuals_to_a(&app, &[P1]).await;
    let now = app.last_mail("a-cm1@example.jp", "assigned").await;
    assert_eq!(now.subject, "担当のファイルが届きました");
    assert!(now.body.contains("テスト訪問介護から、テスト居宅介護支援事業所のあなたの担当の利用者のファイルが1件届きました。"), "{}", now.body);
});
