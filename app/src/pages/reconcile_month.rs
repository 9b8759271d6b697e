use crate::components::reconcile::{
    month_query, MonthFilter, ReconcileLinks, ReconcileStatusBadge,
};
use crate::components::{ErrorSummary, ErrorView, Layout};
use crate::format::month as month_label;
use crate::ports::query_param;
use crate::serverfns::reconcile::get_reconcile_month;
use crate::types::{ReconcileMonth, ReconcileQuery, ReconcileRow, ReconcileStatus};
use crate::AppError;
use leptos::prelude::*;

/// 予実突合 (/reconcile): per person and partner, whether the 実績 match the 予定 of a month.
#[component]
pub fn ReconcileMonthPage() -> impl IntoView {
    let q = |name: &str| query_param(name).unwrap_or_default();
    let query = ReconcileQuery {
        month: q("month"),
        partner: q("partner"),
        status: q("status"),
        page: q("page").parse().unwrap_or(1),
    };
    let data = Resource::new(|| (), {
        let query = query.clone();
        move |_| get_reconcile_month(query.clone())
    });
    view! {
        <Layout title="予実突合" nav="/reconcile">
            <Suspense fallback=|| ()>
                {move || {
                    let query = query.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(m) => view! { <MonthView m=m query=query/> }.into_any(),
                            Err(AppError::Invalid(errors)) => {
                                let message = errors.first().map(|e| e.message.clone());
                                view! {
                                    <ErrorSummary errors=errors/>
                                    <h1>"予実突合"</h1>
                                    <MonthFilter action="/reconcile" month=query.month error=message/>
                                }.into_any()
                            }
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn MonthView(m: ReconcileMonth, query: ReconcileQuery) -> impl IntoView {
    let month = m.month.clone();
    let counts = m.counts;
    let summary = ReconcileStatus::ALL
        .into_iter()
        .map(|s| {
            let href = format!("/reconcile{}", month_query(&month, &[("partner", &query.partner), ("status", s.code())]));
            view! { <li><a href=href><ReconcileStatusBadge status=s/>" "{format!("{}件", counts.of(s))}</a></li> }
        })
        .collect_view();
    let page_link = |page: usize| {
        format!(
            "/reconcile{}",
            month_query(
                &month,
                &[
                    ("partner", &query.partner),
                    ("status", &query.status),
                    ("page", &page.to_string())
                ]
            )
        )
    };
    let prev = (m.page > 1).then(|| page_link(m.page - 1));
    let next = (m.page < m.pages).then(|| page_link(m.page + 1));
    let filtered = !query.partner.is_empty() || !query.status.is_empty();
    let empty = if counts.total() == 0 {
        "この月に送信した第6表（予定）も、受け取った実績もありません。予定を送信し、連携先から実績が届くと、ここで突き合わせます。"
    } else {
        "条件に合う利用者はいません。"
    };
    view! {
        <h1>{format!("予実突合（{}）", month_label(&m.month))}</h1>
        <p class="page__lead">"送信した第6表（予定）と、連携先から届いた実績（どちらも最新の版）を、利用者と事業所ごとに突き合わせた結果です。新しい版が届くと、表示のたびに計算し直します。"</p>
        <ReconcileLinks month=m.month.clone() current="/reconcile" partner=query.partner.clone()/>
        <MonthFilter action="/reconcile" month=m.month.clone() partners=m.partners.clone() partner=query.partner.clone() status=query.status.clone()/>
        <ul class="status-counts" aria-label="状態ごとの件数">{summary}</ul>
        {if m.rows.is_empty() {
            view! {
                <p class="empty-state">{empty}</p>
                {filtered.then(|| view! { <p><a href=format!("/reconcile{}", month_query(&m.month, &[]))>"条件をクリア"</a></p> })}
            }.into_any()
        } else {
            view! {
                <p class="result-count">{format!("{}件中 {}〜{}件を表示", m.matching, (m.page - 1) * 50 + 1, ((m.page - 1) * 50 + m.rows.len()))}</p>
                <table class="data-table reconcile-table" role="table">
                    <caption class="data-table__caption">"利用者・事業所ごとの突合結果"</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th role="columnheader" scope="col">"事業所"</th>
                        <th role="columnheader" scope="col">"利用者"</th>
                        <th role="columnheader" scope="col">"状態"</th>
                        <th role="columnheader" scope="col">"差異"</th>
                        <th role="columnheader" scope="col">"単位数（予定／実績）"</th>
                        <th role="columnheader" scope="col">"担当"</th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {m.rows.into_iter().map(|r| view! { <Row r=r month=month.clone()/> }).collect_view()}
                    </tbody>
                </table>
                <nav class="pagination" aria-label="ページ送り">
                    {prev.map(|h| view! { <a href=h rel="prev">"前のページ"</a> })}
                    " " {format!("{}／{}ページ", m.page, m.pages)} " "
                    {next.map(|h| view! { <a href=h rel="next">"次のページ"</a> })}
                </nav>
            }.into_any()
        }}
    }
}

#[component]
fn Row(r: ReconcileRow, month: String) -> impl IntoView {
    let label = |text: &'static str| view! { <span class="data-table__label" aria-hidden="true">{text}</span> };
    let differences = if r.differences.is_empty() {
        let text = match r.status {
            ReconcileStatus::ActualsMissing => "実績がまだ届いていません。",
            _ => "なし",
        };
        view! { <p class="reconcile-table__none">{text}</p> }.into_any()
    } else {
        view! {
            <ul class="reconcile-table__differences">
                {r.differences.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let (planned, actual, _) = r.units;
    view! {
        <tr role="row" data-status=r.status.code()>
            <td role="cell">{label("事業所")}{r.partner.label.clone()}</td>
            <td role="cell">{label("利用者")}<a href=r.person.href(&month)>{r.person.label()}</a>
                <br/><span class="reconcile-table__number">{format!("被保険者番号 {}", r.person.insured)}</span></td>
            <td role="cell">{label("状態")}<ReconcileStatusBadge status=r.status/></td>
            <td role="cell">{label("差異")}{differences}
                {r.notes.into_iter().map(|n| view! { <p class="reconcile-table__note">{n}</p> }).collect_view()}</td>
            <td role="cell" class="data-table__number">{label("単位数（予定／実績）")}{format!("{planned}／{actual}")}</td>
            <td role="cell">{label("担当")}{r.in_charge.unwrap_or_else(|| "—".into())}</td>
        </tr>
    }
}
