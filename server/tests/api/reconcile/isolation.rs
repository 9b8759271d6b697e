use super::{plan_and_actuals, visible, MONTH};
use server::cli::demo_reconcile::PERSONS;

both!(other_offices_see_nothing_of_the_reconciliation, |app| {
    let _ = plan_and_actuals(&app, true).await;
    let person = format!("/reconcile/persons/131016/{}?month={MONTH}", PERSONS[0].0);
    for login in ["c-staff", "b-staff"] {
        let other = app.login(login).await;
        assert_eq!(other.get(&person).await.status, 404, "{login}");
        let text = visible(&other.get(&format!("/reconcile?month={MONTH}")).await);
        assert!(
            text.contains("この月に送信した第6表（予定）も、受け取った実績もありません。"),
            "{login}: {text}"
        );
        assert!(!text.contains("山田"), "{login}");
        let (_, csv, _) = other
            .get_bytes(&format!("/reconcile/export.csv?month={MONTH}"))
            .await;
        assert_eq!(
            String::from_utf8(csv).unwrap().lines().count(),
            1,
            "{login}: header only"
        );
    }
});

both!(signed_out_visitors_are_sent_to_the_login, |app| {
    let visitor = app.browser();
    let page = visitor.get(&format!("/reconcile?month={MONTH}")).await;
    assert!(page.status == 303 || page.status == 401, "{page:?}");
    let csv = visitor
        .get(&format!("/reconcile/export.csv?month={MONTH}"))
        .await;
    assert!(csv.status == 303 || csv.status == 401, "{csv:?}");
});
