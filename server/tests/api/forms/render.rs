use super::{file, plan_supplement, rows, send_to_b, PLAN_STAMP, USAGE_STAMP};
use server::spec_csv::{sample, FileKind};

/// 第1〜3表 + 補足 with recognisable values.
fn plan_unit() -> Vec<(String, Vec<u8>)> {
    let plan1 = rows(
        FileKind::Plan1,
        &[
            (7, "佐藤 一郎"),
            (8, "テスト居宅介護支援事業所"),
            (15, "52"),
            (20, "23"),
            (21, "歩行が不安定で転倒の心配がある。"),
            (23, "自宅での生活を続けられるよう支援します。"),
            (24, "1"),
        ],
    );
    let plan2 = vec![
        rows(
            FileKind::Plan2,
            &[
                (5, "1"),
                (6, "一人で入浴できない"),
                (7, "1"),
                (8, "安全に入浴できる"),
                (9, "週2回入浴する"),
                (12, "1"),
                (13, "入浴介助"),
                (14, "Y"),
                (17, "テスト訪問介護"),
                (18, "週2回"),
            ],
        )
        .remove(0),
        // A continuation row: the 課題 and 目標 are left blank, as the spec allows.
        rows(
            FileKind::Plan2,
            &[
                (5, ""),
                (6, ""),
                (7, ""),
                (8, ""),
                (9, ""),
                (12, "2"),
                (13, "見守り"),
                (14, "N"),
                (17, "家族"),
                (18, "毎日"),
            ],
        )
        .remove(0),
        rows(
            FileKind::Plan2,
            &[
                (5, "2"),
                (6, "買い物に行けない"),
                (7, "1"),
                (8, "地域とのつながりを保つ"),
                (12, "1"),
                (13, "買い物同行"),
            ],
        )
        .remove(0),
    ];
    let plan3 = vec![
        rows(
            FileKind::Plan3,
            &[
                (5, "訪問介護（身体）"),
                (6, "1"),
                (7, "0900"),
                (8, "1000"),
                (9, ""),
                (12, ""),
            ],
        )
        .remove(0),
        rows(
            FileKind::Plan3,
            &[
                (5, ""),
                (6, ""),
                (9, "起床"),
                (10, "0700"),
                (11, "0730"),
                (12, "福祉用具貸与（車いす）"),
            ],
        )
        .remove(0),
    ];
    vec![
        file(FileKind::Plan1, plan1, PLAN_STAMP),
        file(FileKind::Plan2, plan2, PLAN_STAMP),
        file(FileKind::Plan3, plan3, PLAN_STAMP),
        plan_supplement(),
    ]
}

