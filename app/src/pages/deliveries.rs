use crate::components::{ErrorView, Layout, VersionBadge};
use crate::format::date_time;
use crate::ports::query_param;
use crate::serverfns::exchange::list_deliveries;
use crate::types::{DeliveryFilter, DeliveryPage, DeliverySummary, VersionMark};
use leptos::prelude::*;

fn filter_from_query() -> DeliveryFilter {
    let q = |name: &str| query_param(name).unwrap_or_default();
    DeliveryFilter {
        partner: q("partner"),
        kind: q("kind"),
        month: q("month"),
        person: q("person"),
        status: q("status"),
        from: q("from"),
        to: q("to"),
        after: q("after"),
        assignee: q("assignee"),
    }
}

/// 受信 (/inbox).
#[component]
pub fn InboxPage() -> impl IntoView {
    view! { <DeliveryList incoming=true/> }
}

/// 送信済み (/outbox).
#[component]
pub fn OutboxPage() -> impl IntoView {
    view! { <DeliveryList incoming=false/> }
}

#[component]
fn DeliveryList(incoming: bool) -> impl IntoView {
    let filter = filter_from_query();
    let page = Resource::new(move || (), {
        let filter = filter.clone();
        move |_| list_deliveries(incoming, filter.clone())
    });
    let (title, path) = if incoming {
        ("受信一覧", "/inbox")
    } else {
        ("送信済み一覧", "/outbox")
    };
    view! {
        <Layout title=title nav=path>
            <h1>{title}</h1>
            <FilterForm filter=filter.clone() path=path incoming=incoming/>
            <Suspense fallback=|| ()>
                {move || {
                    let filter = filter.clone();
                    Suspend::new(async move {
                        match page.await {
                            Ok(p) => view! { <DeliveryTable page=p incoming=incoming filter=filter path=path/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn FilterForm(filter: DeliveryFilter, path: &'static str, incoming: bool) -> impl IntoView {
    let partner_label = if incoming {
        "送信元（事業所名・事業所番号）"
    } else {
        "送信先（事業所名・事業所番号）"
    };
    let kinds = [
        ("", "すべて"),
        ("UP1KYO", "第1表"),
        ("UP2KYO", "第2表"),
        ("UP3KYO", "第3表"),
        ("UPHOSOKU", "利用者補足"),
        ("UPPLAN", "第6表 利用票（予定）"),
        ("UPJSK", "実績"),
        ("UPSIKYU", "第7表"),
        ("attachment", "添付ファイル"),
    ];
    let statuses = [
        ("", "すべて"),
        ("unopened", "未開封"),
        ("not_imported", "未取込"),
        ("imported", "取込済"),
    ];
    let field = |name: &'static str, label: &'static str, value: String, hint: &'static str| {
        view! {
            <div class="filter__field">
                <label class="field__label" for=name>{label}</label>
                {(!hint.is_empty()).then(|| view! { <p class="field__hint">{hint}</p> })}
                <input class="field__input" id=name name=name value=value/>
            </div>
        }
    };
    let select = |name: &'static str,
                  label: &'static str,
                  options: &[(&'static str, &'static str)],
                  current: &str| {
        let options: Vec<_> = options
            .iter()
            .map(|&(v, l)| view! { <option value=v selected=current == v>{l}</option> })
            .collect();
        view! {
            <div class="filter__field">
                <label class="field__label" for=name>{label}</label>
                <select class="field__select" id=name name=name>{options}</select>
            </div>
        }
    };
    // The name and partner searches stay in sight; the other conditions fold away (on a phone
    // they filled the first screen), open whenever one of them is in use.
    let more_in_use = [
        &filter.month,
        &filter.kind,
        &filter.status,
        &filter.assignee,
        &filter.from,
        &filter.to,
    ]
    .iter()
    .any(|v| !v.is_empty());
    let more_label = if incoming {
        "詳しい条件（対象年月・種類・状態・担当・送信日）"
    } else {
        "詳しい条件（対象年月・種類・状態・送信日）"
    };
    view! {
        <form class="filter" method="get" action=path>
            {field("partner", partner_label, filter.partner.clone(), "")}
            {field("person", "利用者（氏名・フリガナ・被保険者番号）", filter.person.clone(), "")}
            <details class="filter__more" open=more_in_use>
                <summary class="filter__summary">{more_label}</summary>
                <div class="filter__more-fields">
                    {field("month", "対象年月", filter.month.clone(), "例：202504")}
                    {select("kind", "種類", &kinds, &filter.kind)}
                    {select("status", "状態", &statuses, &filter.status)}
                    {incoming.then(|| view! { <crate::components::AssigneeFilter value=filter.assignee.clone()/> })}
                    {field("from", "送信日（から）", filter.from.clone(), "例：2025-04-01")}
                    {field("to", "送信日（まで）", filter.to.clone(), "例：2025-04-30")}
                </div>
            </details>
            <div class="filter__actions">
                <button class="button" data-variant="secondary" type="submit">"絞り込む"</button>
                " "<a href=path>"条件をクリア"</a>
            </div>
        </form>
    }
}

fn next_link(filter: &DeliveryFilter, path: &str, after: &str) -> String {
    let enc = |s: &str| {
        s.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect::<String>()
    };
    format!(
        "{path}?partner={}&person={}&month={}&kind={}&status={}&from={}&to={}&assignee={}&after={}",
        enc(&filter.partner),
        enc(&filter.person),
        enc(&filter.month),
        enc(&filter.kind),
        enc(&filter.status),
        enc(&filter.from),
        enc(&filter.to),
        enc(&filter.assignee),
        enc(after)
    )
}

#[component]
fn DeliveryTable(
    page: DeliveryPage,
    incoming: bool,
    filter: DeliveryFilter,
    path: &'static str,
) -> impl IntoView {
    let filtered = filter
        != DeliveryFilter {
            after: filter.after.clone(),
            ..DeliveryFilter::default()
        };
    if page.items.is_empty() {
        let empty = match (filtered, incoming) {
            (true, _) => "条件に合うファイルはありません。",
            (false, true) => {
                "受信したファイルはまだありません。連携先から届いたファイルがここに表示されます。"
            }
            (false, false) => {
                "送信したファイルはまだありません。「ファイルを送る」から送信できます。"
            }
        };
        return view! { <p class="empty-state">{empty}</p> }.into_any();
    }
    let partner_heading = if incoming { "送信元" } else { "送信先" };
    let next = page
        .next
        .clone()
        .map(|after| next_link(&filter, path, &after));
    let first_page = (!filter.after.is_empty()).then(|| next_link(&filter, path, ""));
    view! {
        <p class="result-count">{format!("{}件を表示（新しい順）", page.items.len())}</p>
        <table class="data-table" role="table">
            <caption class="data-table__caption">{if incoming { "受信したファイル" } else { "送信したファイル" }}</caption>
            <thead role="rowgroup"><tr role="row">
                <th role="columnheader" scope="col" aria-sort="descending">"送信日時"</th>
                <th role="columnheader" scope="col">{partner_heading}</th>
                <th role="columnheader" scope="col">"利用者"</th>
                <th role="columnheader" scope="col">"種類"</th>
                <th role="columnheader" scope="col">"状態"</th>
                {incoming.then(|| view! { <th role="columnheader" scope="col">"担当"</th> })}
                <th role="columnheader" scope="col">"版"</th>
            </tr></thead>
            <tbody role="rowgroup">
                {page.items.into_iter().map(|d| view! { <DeliveryRow item=d incoming=incoming partner_heading=partner_heading/> }).collect_view()}
            </tbody>
        </table>
        <nav class="pagination" aria-label="ページ送り">
            {first_page.map(|href| view! { <a href=href>"最初のページ"</a> })}
            " "
            {next.map(|href| view! { <a href=href rel="next">"次の50件"</a> })}
        </nav>
    }
    .into_any()
}

#[component]
fn DeliveryRow(
    item: DeliverySummary,
    incoming: bool,
    partner_heading: &'static str,
) -> impl IntoView {
    let unread = (incoming && !item.opened).then_some("");
    let state = if item.imported {
        "取込済"
    } else if item.opened {
        "開封済"
    } else {
        "未開封"
    };
    view! {
        <tr role="row" data-unread=unread>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"送信日時"</span>
                <a href=format!("/deliveries/{}", item.id)>{date_time(item.sent_at_ms)}</a></td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">{partner_heading}</span>{item.partner.label()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"利用者"</span>{item.persons_label.clone()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"種類"</span>{item.kinds_label.clone()}
                {(!item.target_months.is_empty()).then(|| format!("（{}）", item.target_months))}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"状態"</span>
                <span class="status-badge" data-status="neutral">{state}</span></td>
            {incoming.then(|| view! { <td role="cell"><span class="data-table__label" aria-hidden="true">"担当"</span>
                <crate::components::AssigneeCell brief=item.routing.clone()/></td> })}
            <td role="cell"><span class="data-table__label" aria-hidden="true">"版"</span>
                <VersionMarkCell mark=item.version.clone()/></td>
        </tr>
    }
}

/// 版 of a row: 最新 / 更新済 (with a link to the newest version) / 取消; empty without versions.
#[component]
fn VersionMarkCell(mark: VersionMark) -> impl IntoView {
    mark.state.map(|state| {
        let latest = mark
            .latest_delivery
            .filter(|_| state.is_replaced())
            .map(|d| view! { " "<a href=format!("/deliveries/{d}")>"最新版へ"</a> });
        view! { <VersionBadge state=state/>{latest} }
    })
}
