use crate::exchange_helpers::{
    first_file_link, listed_deliveries, spec_file, A_NUMBER, B2_NUMBER, B_NUMBER,
};
use crate::helpers::TestApp;
use server::spec_csv::FileKind;
use sha2::{Digest, Sha256};

/// 1/2/3表 + 補足 to B (訪問介護) and 6/7表 to B2 (デイ), one upload.
pub fn two_partner_upload() -> Vec<(String, Vec<u8>)> {
    let a = (A_NUMBER, "43");
    let b = (B_NUMBER, "11");
    let b2 = (B2_NUMBER, "15");
    let stamp = "20260401090000";
    vec![
        spec_file(FileKind::Plan1, a, b, stamp),
        spec_file(FileKind::Plan2, a, b, stamp),
        spec_file(FileKind::Plan3, a, b, stamp),
        server::cli::demo_files::plan_supplement(a, b, stamp).unwrap(),
        spec_file(FileKind::Supplement, a, b2, "20260401090100"),
        spec_file(FileKind::UsagePlan, a, b2, "20260401090100"),
        spec_file(FileKind::UsageDetail, a, b2, "20260401090100"),
    ]
}

/// Uploads and returns the confirmation page path.
pub async fn upload(
    app: &TestApp,
    browser: &crate::helpers::Browser,
    files: Vec<(String, Vec<u8>)>,
) -> String {
    let _ = app;
    let page = browser.upload("/uploads", files, &[]).await;
    assert_eq!(page.status, 303, "{}", page.text());
    page.location.unwrap()
}

/// Office A recorded no send, and partner B's inbox is empty.
pub async fn assert_nothing_delivered(app: &TestApp) {
    assert!(
        app.audit_actions(app.office_a)
            .await
            .iter()
            .all(|a| a != "sent"),
        "no send is recorded"
    );
    let b = app.login("b-staff").await;
    let inbox = b.get("/inbox").await;
    assert!(
        inbox.text().contains("受信したファイルはまだありません。"),
        "{}",
        inbox.text()
    );
}

both!(
    a_unit_for_two_partners_is_confirmed_sent_received_downloaded_and_receipted,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let files = two_partner_upload();
        let confirm_path = upload(&app, &cm1, files.clone()).await;
        let confirm = cm1.get(&confirm_path).await;
        let text = confirm.text();
        assert!(
            text.contains("送信先：テスト訪問介護（事業所番号 1320000002）"),
            "{text}"
        );
        assert!(text.contains("送信先：テストデイサービス（事業所番号 1320000003）"));
        assert!(text.contains("この内容で送信する（7件）"));
        assert!(text.contains("被保険者番号"), "persons are listed");
        assert!(
            !text.contains("（氏名なし）"),
            "the 1〜3表 and 6/7表 persons are named from the 補足 sent with them: {text}"
        );
        assert_eq!(text.matches("送信します").count(), 7, "{text}");
        assert_nothing_delivered(&app).await;
        let b = app.login("b-staff").await;

        let sent = cm1.post(&format!("{confirm_path}/send"), &[]).await;
        let done = cm1.follow(&sent).await;
        let done_text = done.text();
        assert!(
            done_text.contains("2か所の事業所に送信しました。"),
            "{done_text}"
        );
        // Step 3 names each delivery's destination and says what was done to each file.
        for partner in [
            "テスト訪問介護（事業所番号 1320000002）への送信の詳細と受領状況",
            "テストデイサービス（事業所番号 1320000003）への送信の詳細と受領状況",
        ] {
            assert!(done_text.contains(partner), "{done_text}");
        }
        // The banner, the step, the heading, and each of the 7 files.
        assert_eq!(
            done_text.matches("送信しました").count(),
            3 + 7,
            "{done_text}"
        );
        assert!(!done_text.contains("送信します"), "{done_text}");

        // B sees it in its inbox, opens it, downloads the exact bytes, marks it 取込済.
        let inbox = b.get("/inbox").await;
        assert!(
            inbox.text().contains("テスト居宅介護支援事業所"),
            "{}",
            inbox.text()
        );
        assert!(inbox.text().contains("未開封"));
        let delivery = listed_deliveries(&inbox.body)
            .pop()
            .expect("a delivery row");
        let page = b.get(&delivery).await;
        assert_eq!(page.status, 200);
        assert!(!page.text().contains("（氏名なし）"), "{}", page.text());
        assert!(
            page.text().matches("ダウンロード").count() >= 4,
            "{}",
            page.text()
        );
        let file_path = first_file_link(&page.body);
        let (status, bytes, headers) = b.get_bytes(&file_path).await;
        assert_eq!(status, 200);
        let original = files
            .iter()
            .find(|(n, _)| {
                headers
                    .get("content-disposition")
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .contains(&n[..6])
            })
            .map(|(_, b)| b.clone())
            .unwrap();
        assert_eq!(
            bytes, original,
            "downloads return exactly the uploaded bytes"
        );
        let etag = headers
            .get("etag")
            .unwrap()
            .to_str()
            .unwrap()
            .trim_matches('"')
            .to_string();
        assert_eq!(etag, hex::encode(Sha256::digest(&bytes)));
        // Again, any time: unlimited re-download.
        assert_eq!(b.get_bytes(&file_path).await.1, original);
        let imported = b.post(&format!("{delivery}/imported"), &[]).await;
        assert!(b
            .follow(&imported)
            .await
            .text()
            .contains("取込済にしました。"));

        // A second staff member of B sees the same shared history.
        let b_admin = app.login("b-admin").await;
        b_admin
            .post(
                "/offices/switch",
                &[("office_id", &app.office_b.to_string())],
            )
            .await;
        let shared = b_admin.get("/inbox").await;
        assert!(shared.text().contains("取込済"), "{}", shared.text());

        // A sees the receipts.
        let outbox = cm1.get("/outbox").await;
        assert!(
            outbox.text().contains("テスト訪問介護")
                && outbox.text().contains("テストデイサービス")
        );
        let a_view = cm1.get(&delivery).await.text();
        assert!(
            a_view.contains("開封") && a_view.contains("ダウンロード") && a_view.contains("取込済"),
            "{a_view}"
        );
        assert!(a_view.contains("訪問 職員"), "who opened and downloaded");

        // C cannot see or download it.
        let c = app.login("c-staff").await;
        assert_eq!(c.get(&delivery).await.status, 404);
        assert_eq!(c.get_bytes(&file_path).await.0, 404);
        assert_eq!(
            c.post(&format!("{delivery}/imported"), &[]).await.status,
            404
        );
        assert!(c
            .get("/inbox")
            .await
            .text()
            .contains("受信したファイルはまだありません。"));
        assert_eq!(
            c.get(&confirm_path).await.status,
            404,
            "another office's draft is not found"
        );
    }
);

