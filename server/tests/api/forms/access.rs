use super::{audit_rows, file, plan_supplement, rows, send_to_b, PLAN_STAMP};
use server::spec_csv::FileKind;

fn small_plan_unit() -> Vec<(String, Vec<u8>)> {
    vec![
        file(
            FileKind::Plan1,
            rows(FileKind::Plan1, &[(23, "総合的な援助の方針です。")]),
            PLAN_STAMP,
        ),
        file(
            FileKind::Plan2,
            rows(FileKind::Plan2, &[(13, "入浴介助")]),
            PLAN_STAMP,
        ),
        file(FileKind::Plan3, rows(FileKind::Plan3, &[]), PLAN_STAMP),
        plan_supplement(),
    ]
}

both!(
    a_form_is_not_found_for_any_other_office_nor_for_files_without_a_form,
    |app| {
        let (cm1, sent) = send_to_b(&app, small_plan_unit()).await;
        let form = sent.form("UP1KYO");
        let c = app.login("c-staff").await;
        let page = c.get(&form).await;
        assert_eq!(page.status, 404);
        assert!(!page.text().contains("総合的な援助の方針です。"));
        assert!(
            page.text().contains("ページが見つかりません")
                || page.text().contains("見つかりません"),
            "{}",
            page.text()
        );
        // Nothing was recorded for the outsider's office.
        assert!(audit_rows(&app, app.office_a)
            .await
            .iter()
            .all(|(a, _)| a != "form_viewed"));

        // The sender sees its own form.
        assert_eq!(cm1.get(&form).await.status, 200);
        // A file id of this delivery that has no form (補足), an unknown file, a malformed id.
        let page = cm1.get(&sent.delivery).await;
        let supplement = page
            .body
            .split("href=\"")
            .filter_map(|s| s.split('"').next())
            .find(|h| {
                h.contains("/files/")
                    && !h.ends_with("/form")
                    && page.body.contains(&format!("{h}\" aria-label=\"UPHOSOKU"))
            })
            .unwrap()
            .to_string();
        assert_eq!(cm1.get(&format!("{supplement}/form")).await.status, 404);
        let unknown = format!("{}/files/{}/form", sent.delivery, uuid::Uuid::new_v4());
        assert_eq!(cm1.get(&unknown).await.status, 404);
        assert_eq!(
            cm1.get(&format!("{}/files/not-an-id/form", sent.delivery))
                .await
                .status,
            404
        );
        // Without a login: the sign-in page's answer, not the form.
        let anonymous = app.browser().get(&form).await;
        assert!(!anonymous.text().contains("総合的な援助の方針です。"));
        assert_ne!(anonymous.status, 200);
    }
);

both!(
    opening_a_form_is_the_recipients_first_opening_and_every_view_is_audited,
    |app| {
        let (cm1, sent) = send_to_b(&app, small_plan_unit()).await;
        // The sender's own view is audited in its chain but is no receipt.
        cm1.get(&sent.form("UP2KYO")).await;
        assert!(cm1
            .get(&sent.delivery)
            .await
            .text()
            .contains("まだ開封されていません。"));

        assert!(cm1.get(&sent.delivery).await.text().contains("状態 未開封"));
        let b = app.login("b-staff").await;
        let form = b.get(&sent.form("UP2KYO")).await;
        assert_eq!(form.status, 200);
        b.get(&sent.form("UP1KYO")).await;
        let status = cm1.get(&sent.delivery).await.text();
        assert!(
            status.contains("状態 開封済"),
            "the form counts as opening: {status}"
        );

        let receipts = cm1.get(&sent.delivery).await.text();
        assert_eq!(
            receipts.matches("開封 訪問 職員").count(),
            1,
            "one 開封 receipt: {receipts}"
        );

        let b_audit = audit_rows(&app, app.office_b).await;
        let actions: Vec<&str> = b_audit.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(
            actions.iter().filter(|a| **a == "delivery_opened").count(),
            1,
            "{actions:?}"
        );
        assert_eq!(
            actions.iter().filter(|a| **a == "form_viewed").count(),
            2,
            "{actions:?}"
        );
        assert!(b_audit
            .iter()
            .any(|(a, d)| a == "form_viewed" && d.starts_with("file:")));
        let a_audit = audit_rows(&app, app.office_a).await;
        assert_eq!(
            a_audit.iter().filter(|(a, _)| a == "form_viewed").count(),
            1
        );
        assert!(a_audit.iter().all(|(a, _)| a != "delivery_opened"));
        // The 操作履歴 page names the view in Japanese.
        let b_admin = app.login("b-admin").await;
        b_admin
            .post(
                "/offices/switch",
                &[("office_id", &app.office_b.to_string())],
            )
            .await;
        assert!(b_admin
            .get("/admin/audit")
            .await
            .text()
            .contains("帳票の表示"));
    }
);

both!(
    a_stored_file_that_fails_validation_still_shows_what_can_be_read_with_a_warning,
    |app| {
        let files = small_plan_unit();
        let (_, plan2_bytes) = files[1].clone();
        let (cm1, sent) = send_to_b(&app, files).await;
        // The stored bytes go bad after delivery (storage fault, hand edit): one more record of
        // the wrong width. Files are content-addressed: overwrite the blob in place.
        let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&plan2_bytes));
        let path = app
            .storage_dir
            .join(server::storage::Storage::key_for(&hash));
        let mut broken = plan2_bytes.clone();
        broken.extend_from_slice(b"202407,131016,broken\r\n");
        std::fs::write(&path, broken).unwrap();

        let page = cm1.get(&sent.form("UP2KYO")).await;
        assert_eq!(page.status, 200);
        let text = page.text();
        assert!(text.contains("このファイルには誤りがあります"), "{text}");
        assert!(text.contains("読み取れた内容だけを表示しています。"));
        assert!(text.contains("誤りの内容（"), "{text}");
        assert!(
            text.contains("入浴介助"),
            "the readable record is still shown: {text}"
        );
    }
);
