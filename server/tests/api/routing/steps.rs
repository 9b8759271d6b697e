use super::*;

both!(
    a_sender_becomes_the_persons_担当_and_their_actuals_route_to_them,
    |app| {
        plan_to_b(&app, "a-cm1").await;
        assert_eq!(
            roster_assignee(&app, app.office_a, P1).await.as_deref(),
            Some("a-cm1")
        );
        // Sticky: a later send by someone else does not take the person over.
        plan_to_b(&app, "a-cm2").await;
        assert_eq!(
            roster_assignee(&app, app.office_a, P1).await.as_deref(),
            Some("a-cm1")
        );

        let delivery = actuals_to_a(&app, &[P1]).await;
        assert_eq!(
            routes(&app, &delivery).await,
            vec![(P1.into(), "a-cm1".into(), "roster".into(), "unread".into())]
        );
        let cm1 = app.login("a-cm1").await;
        let page = cm1.get(&format!("/deliveries/{delivery}")).await.text();
        assert!(page.contains("担当者台帳により"), "{page}");
        assert!(page.contains("介護 一郎"), "{page}");
        // The receiving side (B) added the person unassigned; its sender (b-staff) is 担当.
        assert_eq!(
            roster_assignee(&app, app.office_b, P1).await.as_deref(),
            Some("b-staff")
        );
    }
);

both!(
    each_care_manager_sees_only_their_persons_in_my_inbox_and_the_rest_is_unassigned,
    |app| {
        roster_two_care_managers(&app).await;
        let delivery = actuals_to_a(&app, &[P1, P2, P3]).await;
        assert_eq!(
            routes(&app, &delivery).await,
            vec![
                (P1.into(), "a-cm1".into(), "roster".into(), "unread".into()),
                (P2.into(), "a-cm2".into(), "roster".into(), "unread".into()),
                (
                    P3.into(),
                    String::new(),
                    "unassigned".into(),
                    "unread".into()
                ),
            ]
        );
        // The brief the lists read (written with the routes, not read back from them): both
        // 担当 in the order of their persons, one person unassigned, three routes of version 1.
        let mut conn = app.owner_connection().await;
        let brief: (String, i64, i64) = sqlx::query_as(
            "select assignees, unassigned, version from route_brief where delivery_id = $1",
        )
        .bind(&delivery)
        .fetch_one(&mut conn)
        .await
        .unwrap();
        let (cm1_id, cm2_id) = (user_id(&app, "a-cm1").await, user_id(&app, "a-cm2").await);
        assert_eq!(brief, (format!("{cm1_id} {cm2_id}"), 1, 3));
        let cm1 = app.login("a-cm1").await;
        let mine = cm1.get("/inbox/mine").await;
        let text = mine.text();
        assert!(text.contains("山田 太郎"), "{text}");
        assert!(text.contains("テスト訪問介護"), "{text}");
        assert!(
            !text.contains("佐藤 花子"),
            "cm2's person is not cm1's: {text}"
        );
        assert!(mine.body.contains("class=\"my-person\""));
        let home = cm1.get("/").await.text();
        assert!(home.contains("自分の受信 未読 1件"), "{home}");
        // The home page says what waits, with a link to it.
        assert!(
            home.contains("：担当の利用者のファイルで、まだ開いていないものが1件あります"),
            "{home}"
        );
        assert!(
            !home.contains("担当者が決まっていないファイル"),
            "staff do not assign"
        );
        let cm2 = app.login("a-cm2").await;
        let text = cm2.get("/inbox/mine").await.text();
        assert!(
            text.contains("佐藤 花子") && !text.contains("山田 太郎"),
            "{text}"
        );

        let admin = app.login("a-admin").await;
        let queue = admin.get("/inbox/unassigned").await;
        assert!(queue.body.contains(&delivery), "{}", queue.text());
        assert!(queue.text().contains("1人"));
        let home = admin.get("/").await.text();
        assert!(home.contains("未割当 1件"), "{home}");
        assert!(
            home.contains("：担当者が決まっていないファイルが1件あります"),
            "{home}"
        );
        let item = admin.get(&format!("/deliveries/{delivery}")).await.text();
        assert!(
            item.contains("未割当") && item.contains(&format!("被保険者番号 {P3}")),
            "{item}"
        );
        // Routing is in the history and the audit log.
        assert!(item.contains("受信し、振り分けました"), "{item}");
        assert!(app
            .audit_actions(app.office_a)
            .await
            .contains(&"item_routed".to_string()));
        // The sender never sees the receiving office's routing.
        let b = app.login("b-staff").await;
        let sent = b.get(&format!("/deliveries/{delivery}")).await;
        assert_eq!(sent.status, 200);
        assert!(!sent.text().contains("担当と対応状況") && !sent.text().contains("山田 太郎"));
    }
);

