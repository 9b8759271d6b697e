use crate::components::{ErrorSummary, ErrorView, Layout, NoticeBanner, StaffSelect};
use crate::format::date_time;
use crate::ports::{flash, query_param};
use crate::serverfns::exchange::list_deliveries;
use crate::serverfns::routing::list_assignable_staff;
use crate::types::{DeliveryFilter, DeliveryPage, Flash, StaffRef};
use leptos::prelude::*;

/// 未割当 (/inbox/unassigned): items with persons no one is in charge of. Managers assign one
/// or many at once; staff open an item to take it.
#[component]
pub fn UnassignedPage() -> impl IntoView {
    let flash = flash();
    let after = query_param("after").unwrap_or_default();
    let filter = DeliveryFilter {
        assignee: "unassigned".into(),
        after: after.clone(),
        ..DeliveryFilter::default()
    };
    let page = Resource::new(move || (), move |_| list_deliveries(true, filter.clone()));
    let staff = Resource::new(|| (), |_| list_assignable_staff());
    let manager = crate::ports::caller().is_some_and(|c| c.role != crate::types::Role::Staff);
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="未割当" has_errors=has_errors nav="/inbox/unassigned">
            <ErrorSummary errors=flash.errors.clone()/>
            {flash.notice.clone().map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <h1>"未割当"</h1>
            <p class="page__lead">"担当者台帳にも送信元ルールにも担当が見つからなかった利用者のファイルです。"
                {manager.then_some("担当者を選んで割り当ててください。")}</p>
            {manager.then(|| view! {
                <p><a href="/roster">"利用者台帳"</a>" ／ "<a href="/routing/rules">"送信元ルール"</a>" ／ "<a href="/routing/absences">"不在と代理"</a></p>
            })}
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    let after = after.clone();
                    Suspend::new(async move {
                        let staff = staff.await.unwrap_or_default();
                        match page.await {
                            Ok(p) => view! { <QueueTable page=p staff=staff manager=manager flash=flash first=after.is_empty()/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn QueueTable(
    page: DeliveryPage,
    staff: Vec<StaffRef>,
    manager: bool,
    flash: Flash,
    first: bool,
) -> impl IntoView {
    if page.items.is_empty() {
        return view! { <p class="empty-state">"未割当のファイルはありません。届いたファイルはすべて担当者に振り分けられています。"</p> }.into_any();
    }
    let next = page
        .next
        .clone()
        .map(|n| format!("/inbox/unassigned?after={n}"));
    let rows = page.items.into_iter().map(|d| {
        let value = format!("{}:{}", d.id, d.routing.version);
        let check_id = format!("item-{}", d.id);
        let label = format!("{}の{}を選ぶ", date_time(d.sent_at_ms), d.persons_label);
        view! {
            <tr role="row">
                {manager.then(|| view! {
                    <td role="cell"><input class="checkbox__input" type="checkbox" name="items" id=check_id value=value aria-label=label/></td>
                })}
                <td role="cell"><span class="data-table__label" aria-hidden="true">"送信日時"</span>
                    <a href=format!("/deliveries/{}", d.id)>{date_time(d.sent_at_ms)}</a></td>
                <td role="cell"><span class="data-table__label" aria-hidden="true">"送信元"</span>{d.partner.label()}</td>
                <td role="cell"><span class="data-table__label" aria-hidden="true">"利用者"</span>{d.persons_label.clone()}</td>
                <td role="cell"><span class="data-table__label" aria-hidden="true">"種類"</span>{d.kinds_label.clone()}</td>
                <td role="cell"><span class="data-table__label" aria-hidden="true">"未割当"</span>{format!("{}人", d.routing.unassigned)}</td>
            </tr>
        }
    }).collect_view();
    let table = view! {
        <table class="data-table" role="table">
            <caption class="data-table__caption">"未割当のファイル"</caption>
            <thead role="rowgroup"><tr role="row">
                {manager.then(|| view! { <th role="columnheader" scope="col">"選択"</th> })}
                <th role="columnheader" scope="col" aria-sort="descending">"送信日時"</th>
                <th role="columnheader" scope="col">"送信元"</th>
                <th role="columnheader" scope="col">"利用者"</th>
                <th role="columnheader" scope="col">"種類"</th>
                <th role="columnheader" scope="col">"未割当"</th>
            </tr></thead>
            <tbody role="rowgroup">{rows}</tbody>
        </table>
    };
    let pager = view! {
        <nav class="pagination" aria-label="ページ送り">
            {(!first).then(|| view! { <a href="/inbox/unassigned">"最初のページ"</a> })}
            " "
            {next.map(|href| view! { <a href=href rel="next">"次の50件"</a> })}
        </nav>
    };
    if !manager {
        return view! { {table} {pager} }.into_any();
    }
    view! {
        <form class="form" id="items" method="post" action="/inbox/unassigned/assign" novalidate>
            {table}
            <StaffSelect name="to" label="割り当てる担当者" staff=staff selected=flash.value("to") error=flash.error_for("to").map(str::to_string)/>
            <div class="checkbox">
                <input class="checkbox__input" type="checkbox" name="update_roster" id="update_roster" value="1" checked=true/>
                <label class="checkbox__label" for="update_roster">"利用者台帳の担当も変更する（今後この利用者のファイルはこの担当者に届きます）"</label>
            </div>
            <button class="button" data-variant="primary" type="submit">"選んだファイルを割り当てる"</button>
        </form>
        {pager}
    }
    .into_any()
}
