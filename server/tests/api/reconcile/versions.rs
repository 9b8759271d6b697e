use super::{month_text, plan_and_actuals, scenario, send};
use server::cli::demo_reconcile::PERSONS;

both!(a_new_version_of_the_actuals_changes_the_page, |app| {
    let (cm1, b) = plan_and_actuals(&app, true).await;
    assert!(month_text(&cm1, "").await.contains("差異あり 1件"));
    send(
        &b,
        vec![scenario().actuals("20260403090000", false).unwrap()],
    )
    .await;
    let text = month_text(&cm1, "").await;
    assert!(text.contains("一致 2件"), "{text}");
    assert!(!text.contains("予定がありますが"), "{text}");
});

both!(an_older_actuals_version_arriving_later_never_wins, |app| {
    let cm1 = app.login("a-cm1").await;
    send(&cm1, scenario().plan_unit("20260225090000").unwrap()).await;
    let b = app.login("b-staff").await;
    // v2 (complete) first, then v1 (with differences, an older ファイル連番) arrives late.
    send(
        &b,
        vec![scenario().actuals("20260403090000", false).unwrap()],
    )
    .await;
    app.clock.advance(std::time::Duration::from_secs(60));
    send(
        &b,
        vec![scenario().actuals("20260402090000", true).unwrap()],
    )
    .await;
    let text = month_text(&cm1, "").await;
    assert!(text.contains("一致 2件"), "{text}");
});

both!(an_actuals_deletion_makes_the_person_wait_again, |app| {
    let (cm1, b) = plan_and_actuals(&app, true).await;
    send(
        &b,
        vec![scenario()
            .actuals_deletion("20260404090000", PERSONS[0].0)
            .unwrap()],
    )
    .await;
    let text = month_text(&cm1, "").await;
    assert!(text.contains("実績未着 1件"), "{text}");
    assert!(text.contains("一致 1件"), "{text}");
    assert!(!text.contains("予定がありますが"), "{text}");
});

both!(a_plan_deletion_leaves_the_actuals_unplanned, |app| {
    let (cm1, _) = plan_and_actuals(&app, false).await;
    send(
        &cm1,
        vec![scenario()
            .plan_deletion("20260405090000", PERSONS[1].0)
            .unwrap()],
    )
    .await;
    let text = month_text(&cm1, "").await;
    assert!(text.contains("予定なし 1件"), "{text}");
    assert!(
        text.contains("3月7日 111111 9:00〜10:00：実績がありますが、予定がありません。"),
        "{text}"
    );
    // A newer 予定 brings the person back.
    send(&cm1, scenario().plan_unit("20260406090000").unwrap()).await;
    assert!(month_text(&cm1, "").await.contains("一致 2件"));
});
