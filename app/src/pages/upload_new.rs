use crate::components::{ErrorSummary, Layout, Steps, TextField};
use crate::ports::flash;
use crate::serverfns::exchange::list_partners;
use crate::types::{Flash, OfficeRef};
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
    let partners = Resource::new(|| (), |_| list_partners());
    view! {
        <Layout title="ファイルを送る" has_errors=has_errors nav="/uploads/new">
            <ErrorSummary errors=flash.errors.clone()/>
            <Steps current=1/>
            <h1>"ファイルを送る"</h1>
            <p class="page__lead">"連携ソフトが出力したファイルを、名前を変えずにまとめて選んでください。送信先はファイル名から自動で決まります。送る前に内容を確認する画面が出ます。"</p>
            <Suspense fallback=|| ()>
                {move || {
                    let (flash, files_error) = (flash.clone(), files_error.clone());
                    Suspend::new(async move {
                        // Without the list the form still works: the number is typed instead.
                        let partners = partners.await.unwrap_or_default();
                        view! {
                            <UploadForm action="/uploads".to_string() files_error=files_error flash=flash
                                partners=partners button="アップロードして内容を確認する"/>
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

/// The file form, shared by step 1 and 「ファイルを追加する」 on the confirmation page.
/// `partners` are offered as the attachments' destination; the number can always be typed.
#[component]
pub fn UploadForm(
    action: String,
    files_error: Vec<String>,
    flash: Flash,
    partners: Vec<OfficeRef>,
    button: &'static str,
) -> impl IntoView {
    let invalid = (!files_error.is_empty()).then_some("true");
    view! {
        // `data-upload`: with JavaScript, style/upload.js adds drag-and-drop and per-file progress.
        <form class="form" method="post" action=action enctype="multipart/form-data" novalidate data-upload="">
            <fieldset class="fieldset">
                <legend class="fieldset__legend">"添付ファイルの送信先（PDF・画像・TXTを送るときだけ）"</legend>
                <p class="field__hint">"CSVの送信先はファイル名から決まるため、入力は不要です。"</p>
                <PartnerSelect partners=partners chosen=flash.value("attachment_partner")
                    error=flash.error_for("attachment_partner").map(str::to_string)/>
                <TextField name="attachment_office" label="事業所番号" hint="10桁の数字です。全角でも入力できます。"
                    value=flash.value("attachment_office") error=flash.error_for("attachment_office").map(str::to_string)/>
                <TextField name="attachment_type" label="サービス種類コード" hint="2桁です。例：11（訪問介護）、15（通所介護）"
                    value=flash.value("attachment_type") error=flash.error_for("attachment_type").map(str::to_string)/>
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

/// 「最近やり取りした事業所から選ぶ」: the value is `事業所番号:サービス種類コード`, which the
/// server reads like the two typed fields. Nothing is shown when there is no partner yet.
#[component]
fn PartnerSelect(partners: Vec<OfficeRef>, chosen: String, error: Option<String>) -> impl IntoView {
    (!partners.is_empty()).then(|| {
        let options = partners
            .into_iter()
            .map(|p| {
                let service_type = p.service_type.clone().unwrap_or_default();
                let value = format!("{}:{service_type}", p.number);
                let label = format!(
                    "{}（{}）",
                    p.name.clone().unwrap_or_default(),
                    p.number_and_type()
                );
                let selected = value == chosen;
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view();
        let invalid = error.as_ref().map(|_| "");
        view! {
            <div class="field" data-invalid=invalid>
                <label class="field__label" for="attachment_partner">"最近やり取りした事業所から選ぶ"</label>
                <p class="field__hint" id="attachment_partner-hint">"一覧にない事業所に送るときは、下の事業所番号とサービス種類コードを入力してください。"</p>
                {error.map(|e| view! { <p class="field__error"><span class="u-visually-hidden">"エラー："</span>{e}</p> })}
                <select class="field__select" id="attachment_partner" name="attachment_partner" aria-describedby="attachment_partner-hint">
                    <option value="" selected=chosen.is_empty()>"選ばない（番号を入力する）"</option>
                    {options}
                </select>
            </div>
        }
    })
}
