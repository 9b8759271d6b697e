use super::{plan_and_actuals, reminders_to, scenario, send};
use std::time::Duration;

const DAY: Duration = Duration::from_secs(24 * 3600);

both!(
    the_reminder_lists_partners_without_actuals_on_the_third_once,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(&cm1, scenario().plan_unit("20260225090000").unwrap()).await;
        // 2026-04-01 09:00 in Japan: before the default day (the 3rd).
        assert_eq!(app.state.run_due_reminders().await.unwrap(), 0);
        app.clock.advance(2 * DAY);
        assert_eq!(
            app.state.run_due_reminders().await.unwrap(),
            2,
            "the sender and the admin"
        );
        let mail = app
            .last_mail("a-cm1@example.jp", "reconcile_reminder")
            .await;
        assert_eq!(
            mail.subject,
            "実績が届いていない連携先があります（2026年3月分）"
        );
        assert!(
            mail.body
                .contains("・テスト訪問介護（事業所番号 1320000002）：未着 2人"),
            "{}",
            mail.body
        );
        assert!(
            mail.body.contains("/reconcile/board?month=202603"),
            "{}",
            mail.body
        );
        for personal in ["山田", "鈴木", "0000000101", "131016"] {
            assert!(
                !mail.body.contains(personal),
                "no personal data: {}",
                mail.body
            );
        }
        assert_eq!(
            app.last_mail("a-admin@example.jp", "reconcile_reminder")
                .await
                .subject,
            mail.subject
        );
        assert_eq!(
            reminders_to(&app, "a-cm2@example.jp").await,
            0,
            "not in charge, not a manager"
        );
        // Once a month, however often the scheduler runs.
        app.clock.advance(DAY);
        assert_eq!(app.state.run_due_reminders().await.unwrap(), 0);
    }
);

both!(
    the_reminder_day_is_set_by_managers_and_can_be_turned_off,
    |app| {
        let cm1 = app.login("a-cm1").await;
        send(&cm1, scenario().plan_unit("20260225090000").unwrap()).await;
        let refused = cm1
            .post("/reconcile/settings", &[("reminder_day", "5")])
            .await;
        assert_eq!(refused.status, 403);
        let admin = app.login("a-admin").await;
        let bad = admin
            .post("/reconcile/settings", &[("reminder_day", "31")])
            .await;
        assert!(admin
            .follow(&bad)
            .await
            .text()
            .contains("お知らせする日を、1日から28日の間で選んでください。"));
        let saved = admin
            .post("/reconcile/settings", &[("reminder_day", "5")])
            .await;
        assert!(admin
            .follow(&saved)
            .await
            .text()
            .contains("毎月5日に、実績が届いていない連携先をお知らせします。"));
        app.clock.advance(2 * DAY);
        assert_eq!(
            app.state.run_due_reminders().await.unwrap(),
            0,
            "the 3rd is no longer the day"
        );
        let admin = app.login("a-admin").await;
        let off = admin
            .post("/reconcile/settings", &[("reminder_day", "off")])
            .await;
        assert!(admin
            .follow(&off)
            .await
            .text()
            .contains("実績未着のお知らせを止めました。"));
        app.clock.advance(3 * DAY);
        assert_eq!(app.state.run_due_reminders().await.unwrap(), 0);
        assert!(app
            .audit_actions(app.office_a)
            .await
            .contains(&"reconcile_reminder_changed".to_string()));
    }
);

both!(no_reminder_when_every_actual_arrived, |app| {
    let _ = plan_and_actuals(&app, true).await;
    app.clock.advance(2 * DAY);
    assert_eq!(app.state.run_due_reminders().await.unwrap(), 0);
    assert_eq!(reminders_to(&app, "a-admin@example.jp").await, 0);
});
