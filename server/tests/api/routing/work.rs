use super::*;

both!(
    an_assignee_moves_their_status_and_notes_stay_inside_the_office,
    |app| {
        roster_two_care_managers(&app).await;
        let delivery = actuals_to_a(&app, &[P1, P2]).await;
        let cm1 = app.login("a-cm1").await;
        let item = format!("/deliveries/{delivery}");
        let changed = post_status(&cm1, &delivery, "in_progress").await;
        assert!(cm1
            .follow(&changed)
            .await
            .text()
            .contains("対応状況を「対応中」にしました。"));
        let r = routes(&app, &delivery).await;
        assert_eq!(
            (r[0].3.as_str(), r[1].3.as_str()),
            ("in_progress", "unread"),
            "only cm1's person"
        );

        // 取込済 also tells the sender (the office receipt).
        post_status(&cm1, &delivery, "imported").await;
        let b = app.login("b-staff").await;
        assert!(b.get(&item).await.text().contains("取込済"));

        // cm1 cannot change cm2's status: not theirs.
        let cm2_page = app.login("a-cm2").await;
        let version = version_on(&cm2_page.get(&item).await);
        let admin = app.login("a-admin").await;
        let refused = admin
            .post(
                &format!("{item}/status"),
                &[("status", "done"), ("version", &version)],
            )
            .await;
        assert_eq!(
            refused.status, 403,
            "the admin holds no person of this item"
        );

        let noted = cm1
            .post(&format!("{item}/notes"), &[("note", "電話で確認済み。")])
            .await;
        assert!(cm1
            .follow(&noted)
            .await
            .text()
            .contains("メモを追加しました。"));
        let empty = cm1.post(&format!("{item}/notes"), &[("note", "  ")]).await;
        assert!(cm1
            .follow(&empty)
            .await
            .text()
            .contains("メモの内容を入力してください。"));
        let seen = app.login("a-cm2").await.get(&item).await.text();
        assert!(
            seen.contains("電話で確認済み。") && seen.contains("介護 一郎"),
            "{seen}"
        );
        assert!(
            seen.contains("対応状況を「対応中」にしました"),
            "history: {seen}"
        );
        let partner = b.get(&item).await.text();
        assert!(
            !partner.contains("電話で確認済み。"),
            "never shown to the partner"
        );
        assert_eq!(
            b.post(&format!("{item}/notes"), &[("note", "x")])
                .await
                .status,
            404
        );

        let actions = app.audit_actions(app.office_a).await;
        assert!(actions.contains(&"item_status_changed".to_string()));
        assert!(actions.contains(&"item_note_added".to_string()));
        assert!(actions.contains(&"delivery_imported".to_string()));
    }
);

both!(
    a_stale_status_form_is_refused_with_who_changed_the_item,
    |app| {
        roster_two_care_managers(&app).await;
        let delivery = actuals_to_a(&app, &[P1]).await;
        let item = format!("/deliveries/{delivery}");
        let cm1 = app.login("a-cm1").await;
        let old = version_on(&cm1.get(&item).await);
        let admin = app.login("a-admin").await;
        let cm2 = user_id(&app, "a-cm2").await;
        let form = admin.get(&format!("{item}/assign")).await;
        admin
            .post(
                &format!("{item}/assign"),
                &[
                    ("version", version_on(&form).as_str()),
                    ("persons", &format!("{INSURER}:{P1}")),
                    ("to", &cm2),
                ],
            )
            .await;
        let stale = cm1
            .post(
                &format!("{item}/status"),
                &[("status", "done"), ("version", &old)],
            )
            .await;
        let text = cm1.follow(&stale).await.text();
        assert!(text.contains("管理 花子さんが"), "{text}");
        assert_eq!(routes(&app, &delivery).await[0].3, "unread");
    }
);