both!(
    plan_forms_show_the_paper_layout_with_the_persons_name,
    |app| {
        let (_, sent) = send_to_b(&app, plan_unit()).await;
        let b = app.login("b-staff").await;

        let first = b.get(&sent.form("UP1KYO")).await;
        assert_eq!(first.status, 200, "{}", first.text());
        let text = first.text();
        assert!(
            first
                .body
                .contains("<title>第1表 居宅サービス計画書（１）｜"),
            "{}",
            first.body
        );
        assert!(text.contains("山田 花子 殿（ヤマダ ハナコ）"), "{text}");
        assert!(
            text.contains("1940年5月5日（昭和15年）"),
            "birth date with 和暦: {text}"
        );
        assert!(text.contains("自宅での生活を続けられるよう支援します。"));
        assert!(text.contains("歩行が不安定で転倒の心配がある。"));
        assert!(text.contains("佐藤 一郎"));
        // 52 = 初回＆継続: both circled and announced; 要介護3 chosen.
        assert!(
            text.contains("初回 （該当） ・ 紹介 ・ 継続 （該当）"),
            "{text}"
        );
        assert!(text.contains("要介護3 （該当）"), "{text}");
        assert!(text.contains("1. 一人暮らし （該当）"), "{text}");
        assert!(first.body.contains(r#"data-orientation="landscape""#));
        assert!(first.body.contains(r#"href="/style/forms.css""#));
        // The stamp: 作成日 from the record and 受信日時 from the send.
        assert!(
            text.contains("版の表示： 2025年4月1日（令和7年）作成｜受信 "),
            "{text}"
        );

        let second = b.get(&sent.form("UP2KYO")).await;
        let text = second.text();
        assert!(
            text.contains("生活全般の解決すべき課題（ニーズ）"),
            "{text}"
        );
        assert!(text.contains("一人で入浴できない") && text.contains("買い物に行けない"));
        assert!(
            text.contains("入浴介助") && text.contains("見守り") && text.contains("買い物同行")
        );
        // The continuation row joins its 課題: one row group spanning both services.
        assert!(
            second.body.contains(
                r#"<th scope="rowgroup" rowspan="2"><span class="paper-text">一人で入浴できない"#
            ),
            "{}",
            second.body
        );
        assert!(
            second
                .body
                .contains(r#"<td class="paper-table__mark">○</td>"#),
            "insured services are marked"
        );

        let third = b.get(&sent.form("UP3KYO")).await;
        let text = third.text();
        assert!(text.contains("週間サービス計画"), "{text}");
        assert!(text.contains("9:00〜10:00 訪問介護（身体）"), "{text}");
        assert!(text.contains("7:00〜7:30 起床"), "{text}");
        assert!(
            text.contains("週単位以外のサービス 福祉用具貸与（車いす）"),
            "{text}"
        );
        // Monday 9:00 sits in the 8:00 row of 午前.
        let morning = third
            .body
            .split(">8:00<")
            .nth(1)
            .unwrap()
            .split("</tr>")
            .next()
            .unwrap();
        assert!(morning.contains("訪問介護（身体）"), "{morning}");
    }
);

both!(usage_forms_show_days_totals_and_limits, |app| {
    let supplement = rows(
        FileKind::Supplement,
        &[
            (5, "山田 花子"),
            (17, "23"),
            (18, "27048"),
            (19, "15"),
            (20, "16765"),
            (21, "4000"),
            (22, "0"),
        ],
    );
    let usage = vec![
        rows(
            FileKind::UsagePlan,
            &[
                (9, "20250401"),
                (11, "0900"),
                (12, "1000"),
                (14, "111111"),
                (20, "テスト訪問介護"),
            ],
        )
        .remove(0),
        rows(
            FileKind::UsagePlan,
            &[
                (9, "20250408"),
                (11, "0900"),
                (12, "1000"),
                (14, "111111"),
                (20, "テスト訪問介護"),
            ],
        )
        .remove(0),
    ];
    let mut detail = sample::rows(FileKind::UsageDetail);
    sample::set(&mut detail[0], 12, "387");
    sample::set(&mut detail[0], 15, "8");
    sample::set(&mut detail[1], 23, "31176");
    let files = vec![
        file(FileKind::Supplement, supplement, USAGE_STAMP),
        file(FileKind::UsagePlan, usage, USAGE_STAMP),
        file(FileKind::UsageDetail, detail, USAGE_STAMP),
    ];
    let (_, sent) = send_to_b(&app, files).await;
    let b = app.login("b-staff").await;

    let slip = b.get(&sent.form("UPPLAN")).await;
    assert_eq!(slip.status, 200, "{}", slip.text());
    let text = slip.text();
    assert!(slip.body.contains("<title>第6表 サービス利用票（予定）｜"));
    assert!(text.contains("対象年月 2025年4月分（令和7年）"), "{text}");
    assert!(
        text.contains("山田 花子 殿"),
        "the name comes from the 補足 of the same month"
    );
    assert!(
        text.contains("要介護3") && text.contains("27048単位／月"),
        "{text}"
    );
    // April 2025 starts on a Tuesday and has 30 days.
    assert!(slip
        .body
        .contains(r#"<th scope="col" class="paper-table__weekday">火</th>"#));
    assert_eq!(slip.body.matches("paper-table__weekday").count(), 30);
    let row = slip
        .body
        .split("9:00〜10:00")
        .nth(1)
        .unwrap()
        .split("</tr>")
        .next()
        .unwrap();
    assert!(row.contains("訪問介護（111111）"), "{row}");
    assert_eq!(
        row.matches(r#"<td class="paper-table__number">1</td>"#)
            .count(),
        2,
        "days 1 and 8: {row}"
    );
    assert!(
        row.ends_with(r#"<td class="paper-table__number">2</td>"#),
        "合計回数: {row}"
    );

    let detail = b.get(&sent.form("UPSIKYU")).await;
    let text = detail.text();
    assert!(detail.body.contains("<title>第7表 サービス利用票別表｜"));
    assert!(text.contains("区分支給限度管理・利用者負担計算"), "{text}");
    assert!(text.contains("合計"), "the 999999 row reads 合計: {text}");
    assert!(detail.body.contains(r#"<tr data-row="total">"#));
    assert!(text.contains("387") && text.contains("31176"), "{text}");
    assert!(text.contains("種類別支給限度管理 サービス種類"), "{text}");
    assert!(
        text.contains("通所介護（15） 16765 4000 0"),
        "slot 1 of the 補足: {text}"
    );
});

both!(
    a_file_with_several_persons_shows_one_sheet_each_with_an_anchor,
    |app| {
        let mut plan2 = sample::rows(FileKind::Plan2);
        let mut other = plan2[0].clone();
        sample::set(&mut other, 2, "0000099999");
        sample::set(&mut other, 6, "二人目の課題");
        plan2.push(other);
        let mut supplement = sample::plan_tied_supplement();
        sample::set(&mut supplement[0], 5, "山田 花子");
        let mut second = supplement[0].clone();
        sample::set(&mut second, 2, "0000099999");
        sample::set(&mut second, 5, "鈴木 次郎");
        sample::set(&mut second, 4, "スズキ ジロウ");
        supplement.push(second);
        let files = vec![
            file(FileKind::Plan1, sample::rows(FileKind::Plan1), PLAN_STAMP),
            file(FileKind::Plan2, plan2, PLAN_STAMP),
            file(FileKind::Plan3, sample::rows(FileKind::Plan3), PLAN_STAMP),
            file(FileKind::Supplement, supplement, PLAN_STAMP),
        ];
        let (cm1, sent) = send_to_b(&app, files).await;
        let page = cm1.get(&sent.form("UP2KYO")).await;
        let body = &page.body;
        assert!(
            page.text()
                .contains("このファイルには2件の帳票があります。"),
            "{}",
            page.text()
        );
        assert!(
            body.contains(r##"<a href="#person-1">山田 花子 殿"##),
            "{body}"
        );
        assert!(body.contains(r##"<a href="#person-2">鈴木 次郎 殿（スズキ ジロウ）</a>"##));
        let first = body.find(r#"id="person-1""#).unwrap();
        let second = body.find(r#"id="person-2""#).unwrap();
        assert!(first < second);
        assert!(body[second..].contains("二人目の課題"));
        assert!(!body[first..second].contains("二人目の課題"));
        // Each sheet carries its own stamp.
        assert_eq!(
            body.matches(r#"<thead class="print-sheet__head">"#).count(),
            2
        );
    }
);
