//! Sends that cross: two offices sending to each other at the same moment.

use super::send_flow::upload;
use crate::exchange_helpers::{spec_file, A_NUMBER, B_NUMBER};
use server::spec_csv::FileKind;

both!(
    sends_in_opposite_directions_at_the_same_moment_are_all_delivered,
    |app| {
        // A sends 予定 to B while B sends 実績 of the same persons to A: each send adds the
        // persons to both offices' rosters. Every send must go through, none with the
        // 「もう一度お試しください」 of a transaction the database gave up.
        let a = app.login("a-cm1").await;
        let b = app.login("b-staff").await;
        let rounds = 6;
        for round in 0..rounds {
            let plan = spec_file(
                FileKind::UsagePlan,
                (A_NUMBER, "43"),
                (B_NUMBER, "11"),
                &format!("202604010{round}0000"),
            );
            let actuals = spec_file(
                FileKind::Actuals,
                (B_NUMBER, "11"),
                (A_NUMBER, "43"),
                &format!("202604010{round}3000"),
            );
            let from_a = upload(&app, &a, vec![plan]).await;
            let from_b = upload(&app, &b, vec![actuals]).await;
            let (send_a, send_b) = (format!("{from_a}/send"), format!("{from_b}/send"));
            let (sent_a, sent_b) = tokio::join!(a.post(&send_a, &[]), b.post(&send_b, &[]));
            assert_eq!(sent_a.status, 303, "round {round}: {}", sent_a.text());
            assert_eq!(sent_b.status, 303, "round {round}: {}", sent_b.text());
        }
        // Each inbox lists every item of the other office.
        for (who, inbox) in [("B", b.get("/inbox").await), ("A", a.get("/inbox").await)] {
            let text = inbox.text();
            assert!(text.contains(&format!("{rounds}件を表示")), "{who}: {text}");
        }
    }
);
