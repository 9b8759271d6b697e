use super::{file, rows, send_to_b};
use server::spec_csv::FileKind;

const STAMP: &str = "20260402090000";

both!(
    the_prevention_plan_shows_its_assessment_and_its_support_plan_from_the_sub_file,
    |app| {
        let plan = rows(
            FileKind::PreventionPlan,
            &[
                (7, "高橋 さくら"),
                (13, "2"),
                (21, "毎朝散歩をする"),
                (23, "杖で屋内を歩いている"),
                (25, "1"),
                (41, "できることを続ける"),
            ],
        );
        let sub = vec![
            rows(
                FileKind::PreventionPlanSub,
                &[
                    (4, "1"),
                    (5, "転倒の不安"),
                    (8, "一人で散歩できる"),
                    (9, "1"),
                    (10, "歩行訓練"),
                    (13, "1"),
                    (14, "通所型サービス"),
                    (15, "テスト訪問介護"),
                ],
            )
            .remove(0),
            // Second 支援計画 of the same 課題: the 課題 fields are blank (spec.md §3.10 row rule).
            rows(
                FileKind::PreventionPlanSub,
                &[
                    (4, "1"),
                    (5, ""),
                    (6, ""),
                    (7, ""),
                    (8, ""),
                    (9, "2"),
                    (10, "家族の見守り"),
                    (13, "1"),
                    (14, "見守り"),
                    (15, "家族"),
                ],
            )
            .remove(0),
        ];
        let files = vec![
            file(FileKind::PreventionPlan, plan, STAMP),
            file(FileKind::PreventionPlanSub, sub, STAMP),
        ];
        let (_, sent) = send_to_b(&app, files).await;
        let b = app.login("b-staff").await;
        for prefix in ["UPYOBO", "UPYOBO_SUB"] {
            let page = b.get(&sent.form(prefix)).await;
            assert_eq!(page.status, 200, "{}", page.text());
            let text = page.text();
            assert!(
                page.body.contains("<title>介護予防サービス・支援計画書｜"),
                "{prefix}"
            );
            assert!(text.contains("高橋 さくら 殿"), "{text}");
            assert!(text.contains("要支援2 （該当）"), "{text}");
            assert!(text.contains("毎朝散歩をする") && text.contains("できることを続ける"));
            assert!(text.contains("運動・移動 杖で屋内を歩いている"), "{text}");
            assert!(
                text.contains("転倒の不安")
                    && text.contains("歩行訓練")
                    && text.contains("家族の見守り")
            );
            assert!(
                page.body.contains(
                    r#"<th scope="rowgroup" rowspan="2"><span class="paper-text">転倒の不安"#
                ),
                "the 課題 spans both 支援計画: {}",
                page.body
            );
            assert!(!text.contains("別表（支援計画）のファイルがない"));
        }
    }
);
