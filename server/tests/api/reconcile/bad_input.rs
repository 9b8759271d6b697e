use super::{month_text, plan_and_actuals, scenario, send, visible, MONTH};

both!(a_month_typed_wrong_gets_a_clear_message, |app| {
    let cm1 = app.login("a-cm1").await;
    let page = cm1.get("/reconcile?month=2026-13").await;
    assert!(visible(&page).contains("入力内容を確認してください"));
    assert!(
        page.text()
            .contains("対象年月は「2025年4月」または「202504」の形で入力してください。"),
        "{}",
        page.text()
    );
    // 全角 and 年月 are read as typed.
    let page = cm1
        .get("/reconcile?month=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96%E5%B9%B4%EF%BC%93%E6%9C%88")
        .await;
    assert!(
        page.text().contains("予実突合（2026年3月分）"),
        "{}",
        page.text()
    );
});

both!(
    actuals_for_a_person_never_planned_show_as_unplanned,
    |app| {
        let b = app.login("b-staff").await;
        send(
            &b,
            vec![scenario().actuals("20260402090000", false).unwrap()],
        )
        .await;
        let cm1 = app.login("a-cm1").await;
        let text = month_text(&cm1, "").await;
        assert!(text.contains("予定なし 2件"), "{text}");
        let board = visible(&cm1.get(&format!("/reconcile/board?month={MONTH}")).await);
        assert!(board.contains("送信していません"), "{board}");
        assert!(board.contains("差異あり"), "{board}");
    }
);

both!(actuals_of_another_month_stay_in_their_own_month, |app| {
    let (cm1, b) = plan_and_actuals(&app, false).await;
    let april = server::cli::demo_reconcile::Scenario {
        month: "202604",
        ..scenario()
    };
    send(&b, vec![april.actuals("20260501090000", false).unwrap()]).await;
    assert!(month_text(&cm1, "").await.contains("一致 2件"));
    let text = visible(&cm1.get("/reconcile?month=202604").await);
    assert!(text.contains("予定なし 2件"), "{text}");
});
