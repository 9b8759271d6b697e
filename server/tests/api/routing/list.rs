use super::*;

/// The 受信 list's row of `delivery` as text.
async fn inbox_row(browser: &Browser, delivery: &str) -> String {
    let page = browser.get("/inbox").await;
    let at = page
        .body
        .find(&format!("/deliveries/{delivery}\""))
        .expect("the item is listed");
    let start = page.body[..at].rfind("<tr").unwrap();
    let end = at + page.body[at..].find("</tr>").unwrap();
    crate::browser::visible_text(&page.body[start..end])
}

both!(
    the_inbox_assignee_column_follows_every_routing_change,
    |app| {
        let admin = roster_two_care_managers(&app).await;
        // P1 → 介護 一郎 and P2 → 介護 二郎 by the roster; P3 is nobody's yet.
        let delivery = actuals_to_a(&app, &[P1, P2, P3]).await;
        let row = inbox_row(&admin, &delivery).await;
        assert!(row.contains("介護 一郎、介護 二郎"), "{row}");
        assert!(row.contains("未割当 1人"), "{row}");
        assert!(admin.get("/").await.text().contains("未割当 1件"));

        let assign = |persons: String, to: String| {
            let (admin, delivery) = (&admin, &delivery);
            async move {
                let form = admin.get(&format!("/deliveries/{delivery}/assign")).await;
                let done = admin
                    .post(
                        &format!("/deliveries/{delivery}/assign"),
                        &[
                            ("version", &version_on(&form)),
                            ("persons", &persons),
                            ("to", &to),
                        ],
                    )
                    .await;
                assert_eq!(done.status, 303, "{}", done.text());
            }
        };
        let (cm1, cm2) = (user_id(&app, "a-cm1").await, user_id(&app, "a-cm2").await);
        assign(format!("{INSURER}:{P3}"), cm1.clone()).await;
        let row = inbox_row(&admin, &delivery).await;
        assert!(row.contains("介護 一郎、介護 二郎"), "{row}");
        assert!(!row.contains("未割当"), "{row}");
        assert!(!admin.get("/").await.text().contains("未割当 1件"));

        assign(format!("{INSURER}:{P1}"), cm2.clone()).await;
        assign(format!("{INSURER}:{P3}"), cm2.clone()).await;
        let row = inbox_row(&admin, &delivery).await;
        assert!(row.contains("介護 二郎"), "{row}");
        assert!(!row.contains("介護 一郎"), "{row}");

        // A status change is a routing change too: the 未割当 queue's form carries the item's
        // new version, so assigning from it right after is not refused as stale.
        let next = actuals_to_a(&app, &[P1, P3]).await;
        let cm1_browser = app.login("a-cm1").await;
        let changed = post_status(&cm1_browser, &next, "in_progress").await;
        assert_eq!(changed.status, 303, "{}", changed.text());
        let value = queue_value(&admin.get("/inbox/unassigned").await, &next);
        let done = admin
            .post(
                "/inbox/unassigned/assign",
                &[("items", value.as_str()), ("to", &cm2)],
            )
            .await;
        assert!(
            admin
                .follow(&done)
                .await
                .text()
                .contains("1件のファイルを割り当てました。"),
            "{}",
            done.text()
        );
        let row = inbox_row(&admin, &next).await;
        assert!(row.contains("介護 一郎、介護 二郎"), "{row}");
        assert!(!row.contains("未割当"), "{row}");
    }
);
