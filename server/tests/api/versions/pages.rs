//! What staff see: inbox marks, the superseded banner, the download page, the timeline.

use super::fixtures::{
    ids_after, may_plan, plan_unit, send, slip_deletion, usage_unit, B, HANAKO, TARO,
};

const D1: &str = "20260401";

/// A sends plan v1 then v2 (changed policy, one more 第2表 line) for TARO to B.
async fn two_plan_versions(app: &crate::helpers::TestApp) {
    let cm1 = app.login("a-cm1").await;
    send(
        app,
        &cm1,
        plan_unit(
            B,
            "20260401090000",
            D1,
            &[TARO],
            "自宅で暮らす",
            &["入浴介助"],
        ),
    )
    .await;
    send(
        app,
        &cm1,
        plan_unit(
            B,
            "20260402090000",
            D1,
            &[TARO],
            "自宅で安全に暮らす",
            &["入浴介助", "通院介助"],
        ),
    )
    .await;
}

fn row_of<'a>(body: &'a str, delivery: &str) -> &'a str {
    let start = body
        .find(&format!("<a href=\"/deliveries/{delivery}\">"))
        .unwrap_or_else(|| panic!("no row for {delivery}"));
    let end = body[start..]
        .find("</tr>")
        .map_or(body.len(), |e| start + e);
    &body[start..end]
}

both!(
    the_inbox_marks_the_old_version_updated_and_the_new_one_latest,
    |app| {
        two_plan_versions(&app).await;
        let [v1, v2] = <[_; 2]>::try_from(app.versions_of(TARO.0, "plan").await).unwrap();
        let b = app.login("b-staff").await;
        let inbox = b.get("/inbox").await;
        assert_eq!(inbox.status, 200);
        let old = row_of(&inbox.body, &v1.delivery);
        assert!(old.contains(">更新済<"), "{old}");
        assert!(
            old.contains(&format!("href=\"/deliveries/{}\">最新版へ", v2.delivery)),
            "{old}"
        );
        let new = row_of(&inbox.body, &v2.delivery);
        assert!(new.contains(">最新<") && !new.contains("最新版へ"), "{new}");
        // The sender's outbox carries the same marks.
        let cm1 = app.login("a-cm1").await;
        let outbox = cm1.get("/outbox").await;
        assert!(row_of(&outbox.body, &v1.delivery).contains(">更新済<"));
    }
);

/// The 版 word of an inbox row (`None`: no mark), and where its 最新版へ link goes.
fn mark_of(body: &str, delivery: &str) -> (Option<&'static str>, Option<String>) {
    let row = row_of(body, delivery);
    let word = ["最新", "更新済", "旧計画", "取消"]
        .into_iter()
        .find(|w| row.contains(&format!(">{w}<")));
    let link = row.find("\">最新版へ").and_then(|end| {
        row[..end]
            .rfind("/deliveries/")
            .map(|s| row[s + 12..end].to_string())
    });
    (word, link)
}

