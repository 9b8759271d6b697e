use crate::components::{AssigneeCell, ErrorView, Layout};
use crate::format::date_time;
use crate::ports::query_param;
use crate::serverfns::exchange::list_deliveries;
use crate::types::{DeliveryFilter, DeliveryPage};
use leptos::prelude::*;

/// 自分の受信 (/inbox/mine): items with persons assigned to me, my persons in bold.
#[component]
pub fn MyInboxPage() -> impl IntoView {
    let after = query_param("after").unwrap_or_default();
    let filter = DeliveryFilter {
        assignee: "me".into(),
        after: after.clone(),
        ..DeliveryFilter::default()
    };
    let page = Resource::new(move || (), move |_| list_deliveries(true, filter.clone()));
    view! {
        <Layout title="自分の受信" nav="/inbox/mine">
            <h1>"自分の受信"</h1>
            <p class="page__lead">"あなたが担当する利用者のファイルです。事業所に届いたすべてのファイルは"<a href="/inbox">"受信一覧"</a>"で見られます。"</p>
            <Suspense fallback=|| ()>
                {move || {
                    let after = after.clone();
                    Suspend::new(async move {
                        match page.await {
                            Ok(p) => view! { <MyTable page=p first=after.is_empty()/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn MyTable(page: DeliveryPage, first: bool) -> impl IntoView {
    if page.items.is_empty() {
        return view! { <p class="empty-state">"あなたの担当のファイルはまだありません。担当の利用者のファイルが届くと、ここに表示されます。"</p> }.into_any();
    }
    let next = page.next.clone().map(|n| format!("/inbox/mine?after={n}"));
    view! {
        <p class="result-count">{format!("{}件を表示（新しい順）", page.items.len())}</p>
        <table class="data-table" role="table">
            <caption class="data-table__caption">"自分の担当のファイル"</caption>
            <thead role="rowgroup"><tr role="row">
                <th role="columnheader" scope="col" aria-sort="descending">"送信日時"</th>
                <th role="columnheader" scope="col">"送信元"</th>
                <th role="columnheader" scope="col">"自分の担当の利用者"</th>
                <th role="columnheader" scope="col">"ファイル内の利用者"</th>
                <th role="columnheader" scope="col">"種類"</th>
                <th role="columnheader" scope="col">"状態"</th>
            </tr></thead>
            <tbody role="rowgroup">
                {page.items.into_iter().map(|d| {
                    let unread = (d.routing.my_status == Some(crate::types::WorkStatus::Unread)).then_some("");
                    view! {
                        <tr role="row" data-unread=unread>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"送信日時"</span>
                                <a href=format!("/deliveries/{}", d.id)>{date_time(d.sent_at_ms)}</a></td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"送信元"</span>{d.partner.label()}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"自分の担当の利用者"</span>
                                <strong class="my-person">{d.routing.my_persons.join("、")}</strong></td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"ファイル内の利用者"</span>{d.persons_label.clone()}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"種類"</span>{d.kinds_label.clone()}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"状態"</span><AssigneeCell brief=d.routing.clone()/></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <nav class="pagination" aria-label="ページ送り">
            {(!first).then(|| view! { <a href="/inbox/mine">"最初のページ"</a> })}
            " "
            {next.map(|href| view! { <a href=href rel="next">"次の50件"</a> })}
        </nav>
    }
    .into_any()
}
