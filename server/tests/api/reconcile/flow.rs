use super::{month_text, plan_and_actuals, scenario, send, visible, MONTH};
use server::cli::demo_reconcile::PERSONS;

both!(
    the_month_page_shows_exactly_the_missing_and_the_extra_day,
    |app| {
        let (cm1, _) = plan_and_actuals(&app, true).await;
        let text = month_text(&cm1, "").await;
        assert!(text.contains("予実突合（2026年3月分）"), "{text}");
        assert!(
            text.contains("3月8日 111111 9:00〜10:00：予定がありますが、実績がありません。"),
            "{text}"
        );
        assert!(
            text.contains("3月16日 111111 9:00〜10:00：実績がありますが、予定がありません。"),
            "{text}"
        );
        assert_eq!(
            text.matches("予定がありますが").count() + text.matches("実績がありますが").count(),
            2
        );
        // 山田 花子 differs, 鈴木 次郎 matches; names come from the 利用者補足.
        assert!(text.contains("山田 花子（ヤマダ ハナコ）"), "{text}");
        assert!(text.contains("差異あり 1件"), "{text}");
        assert!(text.contains("一致 1件"), "{text}");
        assert!(
            text.contains("介護 一郎"),
            "the care manager who sent the 予定 is in charge"
        );
        // The default month is the previous one: the same page without ?month=.
        let default = visible(&cm1.get("/reconcile").await);
        assert!(default.contains("予実突合（2026年3月分）"));
    }
);

both!(the_day_view_lists_every_date_with_both_sides, |app| {
    let (cm1, _) = plan_and_actuals(&app, true).await;
    let page = cm1
        .get(&format!(
            "/reconcile/persons/131016/{}?month={MONTH}",
            PERSONS[0].0
        ))
        .await;
    assert_eq!(page.status, 200);
    let text = visible(&page);
    assert!(
        text.contains("山田 花子（ヤマダ ハナコ）の予実（2026年3月分）"),
        "{text}"
    );
    assert!(text.contains("3月8日（日） 111111 9:00〜10:00 250単位 × 1回 — 3月8日 111111 9:00〜10:00：予定がありますが"), "{text}");
    assert!(
        text.contains(
            "3月7日（土） 111111 9:00〜10:00 250単位 × 1回 111111 9:00〜10:00 250単位 × 1回 一致"
        ),
        "{text}"
    );
    // Totals: 5 planned, 5 delivered, 第7表 1,250.
    assert!(
        text.contains("111111 1250単位（5回） 1250単位（5回） 1250単位"),
        "{text}"
    );
});

both!(
    the_board_shows_each_stage_and_the_partner_as_different,
    |app| {
        let (cm1, _) = plan_and_actuals(&app, true).await;
        let text = visible(&cm1.get(&format!("/reconcile/board?month={MONTH}")).await);
        assert!(text.contains("月次の進み具合（2026年3月分）"), "{text}");
        assert!(
            text.contains("テスト訪問介護（事業所番号 1320000002）"),
            "{text}"
        );
        assert!(text.contains("送信済み：2人"), "{text}");
        assert!(text.contains("受信済み：2人"), "{text}");
        assert!(text.contains("差異あり 差異あり 1人、一致 1人"), "{text}");
        assert!(text.contains("介護 一郎"));
    }
);

both!(
    planned_persons_without_actuals_are_waiting_and_the_board_says_so,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(&cm1, scenario().plan_unit("20260225090000").unwrap()).await;
        let text = month_text(&cm1, "").await;
        assert!(text.contains("実績未着 2件"), "{text}");
        assert!(text.contains("実績がまだ届いていません。"));
        let board = visible(&cm1.get(&format!("/reconcile/board?month={MONTH}")).await);
        assert!(board.contains("未着"), "{board}");
        assert!(board.contains("実績未着 2人"), "{board}");
    }
);

both!(the_csv_export_is_excel_safe_and_audited, |app| {
    let (cm1, _) = plan_and_actuals(&app, true).await;
    let (status, bytes, headers) = cm1
        .get_bytes(&format!("/reconcile/export.csv?month={MONTH}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        headers.get("content-type").unwrap(),
        "text/csv; charset=utf-8"
    );
    assert!(headers
        .get("content-disposition")
        .unwrap()
        .to_str()
        .unwrap()
        .contains("yojitsu_202603.csv"));
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "header and the two differences: {text}");
    assert!(lines[1].starts_with("202603,テスト訪問介護（事業所番号 1320000002）,1320000002,131016,0000000101,山田 花子,差異あり,予定のみ（実績なし）,3月8日,111111,"), "{}", lines[1]);
    assert!(app
        .audit_actions(app.office_a)
        .await
        .contains(&"reconcile_exported".to_string()));
    // The printable view lists the same two.
    let print = visible(&cm1.get(&format!("/reconcile/print?month={MONTH}")).await);
    assert!(
        print.contains("予実突合 差異一覧｜2026年3月分｜すべての事業所"),
        "{print}"
    );
    assert_eq!(print.matches("予定のみ（実績なし）").count(), 1);
    assert_eq!(print.matches("実績のみ（予定なし）").count(), 1);
});
