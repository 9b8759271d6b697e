//! The version stamp on forms: 版 n/m and 最新 from the chain, and an old version's banner
//! linking to the latest version's form (what a printed copy carries).

use super::{file, plan_supplement, rows, send_to_b, PLAN_STAMP};
use server::spec_csv::FileKind;

/// A plan unit (same 計画作成日) sent with ファイル連番 `stamp`; `goal` tells versions apart.
fn plan_unit(stamp: &str, goal: &str) -> Vec<(String, Vec<u8>)> {
    let mut supplement = plan_supplement();
    supplement.0 = supplement.0.replace(PLAN_STAMP, stamp);
    vec![
        file(FileKind::Plan1, rows(FileKind::Plan1, &[(23, goal)]), stamp),
        file(FileKind::Plan2, rows(FileKind::Plan2, &[]), stamp),
        file(FileKind::Plan3, rows(FileKind::Plan3, &[]), stamp),
        supplement,
    ]
}

both!(
    an_old_version_s_form_says_so_and_links_to_the_latest_form,
    |app| {
        let (_, first) = send_to_b(&app, plan_unit(PLAN_STAMP, "最初の方針です。")).await;
        let alone = app.login("b-staff").await.get(&first.form("UP1KYO")).await;
        assert_eq!(alone.status, 200);
        assert!(alone.text().contains("版 1/1"), "{}", alone.text());
        assert!(alone.text().contains("最新"));
        assert!(!alone
            .text()
            .contains("この計画は新しい版で置き換えられています"));

        // A minute later, so the outbox lists the second send first.
        app.clock.advance(std::time::Duration::from_secs(60));
        let (_, second) = send_to_b(&app, plan_unit("20260402090000", "見直した方針です。")).await;
        let b = app.login("b-staff").await;
        let old = b.get(&first.form("UP1KYO")).await;
        assert_eq!(old.status, 200);
        let text = old.text();
        assert!(text.contains("最初の方針です。"), "{text}");
        assert!(text.contains("版 1/2"), "{text}");
        assert!(text.contains("旧版"), "{text}");
        assert!(
            text.contains("この計画は新しい版で置き換えられています"),
            "{text}"
        );
        // The banner links to the same table of the latest version.
        assert!(
            old.body
                .contains(&format!("href=\"{}\"", second.form("UP1KYO"))),
            "{}",
            old.body
        );

        let new = b.get(&second.form("UP1KYO")).await;
        let text = new.text();
        assert!(text.contains("見直した方針です。"), "{text}");
        assert!(text.contains("版 2/2"), "{text}");
        assert!(!text.contains("旧版"), "{text}");
        assert!(!text.contains("この計画は新しい版で置き換えられています"));
        // The sender's copy of the old version says the same.
        let a = app.login("a-cm1").await;
        assert!(a.get(&first.form("UP2KYO")).await.text().contains("版 1/2"));
    }
);
