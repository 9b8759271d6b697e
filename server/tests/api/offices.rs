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