both!(the_inbox_marks_follow_every_later_send, |app| {
    let cm1 = app.login("a-cm1").await;
    let b = app.login("b-staff").await;
    let usage = |stamp| usage_unit(B, stamp, "202604", &[TARO], &[8]);
    send(
        &app,
        &cm1,
        plan_unit(B, "20260401090000", D1, &[TARO], "方針1", &["入浴介助"]),
    )
    .await;
    send(&app, &cm1, usage("20260402090000")).await;
    let plan1 = app.versions_of(TARO.0, "plan").await[0].delivery.clone();
    let usage1 = app.versions_of(TARO.0, "usage").await[0].delivery.clone();
    let inbox = b.get("/inbox").await.body;
    assert_eq!(mark_of(&inbox, &plan1), (Some("最新"), None));
    assert_eq!(mark_of(&inbox, &usage1), (Some("最新"), None));

    // A newer plan makes the first one 旧計画, linking to the new one; the slip is untouched.
    send(&app, &cm1, may_plan()).await;
    let plan2 = app.versions_of(TARO.0, "plan").await[1].delivery.clone();
    let inbox = b.get("/inbox").await.body;
    assert_eq!(
        mark_of(&inbox, &plan1),
        (Some("旧計画"), Some(plan2.clone()))
    );
    assert_eq!(mark_of(&inbox, &plan2), (Some("最新"), None));
    assert_eq!(mark_of(&inbox, &usage1), (Some("最新"), None));

    // A deletion withdraws the slip; the deletion itself carries no 版.
    send(&app, &cm1, slip_deletion("20260403090000", "202604")).await;
    let dlt = app.versions_of(TARO.0, "usage").await[1].delivery.clone();
    let inbox = b.get("/inbox").await.body;
    assert_eq!(mark_of(&inbox, &usage1).0, Some("取消"));
    assert_eq!(mark_of(&inbox, &dlt), (None, None));

    // The slip sent again is 最新, and the sender's 送信済み shows the same marks.
    send(&app, &cm1, usage("20260404090000")).await;
    let usage2 = app.versions_of(TARO.0, "usage").await[2].delivery.clone();
    let inbox = b.get("/inbox").await.body;
    assert_eq!(mark_of(&inbox, &usage2), (Some("最新"), None));
    assert_eq!(mark_of(&inbox, &usage1).0, Some("取消"));
    let outbox = cm1.get("/outbox").await.body;
    for delivery in [&plan1, &plan2, &usage1, &dlt, &usage2] {
        assert_eq!(
            mark_of(&outbox, delivery),
            mark_of(&inbox, delivery),
            "{delivery}"
        );
    }
});

both!(
    an_old_version_page_shows_the_banner_and_links_to_the_latest,
    |app| {
        two_plan_versions(&app).await;
        let [v1, v2] = <[_; 2]>::try_from(app.versions_of(TARO.0, "plan").await).unwrap();
        let b = app.login("b-staff").await;
        let old = b.get(&format!("/deliveries/{}", v1.delivery)).await;
        let text = old.text();
        assert!(
            text.contains("この計画は新しい版で置き換えられています"),
            "{text}"
        );
        assert!(text.contains("版 1/2"), "{text}");
        assert!(old.body.contains(&format!(
            "href=\"/deliveries/{}\">最新版を表示する",
            v2.delivery
        )));
        assert!(old
            .body
            .contains(&format!("/versions/{}/diff?from={}", v2.id, v1.id)));
        assert!(
            !old.body.contains("内容確認済にする"),
            "an old version cannot be confirmed"
        );
        // The banner comes before the heading (UI.md §11).
        assert!(old.body.find("version-notice") < old.body.find("<h1"));

        let new = b.get(&format!("/deliveries/{}", v2.delivery)).await;
        assert!(!new.text().contains("置き換えられています"));
        assert!(new.text().contains("版 2/2") && new.body.contains(">最新<"));
        assert!(new.body.contains(&format!("/versions/{}/confirm", v2.id)));
    }
);

both!(an_old_files_download_says_so_and_still_works, |app| {
    two_plan_versions(&app).await;
    let [v1, _v2] = <[_; 2]>::try_from(app.versions_of(TARO.0, "plan").await).unwrap();
    let b = app.login("b-staff").await;
    let page = b.get(&format!("/deliveries/{}", v1.delivery)).await;
    let downloads = ids_after(&page.body, &format!("/deliveries/{}/files/", v1.delivery));
    assert_eq!(downloads.len(), 4, "{}", page.text());
    assert!(page.text().contains("ダウンロード（最新版ではありません）"));
    let file = &downloads[0];
    let notice = b
        .get(&format!(
            "/deliveries/{}/files/{file}/download",
            v1.delivery
        ))
        .await;
    assert_eq!(notice.status, 200);
    assert!(notice
        .text()
        .contains("この計画は新しい版で置き換えられています"));
    assert!(notice.text().contains("最新版ではない書類が含まれています"));
    let (status, bytes, _) = b
        .get_bytes(&format!("/deliveries/{}/files/{file}", v1.delivery))
        .await;
    assert_eq!(status, 200);
    assert!(!bytes.is_empty(), "old versions stay downloadable");
});

