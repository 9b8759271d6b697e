use super::send_flow::{two_partner_upload, upload};

both!(
    the_receiving_staff_get_a_mail_without_care_data_unless_they_opted_out,
    |app| {
        let b_staff = app.login("b-staff").await;
        let saved = b_staff
            .post("/account/notifications", &[("new_items", "off")])
            .await;
        assert!(b_staff
            .follow(&saved)
            .await
            .text()
            .contains("ファイルが届いたときのメールを止めました。"));

        let cm1 = app.login("a-cm1").await;
        let path = upload(&app, &cm1, two_partner_upload()).await;
        cm1.post(&format!("{path}/send"), &[]).await;

        let mails = app.mails_to("b-admin@example.jp").await;
        let new_items: Vec<_> = mails.iter().filter(|m| m.template == "new_items").collect();
        assert_eq!(
            new_items.len(),
            2,
            "one per receiving office b-admin belongs to: {mails:?}"
        );
        let mail = new_items
            .iter()
            .find(|m| m.body.contains("テスト訪問介護あて"))
            .expect("the 訪問介護 mail");
        assert_eq!(mail.subject, "新しいファイルが届きました");
        assert!(
            mail.body.contains(
                "テスト居宅介護支援事業所から、テスト訪問介護あてに4件のファイルが届きました。"
            ),
            "{}",
            mail.body
        );
        assert!(
            mail.body.contains(&format!("{}/inbox", app.base)),
            "the link uses the configured base URL"
        );
        assert!(
            !mail.body.contains("0000012345") && !mail.body.contains("131016"),
            "no insured or insurer numbers"
        );
        assert!(
            app.mails_to("b-staff@example.jp")
                .await
                .iter()
                .all(|m| m.template != "new_items"),
            "opted out"
        );
        assert!(
            app.mails_to("a-cm2@example.jp")
                .await
                .iter()
                .all(|m| m.template != "new_items"),
            "the sender's office is not told"
        );
    }
);
