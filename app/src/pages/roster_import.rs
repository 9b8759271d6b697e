use crate::components::{ErrorSummary, ErrorView, Layout};
use crate::ports::flash;
use crate::serverfns::routing::get_import_preview;
use crate::types::ImportPreview;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 利用者台帳の取り込み, step 1 (/roster/import): choose a CSV file.
#[component]
pub fn RosterImportPage() -> impl IntoView {
    let flash = flash();
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="利用者台帳の取り込み" has_errors=has_errors nav="/roster">
            <ErrorSummary errors=flash.errors.clone()/>
            <p><a class="back-link" href="/roster">"利用者台帳に戻る"</a></p>
            <h1>"利用者台帳をCSVから取り込む"</h1>
            <p>"「台帳をCSVで書き出す」で取得したファイルと同じ形（UTF-8、1行目は見出し）で用意してください。次の画面で内容を確認してから反映します。"</p>
            <p>"担当者は「担当者ログインID」の列で指定します。空欄の利用者は未割当になります。1行でも誤りがあると、どの行も反映しません。"</p>
            <form class="form" method="post" action="/roster/import" enctype="multipart/form-data" novalidate>
                <div class="field" data-invalid=flash.error_for("file").map(|_| "")>
                    <label class="field__label" for="file">"CSVファイル"</label>
                    <p class="field__hint" id="file-hint">"文字コードはUTF-8です。Excelでは「CSV UTF-8（コンマ区切り）」で保存してください。"</p>
                    {flash.error_for("file").map(|e| view! { <p class="field__error" id="file-error"><span class="u-visually-hidden">"エラー："</span>{e.to_string()}</p> })}
                    <input class="field__input" type="file" id="file" name="file" accept=".csv" aria-describedby="file-hint"/>
                </div>
                <button class="button" data-variant="primary" type="submit">"アップロードして内容を確認する"</button>
            </form>
        </Layout>
    }
}

/// Step 2 (/roster/import/{id}): what will change, or every error with its line.
#[component]
pub fn RosterImportPreviewPage() -> impl IntoView {
    let flash = flash();
    let id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default();
    let preview = Resource::new(move || (), move |_| get_import_preview(id.clone()));
    view! {
        <Layout title="取り込む内容の確認" nav="/roster">
            <ErrorSummary errors=flash.errors.clone()/>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match preview.await {
                        Ok(p) => view! { <Preview p=p/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn Preview(p: ImportPreview) -> impl IntoView {
    let apply = format!("/roster/import/{}/apply", p.id);
    let body = if p.applied {
        view! { <p>"この取り込みは反映済みです。"</p><p><a href="/roster">"利用者台帳を見る"</a></p> }.into_any()
    } else if !p.errors.is_empty() {
        view! {
            <div class="error-summary" tabindex="-1" autofocus>
                <div role="alert">
                    <h2 class="error-summary__title">{format!("誤りが{}件あるため、取り込めません", p.errors.len())}</h2>
                    <ul class="error-summary__list">{p.errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            </div>
            <p>"ファイルを直してから、もう一度選んでください。台帳は変更していません。"</p>
            <p><a class="button" data-variant="primary" href="/roster/import">"ファイルを選び直す"</a></p>
        }.into_any()
    } else {
        let count = p.lines.len();
        view! {
            <p>{format!("{count}人分を取り込みます。内容を確認してください。")}</p>
            <table class="data-table" role="table">
                <caption class="data-table__caption">"取り込む内容"</caption>
                <thead role="rowgroup"><tr role="row">
                    <th role="columnheader" scope="col" class="data-table__number">"行"</th>
                    <th role="columnheader" scope="col">"保険者番号"</th>
                    <th role="columnheader" scope="col">"被保険者番号"</th>
                    <th role="columnheader" scope="col">"氏名"</th>
                    <th role="columnheader" scope="col">"担当"</th>
                    <th role="columnheader" scope="col">"変更"</th>
                </tr></thead>
                <tbody role="rowgroup">
                    {p.lines.into_iter().map(|l| view! {
                        <tr role="row">
                            <td role="cell" class="data-table__number">{l.line}</td>
                            <td role="cell">{l.insurer}</td><td role="cell">{l.insured}</td><td role="cell">{l.name}</td>
                            <td role="cell">{if l.assignee.is_empty() { "未割当".to_string() } else { l.assignee }}</td>
                            <td role="cell">{l.change}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <form method="post" action=apply>
                <button class="button" data-variant="primary" type="submit">{format!("この内容で取り込む（{count}人）")}</button>
            </form>
            <p><a href="/roster/import">"ファイルを選び直す"</a></p>
        }.into_any()
    };
    view! {
        <p><a class="back-link" href="/roster">"利用者台帳に戻る"</a></p>
        <h1>"取り込む内容の確認"</h1>
        <p class="field__hint">{format!("ファイル：{}", p.file_name)}</p>
        {body}
    }
}