both!(
    the_timeline_lists_every_version_with_its_state_and_is_audited,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(
            &app,
            &cm1,
            plan_unit(B, "20260401090000", D1, &[TARO], "方針1", &["入浴介助"]),
        )
        .await;
        send(&app, &cm1, may_plan()).await;
        send(
            &app,
            &cm1,
            usage_unit(B, "20260402090000", "202604", &[TARO], &[8]),
        )
        .await;
        send(&app, &cm1, slip_deletion("20260403090000", "202604")).await;
        // HANAKO's documents are not on TARO's timeline.
        send(
            &app,
            &cm1,
            usage_unit(B, "20260404090000", "202604", &[HANAKO], &[8]),
        )
        .await;
        let plans = app.versions_of(TARO.0, "plan").await;
        let b = app.login("b-staff").await;
        let page = b.get(&format!("/versions/{}/timeline", plans[0].id)).await;
        assert_eq!(page.status, 200, "{}", page.text());
        let text = page.text();
        assert!(text.contains("介護 太郎さんの版の履歴"), "{text}");
        assert!(text.contains("居宅サービス計画（2026年5月1日作成）"));
        assert!(text.contains("旧計画（新しい計画あり）"));
        assert!(text.contains("サービス利用票（予定）（2026年4月分）"));
        assert!(text.contains("取消") && text.contains("削除の連絡"));
        assert!(text.contains("テスト居宅介護支援事業所から") && text.contains("介護 一郎"));
        assert!(text.contains("4件の版と削除の連絡"), "{text}");
        // A state whose badge says it all is not said twice.
        assert!(
            !text.contains("最新 最新") && !text.contains("取消 取消"),
            "{text}"
        );
        assert!(!text.contains("介護 花子"));
        assert!(app
            .audit_actions(app.office_b)
            .await
            .contains(&"timeline_viewed".to_string()));
    }
);

both!(a_key_conflict_and_a_late_arrival_are_explained, |app| {
    let cm1 = app.login("a-cm1").await;
    send(
        &app,
        &cm1,
        usage_unit(B, "20260405090000", "202604", &[TARO], &[8]),
    )
    .await;
    // The same key, an older 連番, and another person's name.
    send(
        &app,
        &cm1,
        usage_unit(
            B,
            "20260403090000",
            "202604",
            &[(TARO.0, "別人 次郎")],
            &[8],
        ),
    )
    .await;
    let versions = app.versions_of(TARO.0, "usage").await;
    let late = versions
        .iter()
        .find(|v| v.stamp == "20260403090000")
        .unwrap();
    let b = app.login("b-staff").await;
    let page = b.get(&format!("/deliveries/{}", late.delivery)).await;
    let text = page.text();
    assert!(text.contains("別の氏名「介護 太郎」"), "{text}");
    assert!(text.contains("古い版なので最新にはなりません"), "{text}");
    assert!(text.contains("更新済"));
});

both!(a_deletion_of_something_never_received_says_so, |app| {
    let cm1 = app.login("a-cm1").await;
    send(&app, &cm1, slip_deletion("20260403090000", "202605")).await;
    let [d] = <[_; 1]>::try_from(app.versions_of(TARO.0, "usage").await).unwrap();
    let b = app.login("b-staff").await;
    let text = b.get(&format!("/deliveries/{}", d.delivery)).await.text();
    assert!(
        text.contains("削除の対象（サービス利用票（予定）（2026年5月分））は、この連携先との間で受け取っていません"),
        "{text}"
    );
});
