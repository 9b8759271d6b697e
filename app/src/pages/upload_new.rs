use crate::components::{ErrorSummary, Layout, Steps, TextField};
use crate::ports::flash;
use leptos::prelude::*;

/// ファイルを送る, step 1 (/uploads/new): choose files; a multipart POST to /uploads.
#[component]
pub fn UploadNewPage() -> impl IntoView {
    let flash = flash();
    let has_errors = !flash.errors.is_empty();
    let files_error = flash
        .errors
        .iter()
        .filter(|e| e.field == "files")
        .map(|e| e.message.clone())
        .collect::<Vec<_>>();
    view! {
        <Layout title="ファイルを送る" has_errors=has_errors nav="/uploads/new">
            <ErrorSummary errors=flash.errors.clone()/>
            <Steps current=1/>
            <h1>"ファイルを送る"</h1>
            <p class="page__lead">"連携ソフトが出力したファイルを、名前を変えずにまとめて選んでください。送信先はファイル名から自動で決まります。送る前に内容を確認する画面が出ます。"</p>
            <UploadForm action="/uploads".to_string() files_error=files_error flash_office=flash.value("attachment_office") flash_type=flash.value("attachment_type")
                office_error=flash.error_for("attachment_office").map(str::to_string) type_error=flash.error_for("attachment_type").map(str::to_string)
                button="アップロードして内容を確認する"/>
        </Layout>
    }
}

/// The file form, shared by step 1 and 「ファイルを追加する」 on the confirmation page.
#[component]
pub fn UploadForm(
    action: String,
    files_error: Vec<String>,
    flash_office: String,
    flash_type: String,
    office_error: Option<String>,
    type_error: Option<String>,
    button: &'static str,
) -> impl IntoView {
    let invalid = (!files_error.is_empty()).then_some("true");
    view! {
        // `data-upload`: with JavaScript, style/upload.js adds drag-and-drop and per-file progress.
        <form class="form" method="post" action=action enctype="multipart/form-data" novalidate data-upload="">
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"添付ファイルの送信先（PDF・画像・TXTを送るときだけ）"</legend>
                <p class="field__hint">"CSVの送信先はファイル名から決まるため、入力は不要です。"</p>
                <TextField name="attachment_office" label="事業所番号" hint="10桁の数字です。全角でも入力できます。"
                    value=flash_office error=office_error/>
                <TextField name="attachment_type" label="サービス種類コード" hint="2桁です。例：11（訪問介護）、15（通所介護）"
                    value=flash_type error=type_error/>
            </fieldset>
            <div class="field" data-invalid=invalid.map(|_| "")>
                <label class="field__label" for="files">"送るファイル " <span class="field__required">"必須"</span></label>
                <p class="field__hint" id="files-hint">"CSV（標準仕様）と、PDF・JPEG・GIF・PNG・TXT。1ファイル10MBまで、一度に30件まで選べます。大きなファイルは送信に時間がかかることがあります。"</p>
                {files_error.into_iter().map(|e| view! { <p class="field__error"><span class="u-visually-hidden">"エラー："</span>{e}</p> }).collect_view()}
                <input class="field__file" type="file" id="files" name="files" multiple accept=".csv,.CSV,.pdf,.jpg,.jpeg,.gif,.png,.txt"
                    aria-describedby="files-hint" aria-invalid=invalid/>
            </div>
            <button class="button" data-variant="primary" type="submit">{button}</button>
        </form>
        <script src="/style/upload.js" defer=""></script>
    }
}