both!(
    a_partner_rule_routes_persons_the_roster_does_not_name,
    |app| {
        roster_two_care_managers(&app).await;
        // The rule form offers partners that have sent to A: send once first.
        actuals_to_a(&app, &[P3]).await;
        let admin = app.login("a-admin").await;
        let cm2 = user_id(&app, "a-cm2").await;
        let saved = admin
            .post(
                "/routing/rules",
                &[("partner", &app.office_b.to_string()), ("assignee", &cm2)],
            )
            .await;
        assert!(admin
            .follow(&saved)
            .await
            .text()
            .contains("送信元ルールを保存しました。"));

        let delivery = actuals_to_a(&app, &[P1, P3]).await;
        assert_eq!(
            routes(&app, &delivery).await,
            vec![
                (P1.into(), "a-cm1".into(), "roster".into(), "unread".into()),
                (P3.into(), "a-cm2".into(), "rule".into(), "unread".into()),
            ]
        );
        let item = admin.get(&format!("/deliveries/{delivery}")).await.text();
        assert!(item.contains("送信元ルールにより"), "{item}");

        // A staff member cannot edit rules; another office cannot see them.
        let cm1 = app.login("a-cm1").await;
        let refused = cm1
            .post(
                "/routing/rules",
                &[("partner", &app.office_b.to_string()), ("assignee", &cm2)],
            )
            .await;
        assert_eq!(refused.status, 403);
        assert_eq!(cm1.get("/routing/rules").await.status, 403);
        // A rule naming a user of another office is refused.
        let other = user_id(&app, "b-staff").await;
        let bad = admin
            .post(
                "/routing/rules",
                &[("partner", &app.office_b.to_string()), ("assignee", &other)],
            )
            .await;
        assert!(admin
            .follow(&bad)
            .await
            .text()
            .contains("この事業所で利用中の職員を選んでください"));
    }
);

both!(
    an_item_without_persons_goes_to_the_unassigned_queue,
    |app| {
        let b = app.login("b-staff").await;
        let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".to_vec();
        app.clock.advance(Duration::from_secs(60));
        let page = b
            .upload(
                "/uploads",
                vec![("memo.pdf".into(), pdf)],
                &[("attachment_office", A_NUMBER), ("attachment_type", "43")],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.text());
        let sent = b
            .post(&format!("{}/send", page.location.unwrap()), &[])
            .await;
        assert_eq!(sent.status, 303);
        let admin = app.login("a-admin").await;
        let queue = admin.get("/inbox/unassigned").await.text();
        assert!(queue.contains("テスト訪問介護"), "{queue}");
        let mut conn = app.owner_connection().await;
        let (n,): (i64,) = sqlx::query_as(
        "select count(*) from delivery_route where insured = '' and assignee_id is null and reason = 'unassigned'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
        assert_eq!(n, 1);
    }
);

both!(the_navigation_counts_unassigned_items_up_to_100, |app| {
    let delivery = actuals_to_a(&app, &[P3]).await;
    let admin = app.login("a-admin").await;
    assert!(admin.get("/").await.text().contains("未割当 1件"));
    // 99 more items like it, with their routes and briefs, written directly (sending 99
    // files would only be slower).
    let (app, delivery) = (&app, delivery.as_str());
    let copy = move |n: usize| async move {
        let mut conn = app.owner_connection().await;
        let id = format!("{delivery}-{n:03}");
        sqlx::query(
                "insert into delivery (delivery_id, outgoing_id, from_office_id, to_office_id, sent_by, sent_at,
                                       file_count, kinds, target_months, persons_text, persons_label)
                 select $1, outgoing_id, from_office_id, to_office_id, sent_by, sent_at, file_count, kinds,
                        target_months, persons_text, persons_label from delivery where delivery_id = $2",
            )
            .bind(&id)
            .bind(delivery)
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query(
                "insert into delivery_route (route_id, delivery_id, office_id, insurer, insured, person_name,
                                             assignee_id, reason, status, routed_at, updated_at)
                 select $1, $2, office_id, insurer, insured, person_name, assignee_id, reason, status,
                        routed_at, updated_at from delivery_route where delivery_id = $3",
            )
            .bind(format!("route-{n:03}"))
            .bind(&id)
            .bind(delivery)
            .execute(&mut conn)
            .await
            .unwrap();
        sqlx::query(
                "insert into route_brief (delivery_id, office_id, assignees, unassigned, version)
                 select $1, office_id, assignees, unassigned, version from route_brief where delivery_id = $2",
            )
            .bind(&id)
            .bind(delivery)
            .execute(&mut conn)
            .await
            .unwrap();
    };
    for n in 0..98 {
        copy(n).await;
    }
    assert!(admin.get("/").await.text().contains("未割当 99件"));
    copy(98).await;
    assert!(admin.get("/").await.text().contains("未割当 100件以上"));
    copy(99).await;
    let menu = admin.get("/").await.text();
    assert!(menu.contains("未割当 100件以上"), "{menu}");
});
