use super::*;

both!(
    a_manager_assigns_from_the_queue_and_the_assignee_gets_a_mail_without_personal_data,
    |app| {
        roster_two_care_managers(&app).await;
        let delivery = actuals_to_a(&app, &[P1, P3]).await;
        let admin = app.login("a-admin").await;
        let queue = admin.get("/inbox/unassigned").await;
        let item = queue_value(&queue, &delivery);
        let cm2 = user_id(&app, "a-cm2").await;
        let done = admin
            .post(
                "/inbox/unassigned/assign",
                &[
                    ("items", item.as_str()),
                    ("to", &cm2),
                    ("update_roster", "1"),
                ],
            )
            .await;
        assert!(admin
            .follow(&done)
            .await
            .text()
            .contains("1件のファイルを割り当てました。"));
        assert_eq!(
            routes(&app, &delivery).await,
            vec![
                (P1.into(), "a-cm1".into(), "roster".into(), "unread".into()),
                (P3.into(), "a-cm2".into(), "manual".into(), "unread".into()),
            ]
        );
        // 「台帳も更新する」: the next file for P3 follows.
        assert_eq!(
            roster_assignee(&app, app.office_a, P3).await.as_deref(),
            Some("a-cm2")
        );
        let next = actuals_to_a(&app, &[P3]).await;
        assert_eq!(routes(&app, &next).await[0].1, "a-cm2");

        let mail = app
            .mails_to("a-cm2@example.jp")
            .await
            .into_iter()
            .find(|m| m.template == "assigned" && m.subject.contains("割り当てられました"))
            .expect("the assignment mail");
        assert_eq!(mail.subject, "担当のファイルが割り当てられました");
        assert!(
            mail.body.contains("テスト訪問介護から届いたファイル1件"),
            "{}",
            mail.body
        );
        assert!(mail.body.contains(&format!("{}/inbox/mine", app.base)));
        assert!(
            !mail.body.contains(P3) && !mail.body.contains(INSURER),
            "no personal data"
        );
        let item_page = admin.get(&format!("/deliveries/{delivery}")).await.text();
        assert!(
            item_page.contains("介護 二郎さんに割り当てました"),
            "{item_page}"
        );
        assert!(app
            .audit_actions(app.office_a)
            .await
            .contains(&"item_assigned".to_string()));
    }
);

both!(a_reassignment_moves_the_item_between_my_inboxes, |app| {
    roster_two_care_managers(&app).await;
    let delivery = actuals_to_a(&app, &[P2]).await;
    let cm2 = app.login("a-cm2").await;
    assert!(cm2.get("/inbox/mine").await.body.contains(&delivery));
    let admin = app.login("a-admin").await;
    let form = admin.get(&format!("/deliveries/{delivery}/assign")).await;
    assert_eq!(form.status, 200);
    let cm1 = user_id(&app, "a-cm1").await;
    let done = admin
        .post(
            &format!("/deliveries/{delivery}/assign"),
            &[
                ("version", &version_on(&form)),
                ("persons", &format!("{INSURER}:{P2}")),
                ("to", &cm1),
            ],
        )
        .await;
    assert_eq!(
        done.location.as_deref(),
        Some(format!("/deliveries/{delivery}").as_str())
    );
    assert!(
        !cm2.get("/inbox/mine").await.body.contains(&delivery),
        "gone from cm2"
    );
    let cm1_browser = app.login("a-cm1").await;
    assert!(
        cm1_browser
            .get("/inbox/mine")
            .await
            .body
            .contains(&delivery),
        "now cm1's"
    );
    // Without 「台帳も更新する」 the roster keeps its 担当.
    assert_eq!(
        roster_assignee(&app, app.office_a, P2).await.as_deref(),
        Some("a-cm2")
    );
});