both!(a_double_submitted_confirmation_delivers_once, |app| {
    let cm1 = app.login("a-cm1").await;
    let path = upload(&app, &cm1, two_partner_upload()).await;
    let first = cm1.post(&format!("{path}/send"), &[]).await;
    let second = cm1.post(&format!("{path}/send"), &[]).await;
    assert_eq!((first.status, second.status), (303, 303));
    let outbox = cm1.get("/outbox").await;
    assert_eq!(
        listed_deliveries(&outbox.body).len(),
        2,
        "{}",
        outbox.text()
    );
    let sent: Vec<String> = app
        .audit_actions(app.office_a)
        .await
        .into_iter()
        .filter(|a| a == "sent")
        .collect();
    assert_eq!(sent.len(), 1);
});

// What 送信 checks in its write transaction: a colleague who added or removed a file after
// the sender read the draft stops the send (the sender confirms again); the draft stays one.
both!(
    a_send_goes_ahead_only_while_the_draft_holds_the_files_the_sender_confirmed,
    |app| {
        use server::exchange::store;
        let cm1 = app.login("a-cm1").await;
        let path = upload(&app, &cm1, two_partner_upload()).await;
        let id = path.rsplit('/').next().unwrap().to_string();
        let mut tx = app.db.begin_office(app.office_a).await.unwrap();
        let files: Vec<String> = store::outgoing_files(&mut tx, &id)
            .await
            .unwrap()
            .into_iter()
            .map(|f| f.file_id)
            .collect();
        assert_eq!(files.len(), 7);
        let by: String =
            sqlx::query_scalar("select user_id from staff_account where login_id = 'a-cm1'")
                .fetch_one(tx.conn())
                .await
                .unwrap();
        let by = by.as_str();
        let mut fewer = files.clone();
        fewer.pop();
        let mut more = files.clone();
        more.push(server::db::new_row_id());
        let mut swapped = fewer.clone();
        swapped.push(server::db::new_row_id());
        let changes = [
            (&fewer, "a file added"),
            (&more, "a file removed"),
            (&swapped, "a file removed and another added"),
        ];
        for (confirmed, what) in changes {
            let sent = store::finish_draft(&mut tx, &id, "sent", Some(confirmed), by, 1)
                .await
                .unwrap();
            assert!(!sent, "not sent after {what}");
        }
        let draft = store::find_outgoing(&mut tx, &id).await.unwrap().unwrap();
        assert_eq!(draft.status, "draft");
        assert!(
            store::finish_draft(&mut tx, &id, "sent", Some(&files), by, 1)
                .await
                .unwrap()
        );
        assert!(
            !store::finish_draft(&mut tx, &id, "sent", Some(&files), by, 1)
                .await
                .unwrap(),
            "sent once"
        );
        let sent = store::find_outgoing(&mut tx, &id).await.unwrap().unwrap();
        assert_eq!(sent.status, "sent");
    }
);

