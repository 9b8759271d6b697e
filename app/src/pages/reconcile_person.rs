use crate::components::reconcile::{month_query, ReconcileStatusBadge};
use crate::components::{ErrorView, Layout};
use crate::format::{date_time, month as month_label};
use crate::ports::query_param;
use crate::serverfns::reconcile::get_reconcile_person;
use crate::types::{ReconcileDay, ReconcilePerson, ReconcilePersonPartner};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 利用者の予実（日ごと） (/reconcile/persons/{insurer}/{insured}?month=): every date with
/// its planned and delivered services, per partner, with the differences beside them.
#[component]
pub fn ReconcilePersonPage() -> impl IntoView {
    let param = |name: &str| {
        use_params_map()
            .with_untracked(|p| p.get(name))
            .unwrap_or_default()
    };
    let (insurer, insured) = (param("insurer"), param("insured"));
    let month = query_param("month").unwrap_or_default();
    let data = Resource::new(
        || (),
        move |_| get_reconcile_person(month.clone(), insurer.clone(), insured.clone()),
    );
    view! {
        <Layout title="利用者の予実" nav="/reconcile">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(p) => view! { <PersonView p=p/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn PersonView(p: ReconcilePerson) -> impl IntoView {
    let back = format!("/reconcile{}", month_query(&p.month, &[]));
    view! {
        <a class="back-link print-hide" href=back>"予実突合の一覧に戻る"</a>
        <h1>{format!("{}の予実（{}）", p.person.label(), month_label(&p.month))}</h1>
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"保険者番号"</dt><dd class="summary-list__value">{p.person.insurer.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"被保険者番号"</dt><dd class="summary-list__value">{p.person.insured.clone()}</dd></div>
        </dl>
        {p.partners.into_iter().map(|s| view! { <PartnerSection s=s/> }).collect_view()}
    }
}

#[component]
fn PartnerSection(s: ReconcilePersonPartner) -> impl IntoView {
    let heading_id = format!("partner-{}", s.partner.id);
    let (section_label, region_label) = (heading_id.clone(), heading_id.clone());
    let delivery = |d: Option<(String, i64)>, none: &'static str| match d {
        Some((id, at)) => {
            view! { <a href=format!("/deliveries/{id}")>{date_time(at)}</a> }.into_any()
        }
        None => view! { <span>{none}</span> }.into_any(),
    };
    view! {
        <section class="reconcile-partner" aria-labelledby=section_label>
            <h2 id=heading_id>{s.partner.label.clone()}" "<ReconcileStatusBadge status=s.status/></h2>
            <dl class="summary-list">
                <div class="summary-list__row"><dt class="summary-list__key">"予定（第6表）"</dt><dd class="summary-list__value">{delivery(s.plan, "ありません")}</dd></div>
                <div class="summary-list__row"><dt class="summary-list__key">"実績"</dt><dd class="summary-list__value">{delivery(s.actual, "まだ届いていません")}</dd></div>
                <div class="summary-list__row"><dt class="summary-list__key">"担当"</dt><dd class="summary-list__value">{s.in_charge.unwrap_or_else(|| "—".into())}</dd></div>
            </dl>
            {s.notes.into_iter().map(|n| view! { <p class="reconcile-table__note">{n}</p> }).collect_view()}
            {(!s.other.is_empty()).then(|| view! {
                <h3>"日付によらない差異"</h3>
                <ul class="reconcile-table__differences">{s.other.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            })}
            <div class="scroll-area" role="region" aria-labelledby=region_label tabindex="0">
                <table class="data-table reconcile-days">
                    <caption class="data-table__caption">"日ごとの予定と実績"</caption>
                    <thead><tr>
                        <th scope="col">"日付"</th>
                        <th scope="col">"予定"</th>
                        <th scope="col">"実績"</th>
                        <th scope="col">"差異"</th>
                    </tr></thead>
                    <tbody>{s.days.into_iter().map(|d| view! { <DayRow d=d/> }).collect_view()}</tbody>
                </table>
            </div>
            <table class="data-table">
                <caption class="data-table__caption">"サービスコードごとの合計（単位数 × 回数）"</caption>
                <thead><tr>
                    <th scope="col">"サービスコード"</th>
                    <th scope="col" class="data-table__number">"予定"</th>
                    <th scope="col" class="data-table__number">"実績"</th>
                    <th scope="col" class="data-table__number">"第7表"</th>
                </tr></thead>
                <tbody>
                    {s.totals.into_iter().map(|t| view! {
                        <tr>
                            <th scope="row">{t.code}</th>
                            <td class="data-table__number">{format!("{}単位（{}回）", t.planned.0, t.planned.1)}</td>
                            <td class="data-table__number">{format!("{}単位（{}回）", t.actual.0, t.actual.1)}</td>
                            <td class="data-table__number">{t.detail.map_or("—".to_string(), |d| format!("{d}単位"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

#[component]
fn DayRow(d: ReconcileDay) -> impl IntoView {
    let list = |items: Vec<String>| {
        if items.is_empty() {
            view! { <span>"—"</span> }.into_any()
        } else {
            view! { <ul class="reconcile-days__lines">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
        }
    };
    let differs = (!d.differences.is_empty()).then_some("");
    view! {
        <tr data-differs=differs>
            <th scope="row">{d.label}</th>
            <td>{list(d.planned)}</td>
            <td>{list(d.actual)}</td>
            <td>{if d.differences.is_empty() { view! { <span>"一致"</span> }.into_any() } else { list(d.differences) }}</td>
        </tr>
    }
}
