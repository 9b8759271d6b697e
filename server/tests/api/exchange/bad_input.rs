use super::send_flow::two_partner_upload;
use crate::exchange_helpers::{spec_file, A_NUMBER, B_NUMBER, C_NUMBER};
use crate::helpers::TestApp;
use server::spec_csv::FileKind;

/// Objects left in the local store (staging or files).
async fn stored_objects(app: &TestApp) -> usize {
    let storage = app.storage();
    storage.list("staging").await.unwrap().len() + storage.list("files").await.unwrap().len()
}

pub(super) async fn drafts(app: &TestApp) -> i64 {
    let mut conn = app.owner_connection().await;
    let (n,): (i64,) = sqlx::query_as("select count(*) from outgoing")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    n
}

/// Uploads `files`, expects the form back with `message`, nothing kept; returns the form's text.
async fn refused(app: &TestApp, files: Vec<(String, Vec<u8>)>, message: &str) -> String {
    let cm1 = app.login("a-cm1").await;
    let page = cm1.upload("/uploads", files, &[]).await;
    assert_eq!(page.location.as_deref(), Some("/uploads/new"), "{page:?}");
    let form = cm1.follow(&page).await;
    let text = form.text();
    assert!(text.contains(message), "{text}");
    assert!(form.body.contains("<title>エラー：ファイルを送る"));
    assert_eq!(drafts(app).await, 0, "no row");
    assert_eq!(stored_objects(app).await, 0, "no blob");
    text
}

both!(no_file_chosen_asks_for_one, |app| {
    // A browser with no file chosen sends one part with an empty file name.
    refused(
        &app,
        vec![(String::new(), vec![])],
        "送るファイルを選んでください。",
    )
    .await;
});

both!(an_empty_file_is_refused, |app| {
    refused(
        &app,
        vec![("memo.txt".into(), vec![])],
        "選んだファイル「memo.txt」は空です。",
    )
    .await;
});

both!(a_renamed_executable_is_refused, |app| {
    refused(
        &app,
        vec![("plan.pdf".into(), b"MZ\x90\x00\x03\x00\x00\x00".to_vec())],
        "中身が拡張子（.pdf）と合いません",
    )
    .await;
});

both!(an_unknown_prefix_is_refused, |app| {
    let name = format!("UPXYZ_{A_NUMBER}_43_{B_NUMBER}_11_20260401090000.CSV");
    refused(
        &app,
        vec![(name, b"x".to_vec())],
        "標準仕様のファイル名ではありません",
    )
    .await;
});

both!(a_file_name_with_a_path_is_refused, |app| {
    refused(
        &app,
        vec![("../../etc/passwd.txt".into(), b"x".to_vec())],
        "使えない文字",
    )
    .await;
});

both!(too_many_files_are_refused_with_the_count, |app| {
    let files: Vec<(String, Vec<u8>)> = (0..31)
        .map(|i| (format!("memo{i}.txt"), b"hello".to_vec()))
        .collect();
    let text = refused(
        &app,
        files,
        "一度に送れるファイルは30件までです（選んだファイル：31件）。",
    )
    .await;
    assert!(!text.contains("まだアップロードしていません"), "{text}");
});

both!(a_file_over_ten_megabytes_is_refused, |app| {
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    refused(
        &app,
        vec![("big.txt".into(), big)],
        "「big.txt」は大きすぎます。ファイルは10MB以下にしてください。",
    )
    .await;
});

both!(
    one_bad_file_refuses_the_whole_upload_and_keeps_nothing,
    |app| {
        let mut files = two_partner_upload();
        files.push(("virus.png".into(), b"MZ\x90\x00".to_vec()));
        let text = refused(
            &app,
            files,
            "「virus.png」の中身が拡張子（.png）と合いません",
        )
        .await;
        // The good files are not kept either, and the form says so.
        assert!(
            text.contains("ほかの7件のファイルも、まだアップロードしていません。"),
            "{text}"
        );
    }
);

