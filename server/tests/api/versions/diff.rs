//! 変更点の確認: changed fields, added lines, refusals; audited.

use super::fixtures::{plan_unit, send, usage_unit, B, HANAKO, TARO};

both!(the_diff_shows_changed_fields_and_added_lines, |app| {
    let cm1 = app.login("a-cm1").await;
    send(
        &app,
        &cm1,
        plan_unit(
            B,
            "20260401090000",
            "20260401",
            &[TARO],
            "自宅で暮らす",
            &["入浴介助"],
        ),
    )
    .await;
    send(
        &app,
        &cm1,
        plan_unit(
            B,
            "20260402090000",
            "20260401",
            &[TARO],
            "自宅で安全に暮らす",
            &["入浴介助", "通院介助"],
        ),
    )
    .await;
    let versions = app.versions_of(TARO.0, "plan").await;
    let b = app.login("b-staff").await;
    // Default: the version before it.
    let page = b.get(&format!("/versions/{}/diff", versions[1].id)).await;
    assert_eq!(page.status, 200, "{}", page.text());
    let text = page.text();
    assert!(text.contains("2件の違いがあります"), "{text}");
    assert!(text.contains("総合的な援助の方針"));
    assert!(
        text.contains("変更前： 自宅で暮らす") && text.contains("変更後： 自宅で安全に暮らす"),
        "{text}"
    );
    assert!(text.contains("課題1・目標1・援助内容2") && text.contains("（なし）"));
    assert!(text.contains("通院介助"));
    assert!(
        page.body.contains("<del class=\"diff__old\">")
            && page.body.contains("<ins class=\"diff__new\">")
    );
    assert!(app
        .audit_actions(app.office_b)
        .await
        .contains(&"versions_compared".to_string()));
});

both!(usage_days_added_and_removed_are_listed_by_date, |app| {
    let cm1 = app.login("a-cm1").await;
    send(
        &app,
        &cm1,
        usage_unit(B, "20260401090000", "202604", &[TARO], &[8, 15]),
    )
    .await;
    send(
        &app,
        &cm1,
        usage_unit(B, "20260402090000", "202604", &[TARO], &[8, 22]),
    )
    .await;
    let versions = app.versions_of(TARO.0, "usage").await;
    let a_page = cm1
        .get(&format!(
            "/versions/{}/diff?from={}",
            versions[1].id, versions[0].id
        ))
        .await;
    let text = a_page.text();
    assert!(
        text.contains("4月15日（水）") && text.contains("（削除）"),
        "{text}"
    );
    assert!(
        text.contains("4月22日（水）") && text.contains("（なし）"),
        "{text}"
    );
    assert!(
        !text.contains("4月8日（水）"),
        "an unchanged day is not listed"
    );
});

both!(
    a_diff_across_persons_or_kinds_is_refused_with_a_message,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(
            &app,
            &cm1,
            plan_unit(
                B,
                "20260401090000",
                "20260401",
                &[TARO, HANAKO],
                "方針",
                &["入浴介助"],
            ),
        )
        .await;
        send(
            &app,
            &cm1,
            usage_unit(B, "20260402090000", "202604", &[TARO], &[8]),
        )
        .await;
        let taro_plan = &app.versions_of(TARO.0, "plan").await[0];
        let hanako_plan = &app.versions_of(HANAKO.0, "plan").await[0];
        let taro_usage = &app.versions_of(TARO.0, "usage").await[0];
        let b = app.login("b-staff").await;
        let persons = b
            .get(&format!(
                "/versions/{}/diff?from={}",
                taro_plan.id, hanako_plan.id
            ))
            .await;
        assert_eq!(persons.status, 409);
        assert!(
            persons.text().contains("異なる利用者の版は比較できません"),
            "{}",
            persons.text()
        );
        let kinds = b
            .get(&format!(
                "/versions/{}/diff?from={}",
                taro_plan.id, taro_usage.id
            ))
            .await;
        assert_eq!(kinds.status, 409);
        assert!(
            kinds.text().contains(
                "種類の異なる書類（サービス利用票（予定）と居宅サービス計画）は比較できません"
            ),
            "{}",
            kinds.text()
        );
        let first = b.get(&format!("/versions/{}/diff", taro_plan.id)).await;
        assert_eq!(first.status, 409);
        assert!(first.text().contains("この版より前の版はありません"));
        assert!(!app
            .audit_actions(app.office_b)
            .await
            .contains(&"versions_compared".to_string()));
    }
);
