//! Office switching and tenant isolation of the current office.

both!(
    a_member_of_two_offices_switches_and_every_page_shows_the_new_office,
    |app| {
        let browser = app.login("b-admin").await;
        let list = browser.get("/offices").await;
        assert!(
            list.text().contains("テスト訪問介護") && list.text().contains("テストデイサービス"),
            "{}",
            list.text()
        );
        let target = if browser
            .get("/")
            .await
            .text()
            .contains("現在の事業所： テスト訪問介護")
        {
            app.office_b2
        } else {
            app.office_b
        };
        let switched = browser
            .post("/offices/switch", &[("office_id", &target.to_string())])
            .await;
        assert_eq!(switched.location.as_deref(), Some("/"));
        let home = browser.follow(&switched).await;
        let expected = if target == app.office_b2 {
            "テストデイサービス"
        } else {
            "テスト訪問介護"
        };
        assert!(
            home.text().contains(&format!("現在の事業所： {expected}")),
            "{}",
            home.text()
        );
        assert!(home
            .text()
            .contains(&format!("{expected}に切り替えました。")));
        assert!(browser
            .get("/admin/staff")
            .await
            .text()
            .contains(&format!("現在の事業所： {expected}")));
        assert_eq!(
            app.audit_actions(target).await.last().map(String::as_str),
            Some("office_switched")
        );
    }
);

both!(
    switching_to_an_office_one_does_not_belong_to_answers_404,
    |app| {
        let browser = app.login("b-admin").await;
        let before = browser.get("/").await.text();
        assert_eq!(
            browser
                .post(
                    "/offices/switch",
                    &[("office_id", &app.office_a.to_string())]
                )
                .await
                .status,
            404
        );
        assert_eq!(
            browser
                .post("/offices/switch", &[("office_id", "garbage")])
                .await
                .status,
            404
        );
        assert_eq!(
            browser.get("/").await.text(),
            before,
            "still in the same office"
        );
    }
);

both!(a_single_office_user_sees_no_switch_link, |app| {
    let browser = app.login("a-cm1").await;
    assert!(!browser.get("/").await.body.contains("href=\"/offices\""));
});

both!(an_unknown_page_answers_404_in_japanese, |app| {
    let browser = app.login("a-cm1").await;
    let page = browser.get("/no/such/page").await;
    assert_eq!(page.status, 404);
    assert!(page.text().contains("ページが見つかりません"));
});

both!(
    the_operator_command_registers_an_organisation_whose_admin_can_log_in,
    |app| {
        let args = server::cli::create_org::CreateOrgArgs {
            name: "医療法人あおば会".into(),
            offices: vec![
                "1340000005:43:あおば居宅介護支援事業所:仙台市".into(),
                "1340000006:13:あおば訪問看護".into(),
            ],
            admin_name: "青葉 一子".into(),
            admin_login: "aoba-admin".into(),
            admin_email: "aoba@example.jp".into(),
            admin_password: "aoba-first-password".into(),
        };
        let created = server::cli::create_org::run(&app.db, &app.clock, args)
            .await
            .unwrap();
        assert_eq!(created.offices.len(), 2);
        let browser = app.browser();
        let ok = browser
            .post(
                "/login",
                &[
                    ("login_id", "aoba-admin"),
                    ("password", "aoba-first-password"),
                ],
            )
            .await;
        assert_eq!(ok.location.as_deref(), Some("/"));
        let offices = browser.get("/offices").await.text();
        assert!(
            offices.contains("あおば居宅介護支援事業所") && offices.contains("あおば訪問看護"),
            "{offices}"
        );
        // The same office number and type cannot be registered twice, and nothing half-made stays.
        let again = server::cli::create_org::CreateOrgArgs {
            name: "重複法人".into(),
            offices: vec![
                "1350000007:11:新しい事業所".into(),
                "1340000005:43:重複".into(),
            ],
            admin_name: "重複 太郎".into(),
            admin_login: "dup-admin".into(),
            admin_email: "dup@example.jp".into(),
            admin_password: "duplicate-password".into(),
        };
        assert!(server::cli::create_org::run(&app.db, &app.clock, again)
            .await
            .unwrap_err()
            .contains("already registered"));
        let refused = app
            .browser()
            .post(
                "/login",
                &[
                    ("login_id", "dup-admin"),
                    ("password", "duplicate-password"),
                ],
            )
            .await;
        assert_ne!(refused.location.as_deref(), Some("/"));
    }
);