both!(
    a_mistyped_attachment_partner_refuses_the_upload_and_says_the_file_is_not_kept,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let pdf = ("会議録.pdf".to_string(), b"%PDF-1.7\n% test\n".to_vec());
        let page = cm1
            .upload(
                "/uploads",
                vec![pdf],
                &[("attachment_office", "12345"), ("attachment_type", "11")],
            )
            .await;
        assert_eq!(page.location.as_deref(), Some("/uploads/new"), "{page:?}");
        let text = cm1.follow(&page).await.text();
        assert!(
            text.contains("添付ファイルの送信先の事業所番号は10桁の数字で入力してください。"),
            "{text}"
        );
        assert!(
            text.contains("選んだ1件のファイルは、まだアップロードしていません。"),
            "{text}"
        );
        assert_eq!(drafts(&app).await, 0, "no row");
        assert_eq!(stored_objects(&app).await, 0, "no blob");
    }
);

both!(an_upload_cut_off_mid_stream_leaves_nothing, |app| {
    let cm1 = app.login("a-cm1").await;
    let body = b"--XYZ\r\nContent-Disposition: form-data; name=\"files\"; filename=\"memo.txt\"\r\nContent-Type: text/plain\r\n\r\nhello, this upload never ends".to_vec();
    let page = cm1
        .post_raw(
            "/uploads",
            body,
            &[
                ("origin", &app.base),
                ("content-type", "multipart/form-data; boundary=XYZ"),
            ],
        )
        .await;
    assert_eq!(page.status, 400, "{page:?}");
    assert!(
        page.text().contains("アップロードが途中で切れました。"),
        "{}",
        page.text()
    );
    assert_eq!(drafts(&app).await, 0);
    assert_eq!(stored_objects(&app).await, 0);
});

both!(
    files_that_cannot_be_sent_say_why_and_are_not_delivered,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let stamp = "20260401090000";
        let wrong_sender = spec_file(FileKind::Plan1, (C_NUMBER, "2A"), (B_NUMBER, "11"), stamp);
        let unknown = spec_file(
            FileKind::Plan1,
            (A_NUMBER, "43"),
            ("1399999999", "11"),
            "20260401090001",
        );
        let same = spec_file(
            FileKind::Plan1,
            (A_NUMBER, "43"),
            (A_NUMBER, "11"),
            "20260401090002",
        );
        let (good_name, good) = spec_file(
            FileKind::Plan1,
            (A_NUMBER, "43"),
            (B_NUMBER, "11"),
            "20260401090003",
        );
        let mut utf8 = vec![0xEF, 0xBB, 0xBF];
        utf8.extend_from_slice("202407,テスト\r\n".as_bytes());
        let broken_name = good_name.replace("090003", "090004");
        let path = cm1
            .upload(
                "/uploads",
                vec![
                    wrong_sender,
                    unknown,
                    same,
                    (good_name, good),
                    (broken_name, utf8),
                ],
                &[],
            )
            .await
            .location
            .unwrap();
        let text = cm1.get(&path).await.text();
        assert!(
            text.contains("ログイン中の事業所（事業所番号 1310000001・種類 43）と違います"),
            "{text}"
        );
        assert!(text.contains(
            "送信先の事業所（事業所番号 1399999999・種類 11）はこのポータルに登録されていません"
        ));
        assert!(text.contains("送信元と送信先の事業所番号が同じです。"));
        assert!(text.contains("ファイルの内容に誤りがあります"));
        assert!(text.contains("5件のうち4件は送信されません。"));
        assert!(text.contains("この内容で送信する（1件）"));
        let sent = cm1.post(&format!("{path}/send"), &[]).await;
        let done = cm1.follow(&sent).await.text();
        assert_eq!(done.matches("送信していません").count(), 4, "{done}");
        assert!(done.contains("ログイン中の事業所（事業所番号 1310000001・種類 43）と違います"));
        let b = app.login("b-staff").await;
        let inbox = b.get("/inbox").await;
        let rows = inbox.body.matches("href=\"/deliveries/").count();
        assert_eq!(rows, 1, "only the good file went: {}", inbox.text());
    }
);

both!(
    a_staff_member_cannot_send_another_offices_draft_or_see_its_uploads,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let path = cm1
            .upload("/uploads", two_partner_upload(), &[])
            .await
            .location
            .unwrap();
        let b = app.login("b-admin").await;
        assert_eq!(b.post(&format!("{path}/send"), &[]).await.status, 404);
        assert_eq!(b.post(&format!("{path}/discard"), &[]).await.status, 404);
        assert!(b
            .get("/uploads")
            .await
            .text()
            .contains("下書きはありません。"));
    }
);