both!(an_attachment_goes_to_the_chosen_partner, |app| {
    let cm1 = app.login("a-cm1").await;
    let pdf = ("会議録.pdf".to_string(), b"%PDF-1.7\n% test\n".to_vec());
    let path = cm1
        .upload(
            "/uploads",
            vec![pdf.clone()],
            &[
                ("attachment_office", "１３２００００００２"),
                ("attachment_type", "11"),
            ],
        )
        .await
        .location
        .unwrap();
    let page = cm1.get(&path).await;
    assert!(
        page.text().contains("送信先：テスト訪問介護"),
        "{}",
        page.text()
    );
    cm1.post(&format!("{path}/send"), &[]).await;
    let b = app.login("b-staff").await;
    let inbox = b.get("/inbox").await;
    assert!(inbox.text().contains("添付ファイル"), "{}", inbox.text());
    let delivery = listed_deliveries(&inbox.body).pop().unwrap();
    let file_path = first_file_link(&b.get(&delivery).await.body);
    assert_eq!(b.get_bytes(&file_path).await.1, pdf.1);
});

both!(the_inbox_filters_by_kind_and_person, |app| {
    let cm1 = app.login("a-cm1").await;
    let path = upload(&app, &cm1, two_partner_upload()).await;
    cm1.post(&format!("{path}/send"), &[]).await;
    let b2_admin = app.login("b-staff").await;
    let plan_only = b2_admin.get("/inbox?kind=UP1KYO").await;
    assert_eq!(
        listed_deliveries(&plan_only.body).len(),
        1,
        "{}",
        plan_only.text()
    );
    let none = b2_admin.get("/inbox?kind=UPJSK").await;
    assert!(none.text().contains("条件に合うファイルはありません。"));
    let by_person = b2_admin
        .get("/inbox?person=%E5%AD%98%E5%9C%A8%E3%81%97%E3%81%AA%E3%81%84")
        .await;
    assert!(by_person
        .text()
        .contains("条件に合うファイルはありません。"));
});

both!(the_whole_unit_downloads_as_a_zip_in_import_order, |app| {
    let cm1 = app.login("a-cm1").await;
    let files = two_partner_upload();
    let path = upload(&app, &cm1, files.clone()).await;
    cm1.post(&format!("{path}/send"), &[]).await;
    let b = app.login("b-staff").await;
    let delivery = listed_deliveries(&b.get("/inbox").await.body)
        .pop()
        .unwrap();
    let (status, bytes, headers) = b.get_bytes(&format!("{delivery}/zip")).await;
    assert_eq!(status, 200);
    assert_eq!(headers.get("content-type").unwrap(), "application/zip");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let names: Vec<String> = (0..archive.len())
        .map(|i| archive.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    let prefixes: Vec<&str> = names.iter().map(|n| n.split('_').next().unwrap()).collect();
    assert_eq!(
        prefixes,
        ["UP1KYO", "UP2KYO", "UP3KYO", "UPHOSOKU"],
        "parents first: {names:?}"
    );
    for name in &names {
        let mut entry = archive.by_name(name).unwrap();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).unwrap();
        let original = &files.iter().find(|(n, _)| n == name).unwrap().1;
        assert!(&content == original, "{name} is byte-for-byte the upload");
    }
    let downloads =
        |actions: Vec<String>| actions.iter().filter(|a| *a == "file_downloaded").count();
    assert_eq!(
        downloads(app.audit_actions(app.office_b).await),
        1,
        "the ZIP is the receiving office's receipt"
    );
    let c = app.login("c-staff").await;
    assert_eq!(c.get_bytes(&format!("{delivery}/zip")).await.0, 404);
});
