use crate::components::{ErrorView, Layout, NoticeBanner};
use crate::format::{date_time, iso};
use crate::serverfns::audit::recent_audit;
use crate::types::AuditPage;
use leptos::prelude::*;

/// 操作履歴 (/admin/audit): the office's audit log, newest first, with the hash-chain check that
/// shows nobody edited or removed a row (evidence for 運営指導).
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let page = Resource::new(|| (), |_| recent_audit());
    view! {
        <Layout title="操作履歴" nav="/admin/audit">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(p) => view! { <AuditTable page=p/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn AuditTable(page: AuditPage) -> impl IntoView {
    let integrity = match page.broken_at {
        None => {
            view! { <NoticeBanner kind="info" message=format!("全{}件の記録を検証し、改ざんは見つかりませんでした。", page.total)/> }
        }
        Some(seq) => {
            view! { <NoticeBanner kind="warning" message=format!("{seq}番目の記録以降で、記録の改ざんまたは欠落が見つかりました。システム管理者に連絡してください。")/> }
        }
    };
    let shown = page.entries.len();
    view! {
        {integrity}
        <h1>"操作履歴"</h1>
        <p class="result-count">{format!("新しい順に{shown}件を表示しています")}</p>
        <div class="scroll-area" role="region" aria-labelledby="audit-caption" tabindex="0">
        <table class="data-table" role="table">
            <caption class="data-table__caption" id="audit-caption">"この事業所の操作履歴"</caption>
            <thead role="rowgroup">
                <tr role="row">
                    <th role="columnheader" scope="col">"番号"</th>
                    <th role="columnheader" scope="col">"日時"</th>
                    <th role="columnheader" scope="col">"操作した人"</th>
                    <th role="columnheader" scope="col">"操作"</th>
                    <th role="columnheader" scope="col">"対象"</th>
                    <th role="columnheader" scope="col">"接続元"</th>
                </tr>
            </thead>
            <tbody role="rowgroup">
                {page.entries.into_iter().map(|e| view! {
                    <tr role="row">
                        <td role="cell" class="data-table__number">{e.seq}</td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"日時"</span>
                            <time datetime=iso(e.occurred_at_ms)>{date_time(e.occurred_at_ms)}</time></td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"操作した人"</span>{e.actor.unwrap_or_else(|| "—".to_string())}</td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"操作"</span>{e.action_label}</td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"対象"</span>{e.object}</td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"接続元"</span>{e.ip}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}
