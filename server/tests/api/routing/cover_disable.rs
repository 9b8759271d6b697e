use super::*;

both!(
    while_a_care_manager_is_away_new_items_go_to_the_cover_and_open_items_can_move,
    |app| {
        roster_two_care_managers(&app).await;
        let before = actuals_to_a(&app, &[P1]).await;
        let admin = app.login("a-admin").await;
        let (cm1, cm2) = (user_id(&app, "a-cm1").await, user_id(&app, "a-cm2").await);
        // The test clock is 2026-04-01 (JST).
        let bad = admin
            .post(
                "/routing/absences",
                &[
                    ("absent", cm1.as_str()),
                    ("cover", &cm1),
                    ("from", "2026-04-03"),
                    ("to", "2026-04-01"),
                ],
            )
            .await;
        let text = admin.follow(&bad).await.text();
        assert!(
            text.contains("終了日は開始日と同じ日か、それより後にしてください。"),
            "{text}"
        );
        assert!(text.contains("代理の職員には、不在の職員とは別の人を選んでください。"));

        let saved = admin
            .post(
                "/routing/absences",
                &[
                    ("absent", cm1.as_str()),
                    ("cover", &cm2),
                    ("from", "２０２６-０４-０１"),
                    ("to", "2026-04-03"),
                    ("move_open", "1"),
                ],
            )
            .await;
        let text = admin.follow(&saved).await.text();
        assert!(
            text.contains("対応中のファイル1件を代理の職員に移しました。"),
            "{text}"
        );
        assert!(text.contains("2026-04-01〜2026-04-03"), "{text}");
        assert_eq!(routes(&app, &before).await[0].1, "a-cm2");
        assert_eq!(routes(&app, &before).await[0].2, "cover");

        let during = actuals_to_a(&app, &[P1]).await;
        assert_eq!(
            routes(&app, &during).await,
            vec![(P1.into(), "a-cm2".into(), "cover".into(), "unread".into())]
        );
        assert!(admin
            .get(&format!("/deliveries/{during}"))
            .await
            .text()
            .contains("不在時の代理により"));
        // The roster keeps cm1 as 担当; after the absence, items go back to cm1.
        assert_eq!(
            roster_assignee(&app, app.office_a, P1).await.as_deref(),
            Some("a-cm1")
        );
        app.clock.advance(Duration::from_secs(3 * 86_400));
        let after = actuals_to_a(&app, &[P1]).await;
        assert_eq!(routes(&app, &after).await[0].1, "a-cm1");
        let actions = app.audit_actions(app.office_a).await;
        assert!(
            actions.contains(&"absence_set".to_string())
                && actions.contains(&"work_moved".to_string())
        );
    }
);

both!(
    disabling_a_member_with_open_work_requires_a_successor_and_moves_everything,
    |app| {
        roster_two_care_managers(&app).await;
        let open = actuals_to_a(&app, &[P2]).await;
        let admin = app.login("a-admin").await;
        let cm2 = user_id(&app, "a-cm2").await;
        let confirm = admin
            .get(&format!("/admin/staff/{cm2}/disable"))
            .await
            .text();
        assert!(
            confirm.contains("利用者1人の担当で、完了していないファイルが1件あります"),
            "{confirm}"
        );

        let refused = admin
            .post(&format!("/admin/staff/{cm2}/disable"), &[])
            .await;
        assert_eq!(
            refused.location.as_deref(),
            Some(format!("/admin/staff/{cm2}/disable").as_str())
        );
        let text = admin.follow(&refused).await.text();
        assert!(text.contains("引き継ぐ職員を選んでください"), "{text}");
        // Nothing happened: still active, still 担当.
        assert_eq!(
            roster_assignee(&app, app.office_a, P2).await.as_deref(),
            Some("a-cm2")
        );
        let cm2_browser = app.login("a-cm2").await;
        assert_eq!(cm2_browser.get("/inbox/mine").await.status, 200);

        let cm1 = user_id(&app, "a-cm1").await;
        let done = admin
            .post(
                &format!("/admin/staff/{cm2}/disable"),
                &[("successor", cm1.as_str())],
            )
            .await;
        assert!(admin
            .follow(&done)
            .await
            .text()
            .contains("介護 二郎さんの利用を停止しました。"));
        assert_eq!(
            roster_assignee(&app, app.office_a, P2).await.as_deref(),
            Some("a-cm1")
        );
        assert_eq!(
            routes(&app, &open).await,
            vec![(
                P2.into(),
                "a-cm1".into(),
                "handover".into(),
                "unread".into()
            )]
        );
        let actions = app.audit_actions(app.office_a).await;
        assert!(
            actions.contains(&"work_moved".to_string())
                && actions.contains(&"staff_disabled".to_string())
        );
        // New items for P2 now follow the roster to cm1.
        let next = actuals_to_a(&app, &[P2]).await;
        assert_eq!(routes(&app, &next).await[0].1, "a-cm1");
    }
);
