use crate::components::{ErrorView, FileFindings, Layout, NoticeBanner, PersonsList};
use crate::format::{date_time, month, size};
use crate::ports::flash;
use crate::serverfns::exchange::get_delivery;
use crate::types::{DeliveryDetail, DeliveryId};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 送受信の詳細 (/deliveries/{id}): files (download any time), persons, receipts.
#[component]
pub fn DeliveryPage() -> impl IntoView {
    let notice = flash().notice;
    let id: Option<DeliveryId> = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok());
    let detail = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_delivery(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Layout title="送受信の詳細" nav="/inbox">
            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match detail.await {
                        Ok(d) => view! { <Detail d=d/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn Detail(d: DeliveryDetail) -> impl IntoView {
    let id = d.summary.id;
    let (back, back_label) = if d.incoming {
        ("/inbox", "受信一覧に戻る")
    } else {
        ("/outbox", "送信済み一覧に戻る")
    };
    let heading = if d.incoming {
        format!("{}から受信", d.from.label())
    } else {
        format!("{}へ送信", d.to.label())
    };
    let import_action = match (&d.imported_by, d.incoming) {
        (Some((who, at)), _) => view! { <p>{format!("{who}さんが取込済にしました（{}）。", date_time(*at))}</p> }.into_any(),
        (None, true) => view! {
            <form method="post" action=format!("/deliveries/{id}/imported")>
                <button class="button" data-variant="secondary" type="submit">"取込済にする"</button>
            </form>
            <p class="field__hint">"介護ソフトに取り込んだら押してください。送信元にも伝わります。"</p>
        }.into_any(),
        (None, false) => view! { <p>"相手の事業所はまだ取込済にしていません。"</p> }.into_any(),
    };
    view! {
        <p><a class="back-link" href=back>{back_label}</a></p>
        <h1>{heading}</h1>
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"送信元"</dt><dd class="summary-list__value">{d.from.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"送信先"</dt><dd class="summary-list__value">{d.to.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"送信日時"</dt><dd class="summary-list__value">{date_time(d.summary.sent_at_ms)}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"送信した人"</dt><dd class="summary-list__value">{d.summary.sent_by.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"状態"</dt><dd class="summary-list__value">
                {if d.summary.imported { "取込済" } else if d.summary.opened { "開封済" } else { "未開封" }}</dd></div>
        </dl>
        {import_action}
        <h2>{format!("ファイル（{}件）", d.files.len())}</h2>
        <p><a class="button" data-variant="secondary" href=format!("/deliveries/{id}/zip") download="">"すべてのファイルをまとめてダウンロードする（ZIP）"</a></p>
        <p class="field__hint">"ZIPの中のファイルは、取り込む順番（親の帳票が先）に並んでいます。"</p>
        {d.files.into_iter().map(|f| {
            let href = format!("/deliveries/{id}/files/{}", f.id);
            let label = format!("{}をダウンロードする", f.name);
            view! {
                <article class="draft-file">
                    <h3 class="draft-file__name">{f.name.clone()}</h3>
                    <dl class="summary-list">
                        <div class="summary-list__row"><dt class="summary-list__key">"種類"</dt><dd class="summary-list__value">{f.kind_label.clone()}</dd></div>
                        {f.target_month.clone().map(|m| view! { <div class="summary-list__row"><dt class="summary-list__key">"対象年月"</dt><dd class="summary-list__value">{month(&m)}</dd></div> })}
                        <div class="summary-list__row"><dt class="summary-list__key">"大きさ"</dt><dd class="summary-list__value">{size(f.size)}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"利用者"</dt><dd class="summary-list__value"><PersonsList persons=f.persons.clone()/></dd></div>
                    </dl>
                    <FileFindings findings=f.findings.clone()/>
                    <p><a class="button" data-variant="secondary" href=href aria-label=label download="">"ダウンロード"</a></p>
                </article>
            }
        }).collect_view()}
        <h2>"受領の記録"</h2>
        {if d.events.is_empty() {
            view! { <p>"まだ開封されていません。"</p> }.into_any()
        } else {
            view! {
                <table class="data-table" role="table">
                    <caption class="data-table__caption">"開封・ダウンロード・取込の記録"</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th role="columnheader" scope="col">"日時"</th><th role="columnheader" scope="col">"内容"</th>
                        <th role="columnheader" scope="col">"操作した人"</th><th role="columnheader" scope="col">"ファイル"</th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {d.events.into_iter().map(|e| view! {
                            <tr role="row">
                                <td role="cell">{date_time(e.at_ms)}</td><td role="cell">{e.label}</td>
                                <td role="cell">{e.user}</td><td role="cell">{e.file_name.unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
