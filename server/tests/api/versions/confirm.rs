//! 内容確認済, the sender's per-partner view and the 確認状況 list; tenant walls.

use super::fixtures::{ids_after, plan_unit, send, B, TARO};
use crate::exchange_helpers::B2_NUMBER;

const B2: (&str, &str) = (B2_NUMBER, "15");

/// Plan v1 and v2 for TARO, each to B and to B2.
async fn to_two_partners(app: &crate::helpers::TestApp) {
    let cm1 = app.login("a-cm1").await;
    let mut v1 = plan_unit(
        B,
        "20260401090000",
        "20260401",
        &[TARO],
        "方針1",
        &["入浴介助"],
    );
    v1.extend(plan_unit(
        B2,
        "20260401090000",
        "20260401",
        &[TARO],
        "方針1",
        &["入浴介助"],
    ));
    send(app, &cm1, v1).await;
    let mut v2 = plan_unit(
        B,
        "20260402090000",
        "20260401",
        &[TARO],
        "方針2",
        &["入浴介助"],
    );
    v2.extend(plan_unit(
        B2,
        "20260402090000",
        "20260401",
        &[TARO],
        "方針2",
        &["入浴介助"],
    ));
    send(app, &cm1, v2).await;
}

both!(
    the_sender_sees_who_confirmed_and_who_has_not_seen_the_latest,
    |app| {
        to_two_partners(&app).await;
        let versions = app.versions_of(TARO.0, "plan").await;
        let b_id = app.office_b.to_string();
        let v2_b = versions
            .iter()
            .find(|v| v.stamp == "20260402090000" && v.to == b_id)
            .unwrap();
        let b = app.login("b-staff").await;
        b.get(&format!("/deliveries/{}", v2_b.delivery)).await;
        let confirmed = b.post(&format!("/versions/{}/confirm", v2_b.id), &[]).await;
        assert_eq!(confirmed.status, 303);
        let page = b.follow(&confirmed).await;
        assert!(
            page.text().contains("内容確認済にしました。"),
            "{}",
            page.text()
        );
        assert!(page.text().contains("訪問 職員（") && page.text().contains("確認済"));
        // Twice is harmless: one audit row.
        b.post(&format!("/versions/{}/confirm", v2_b.id), &[]).await;
        let confirmations = app
            .audit_actions(app.office_b)
            .await
            .into_iter()
            .filter(|a| a == "version_confirmed")
            .count();
        assert_eq!(confirmations, 1);

        let cm1 = app.login("a-cm1").await;
        let partners = cm1.get(&format!("/versions/{}/partners", v2_b.id)).await;
        assert_eq!(partners.status, 200, "{}", partners.text());
        let text = partners.text();
        assert!(
            text.contains("テスト訪問介護（事業所番号 1320000002）"),
            "{text}"
        );
        assert!(
            text.contains("訪問 職員（"),
            "B's confirmation shows who: {text}"
        );
        let chase = partners
            .body
            .split("data-chase-list")
            .nth(1)
            .unwrap_or_default();
        let chase = &chase[..chase.find("</ul>").unwrap_or(chase.len())];
        assert!(chase.contains("テストデイサービス"), "{chase}");
        assert!(!chase.contains("テスト訪問介護"), "{chase}");

        let unseen = cm1.get("/versions/unseen").await;
        assert!(
            unseen.text().contains("テストデイサービス"),
            "{}",
            unseen.text()
        );
        assert!(
            !unseen.text().contains("テスト訪問介護（"),
            "{}",
            unseen.text()
        );
        let links = ids_after(&unseen.body, "/versions/");
        assert_eq!(links.len(), 1, "only B2's latest version is unseen");
    }
);

both!(an_old_version_cannot_be_confirmed, |app| {
    to_two_partners(&app).await;
    let b_id = app.office_b.to_string();
    let versions = app.versions_of(TARO.0, "plan").await;
    let v1_b = versions
        .iter()
        .find(|v| v.stamp == "20260401090000" && v.to == b_id)
        .unwrap();
    let b = app.login("b-staff").await;
    let refused = b.post(&format!("/versions/{}/confirm", v1_b.id), &[]).await;
    assert_eq!(refused.status, 409);
    assert!(
        refused.text().contains("新しい版で置き換えられているため"),
        "{}",
        refused.text()
    );
});

both!(
    only_the_receiving_office_confirms_and_others_see_nothing,
    |app| {
        to_two_partners(&app).await;
        let b_id = app.office_b.to_string();
        let versions = app.versions_of(TARO.0, "plan").await;
        let v2_b = versions
            .iter()
            .find(|v| v.stamp == "20260402090000" && v.to == b_id)
            .unwrap();
        let cm1 = app.login("a-cm1").await;
        assert_eq!(
            cm1.post(&format!("/versions/{}/confirm", v2_b.id), &[])
                .await
                .status,
            403
        );
        let b = app.login("b-staff").await;
        assert_eq!(
            b.get(&format!("/versions/{}/partners", v2_b.id))
                .await
                .status,
            403
        );
        let c = app.login("c-staff").await;
        for path in [
            format!("/versions/{}/timeline", v2_b.id),
            format!("/versions/{}/diff", v2_b.id),
            format!("/versions/{}/partners", v2_b.id),
        ] {
            assert_eq!(c.get(&path).await.status, 404, "{path}");
        }
        assert_eq!(
            c.post(&format!("/versions/{}/confirm", v2_b.id), &[])
                .await
                .status,
            404
        );
        assert!(c
            .get("/versions/unseen")
            .await
            .text()
            .contains("未開封の最新版はありません"));
        // B2 (same organisation as B) does not see B's chain either.
        let b_admin = app.login("b-admin").await;
        b_admin
            .post(
                "/offices/switch",
                &[("office_id", &app.office_b2.to_string())],
            )
            .await;
        assert_eq!(
            b_admin
                .get(&format!("/versions/{}/timeline", v2_b.id))
                .await
                .status,
            404
        );
    }
);
