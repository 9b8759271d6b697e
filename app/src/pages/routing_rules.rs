use crate::components::{ErrorSummary, ErrorView, Layout, NoticeBanner, StaffSelect};
use crate::ports::flash;
use crate::serverfns::routing::list_rules;
use crate::types::{Flash, RulesView};
use leptos::prelude::*;

/// 送信元ルール (/routing/rules): when the roster names no 担当, items from a partner office go
/// to the staff member named here.
#[component]
pub fn RoutingRulesPage() -> impl IntoView {
    let flash = flash();
    let data = Resource::new(|| (), |_| list_rules());
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="送信元ルール" has_errors=has_errors nav="/roster">
            <ErrorSummary errors=flash.errors.clone()/>
            {flash.notice.clone().map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <p><a class="back-link" href="/roster">"利用者台帳に戻る"</a></p>
            <h1>"送信元ルール"</h1>
            <p class="page__lead">"利用者台帳に担当がいない利用者のファイルは、送信元の事業所ごとに決めた職員に届きます。ルールもなければ「未割当」になります。"</p>
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(v) => view! { <Rules v=v flash=flash/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn Rules(v: RulesView, flash: Flash) -> impl IntoView {
    view! {
        {if v.rules.is_empty() {
            view! { <p class="empty-state">"ルールはまだありません。"</p> }.into_any()
        } else {
            view! {
                <table class="data-table" role="table">
                    <caption class="data-table__caption">"送信元ごとの担当者"</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th role="columnheader" scope="col">"送信元"</th>
                        <th role="columnheader" scope="col">"担当者"</th>
                        <th role="columnheader" scope="col">"操作"</th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {v.rules.into_iter().map(|r| {
                            let label = format!("{}のルールを削除する", r.partner_label);
                            view! {
                                <tr role="row">
                                    <td role="cell">{r.partner_label.clone()}</td>
                                    <td role="cell">{r.assignee.name.clone()}</td>
                                    <td role="cell">
                                        <form method="post" action="/routing/rules/delete">
                                            <input type="hidden" name="partner" value=r.partner_id.clone()/>
                                            <button class="button" data-variant="link" type="submit" aria-label=label>"削除する"</button>
                                        </form>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        <h2>"ルールを追加・変更する"</h2>
        {if v.partners.is_empty() {
            view! { <p>"まだファイルを受け取った送信元がありません。ファイルが届くと選べるようになります。"</p> }.into_any()
        } else {
            view! {
                <form class="form" method="post" action="/routing/rules" novalidate>
                    <div class="field" data-invalid=flash.error_for("partner").map(|_| "")>
                        <label class="field__label" for="partner">"送信元の事業所"</label>
                        {flash.error_for("partner").map(|e| view! { <p class="field__error"><span class="u-visually-hidden">"エラー："</span>{e.to_string()}</p> })}
                        <select class="field__select" id="partner" name="partner">
                            {v.partners.into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                    </div>
                    <StaffSelect name="assignee" label="担当者" staff=v.staff error=flash.error_for("assignee").map(str::to_string)/>
                    <button class="button" data-variant="primary" type="submit">"ルールを保存する"</button>
                </form>
            }.into_any()
        }}
    }
}
