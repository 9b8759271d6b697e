//! A stored file lost from the file store (a store restored from an old backup, or a server
//! pointed at the wrong folder): the user is told the file cannot be read and that trying
//! again will not help, with a reference for the operator; nothing is sent half-way.

use super::send_flow::{assert_nothing_delivered, two_partner_upload, upload};
use crate::exchange_helpers::{first_file_link, listed_deliveries};
use crate::helpers::TestApp;

/// The message of `AppError::FileUnavailable`, without its reference.
const CANNOT_READ: &str = "保管しているファイルを読み出せなかったため、処理できませんでした";

/// Removes every stored file from the app's local store; the rows that name them stay.
fn lose_stored_files(app: &TestApp) {
    std::fs::remove_dir_all(app.storage_dir.join("files")).unwrap();
}

both!(
    a_received_file_lost_from_the_store_says_so_on_download,
    |app| {
        let cm1 = app.login("a-cm1").await;
        let path = upload(&app, &cm1, two_partner_upload()).await;
        assert_eq!(cm1.post(&format!("{path}/send"), &[]).await.status, 303);
        let b = app.login("b-staff").await;
        let delivery = listed_deliveries(&b.get("/inbox").await.body)
            .pop()
            .unwrap();
        let file = first_file_link(&b.get(&delivery).await.body);
        lose_stored_files(&app);

        for target in [file, format!("{delivery}/zip")] {
            let (status, body, _) = b.get_bytes(&target).await;
            let text = String::from_utf8_lossy(&body);
            assert_eq!(status, 500, "{target}: {text}");
            assert!(text.contains(CANNOT_READ), "{target}: {text}");
            assert!(text.contains("参照番号: "), "{target}: {text}");
            assert!(
                !text.contains("時間をおいてもう一度お試しください"),
                "trying again cannot help: {text}"
            );
        }
        // A download that failed is no receipt.
        assert!(
            !app.audit_actions(app.office_b)
                .await
                .iter()
                .any(|a| a == "file_downloaded"),
            "no download is recorded"
        );
        // The item itself, its receipts and the inbox still open.
        assert_eq!(b.get(&delivery).await.status, 200);
        assert_eq!(b.get("/inbox").await.status, 200);
    }
);

both!(a_draft_whose_files_were_lost_is_not_sent, |app| {
    let cm1 = app.login("a-cm1").await;
    let path = upload(&app, &cm1, two_partner_upload()).await;
    lose_stored_files(&app);

    let refused = cm1.post(&format!("{path}/send"), &[]).await;
    assert_eq!(refused.status, 500, "{}", refused.text());
    assert!(refused.text().contains(CANNOT_READ), "{}", refused.text());
    // Nothing was delivered, and the draft is still a draft.
    assert_nothing_delivered(&app).await;
    assert!(cm1.get("/uploads").await.text().contains("7件"));
});
