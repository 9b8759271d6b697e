//! 添付ファイルの送信先: picked from the offices the office recently exchanged files with, or typed.

use super::bad_input::drafts;
use super::send_flow::{two_partner_upload, upload};
use crate::exchange_helpers::{first_file_link, listed_deliveries};
use crate::helpers::{Browser, Page, TestApp};

const PICK_LABEL: &str = "最近やり取りした事業所から選ぶ";

fn pdf() -> (String, Vec<u8>) {
    (
        "訪問介護計画書.pdf".to_string(),
        b"%PDF-1.7\n% test\n".to_vec(),
    )
}

/// Uploads the PDF with the attachment destination `fields`.
async fn upload_pdf(browser: &Browser, fields: &[(&str, &str)]) -> Page {
    browser.upload("/uploads", vec![pdf()], fields).await
}

/// Office A has sent its unit to B (訪問介護) and B2 (デイ): both are now A's partners.
async fn after_a_first_send(app: &TestApp) -> Browser {
    let cm1 = app.login("a-cm1").await;
    let path = upload(app, &cm1, two_partner_upload()).await;
    cm1.post(&format!("{path}/send"), &[]).await;
    cm1
}

both!(the_send_page_offers_the_partners_exchanged_with, |app| {
    let first = app.login("a-cm1").await.get("/uploads/new").await.text();
    assert!(
        !first.contains(PICK_LABEL),
        "no list before any exchange: {first}"
    );
    assert!(first.contains("事業所番号"), "the number can be typed");

    let cm1 = after_a_first_send(&app).await;
    let page = cm1.get("/uploads/new").await;
    assert!(page.body.contains(
        r#"<option value="1320000002:11">テスト訪問介護（事業所番号 1320000002・種類 11）</option>"#
    ), "{}", page.body);
    assert!(page
        .text()
        .contains("テストデイサービス（事業所番号 1320000003・種類 15）"));
    assert!(
        !page.text().contains("無関係事業所"),
        "an office never exchanged with is not offered"
    );
    // The receiving side sees its sender; the confirmation page offers the same list.
    let b = app.login("b-staff").await;
    let received = b.get("/uploads/new").await.text();
    assert!(
        received.contains("テスト居宅介護支援事業所（事業所番号 1310000001・種類 43）"),
        "{received}"
    );
    let draft = upload_pdf(&cm1, &[]).await;
    let confirm = cm1.get(draft.location.as_deref().unwrap()).await.text();
    assert!(
        confirm.contains(PICK_LABEL)
            && confirm.contains("テスト訪問介護（事業所番号 1320000002・種類 11）"),
        "{confirm}"
    );
});

both!(
    an_attachment_goes_to_the_partner_picked_from_the_list,
    |app| {
        let cm1 = after_a_first_send(&app).await;
        let page = upload_pdf(&cm1, &[("attachment_partner", "1320000002:11")]).await;
        let path = page.location.unwrap();
        let confirm = cm1.get(&path).await.text();
        assert!(confirm.contains("送信先：テスト訪問介護"), "{confirm}");
        assert!(confirm.contains("この内容で送信する（1件）"), "{confirm}");
        cm1.post(&format!("{path}/send"), &[]).await;

        let b = app.login("b-staff").await;
        let inbox = b.get("/inbox").await;
        let newest = listed_deliveries(&inbox.body).remove(0);
        let file = first_file_link(&b.get(&newest).await.body);
        assert_eq!(b.get_bytes(&file).await.1, pdf().1);
    }
);

both!(
    a_picked_partner_that_differs_from_the_typed_number_is_refused,
    |app| {
        let cm1 = after_a_first_send(&app).await;
        let before = drafts(&app).await;
        let page = upload_pdf(
            &cm1,
            &[
                ("attachment_partner", "1320000002:11"),
                ("attachment_office", "1320000003"),
                ("attachment_type", "15"),
            ],
        )
        .await;
        assert_eq!(page.location.as_deref(), Some("/uploads/new"), "{page:?}");
        let form = cm1.follow(&page).await;
        assert!(
            form.text()
                .contains("添付ファイルの送信先が、一覧と番号の入力で違います。"),
            "{}",
            form.text()
        );
        assert!(
            form.body
                .contains(r#"<option value="1320000002:11" selected"#),
            "the pick is kept: {}",
            form.body
        );
        assert_eq!(drafts(&app).await, before, "nothing kept");

        // The same office picked and typed (in full-width digits) is one destination.
        let same = upload_pdf(
            &cm1,
            &[
                ("attachment_partner", "1320000002:11"),
                ("attachment_office", "１３２００００００２"),
                ("attachment_type", "11"),
            ],
        )
        .await;
        let confirm = cm1.get(same.location.as_deref().unwrap()).await.text();
        assert!(confirm.contains("送信先：テスト訪問介護"), "{confirm}");
    }
);

both!(an_unreadable_pick_is_refused, |app| {
    let cm1 = after_a_first_send(&app).await;
    let before = drafts(&app).await;
    let page = upload_pdf(&cm1, &[("attachment_partner", "../1320000002")]).await;
    assert_eq!(page.location.as_deref(), Some("/uploads/new"), "{page:?}");
    let text = cm1.follow(&page).await.text();
    assert!(
        text.contains("一覧から選んだ事業所を読み取れませんでした。"),
        "{text}"
    );
    assert_eq!(drafts(&app).await, before);
});