both!(
    a_staff_member_cannot_assign_others_but_can_take_unassigned_items,
    |app| {
        let delivery = actuals_to_a(&app, &[P3]).await;
        let cm1 = app.login("a-cm1").await;
        let page = cm1.get(&format!("/deliveries/{delivery}")).await;
        let version = version_on(&page);
        let cm2 = user_id(&app, "a-cm2").await;
        let refused = cm1
            .post(
                &format!("/deliveries/{delivery}/assign"),
                &[
                    ("version", version.as_str()),
                    ("persons", &format!("{INSURER}:{P3}")),
                    ("to", &cm2),
                ],
            )
            .await;
        assert_eq!(refused.status, 403);
        let bulk = cm1
            .post(
                "/inbox/unassigned/assign",
                &[
                    ("items", format!("{delivery}:{version}").as_str()),
                    ("to", &cm2),
                ],
            )
            .await;
        assert_eq!(bulk.status, 403);
        assert_eq!(
            cm1.get(&format!("/deliveries/{delivery}/assign"))
                .await
                .status,
            403
        );
        assert_eq!(routes(&app, &delivery).await[0].1, "");

        let taken = cm1
            .post(
                &format!("/deliveries/{delivery}/take"),
                &[("version", &version)],
            )
            .await;
        assert!(cm1
            .follow(&taken)
            .await
            .text()
            .contains("あなたの担当にしました。"));
        assert_eq!(routes(&app, &delivery).await[0].1, "a-cm1");
        assert_eq!(routes(&app, &delivery).await[0].2, "taken");
    }
);

both!(
    assigning_to_a_disabled_user_or_another_offices_user_is_refused,
    |app| {
        let delivery = actuals_to_a(&app, &[P3]).await;
        let admin = app.login("a-admin").await;
        let page = admin.get(&format!("/deliveries/{delivery}/assign")).await;
        let version = version_on(&page);
        let person = format!("{INSURER}:{P3}");
        let outsider = user_id(&app, "b-staff").await;
        let bad = admin
            .post(
                &format!("/deliveries/{delivery}/assign"),
                &[
                    ("version", version.as_str()),
                    ("persons", &person),
                    ("to", &outsider),
                ],
            )
            .await;
        let text = admin.follow(&bad).await.text();
        assert!(
            text.contains("担当者には、この事業所で利用中の職員を選んでください"),
            "{text}"
        );

        let cm2 = user_id(&app, "a-cm2").await;
        let disabled = admin
            .post(&format!("/admin/staff/{cm2}/disable"), &[])
            .await;
        assert_eq!(disabled.status, 303);
        let bad = admin
            .post(
                &format!("/deliveries/{delivery}/assign"),
                &[
                    ("version", version.as_str()),
                    ("persons", &person),
                    ("to", &cm2),
                ],
            )
            .await;
        assert!(admin.follow(&bad).await.text().contains("利用停止中の職員"));
        assert_eq!(routes(&app, &delivery).await[0].1, "", "nothing applied");
        // Another office's item is not found.
        let c = app.login("c-staff").await;
        assert_eq!(
            c.get(&format!("/deliveries/{delivery}/assign"))
                .await
                .status,
            404
        );
        assert_eq!(
            c.post(
                &format!("/deliveries/{delivery}/take"),
                &[("version", &version)]
            )
            .await
            .status,
            404
        );
    }
);

both!(
    a_stale_assignment_form_says_who_changed_it_and_changes_nothing,
    |app| {
        let delivery = actuals_to_a(&app, &[P3]).await;
        let admin = app.login("a-admin").await;
        let form = admin.get(&format!("/deliveries/{delivery}/assign")).await;
        let old = version_on(&form);
        // Meanwhile a-cm1 takes the item.
        let cm1 = app.login("a-cm1").await;
        cm1.post(
            &format!("/deliveries/{delivery}/take"),
            &[("version", &old)],
        )
        .await;
        let cm2 = user_id(&app, "a-cm2").await;
        let stale = admin
            .post(
                &format!("/deliveries/{delivery}/assign"),
                &[
                    ("version", old.as_str()),
                    ("persons", &format!("{INSURER}:{P3}")),
                    ("to", &cm2),
                ],
            )
            .await;
        assert_eq!(
            stale.location.as_deref(),
            Some(format!("/deliveries/{delivery}/assign").as_str())
        );
        let text = admin.follow(&stale).await.text();
        assert!(text.contains("介護 一郎さんが"), "{text}");
        assert!(text.contains("あなたの変更は保存していません"), "{text}");
        assert_eq!(
            routes(&app, &delivery).await[0].1,
            "a-cm1",
            "not overwritten"
        );
        // A stale bulk assignment is refused as a whole.
        let bulk = admin
            .post(
                "/inbox/unassigned/assign",
                &[
                    ("items", format!("{delivery}:{old}").as_str()),
                    ("to", &cm2),
                ],
            )
            .await;
        assert!(admin
            .follow(&bulk)
            .await
            .text()
            .contains("あなたの変更は保存していません"));
        assert_eq!(routes(&app, &delivery).await[0].1, "a-cm1");
    }
);
