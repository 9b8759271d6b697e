use crate::components::reconcile::ReconcileLinks;
use crate::components::{ErrorView, Layout};
use crate::format::{date_time, month as month_label};
use crate::ports::{caller, query_param};
use crate::serverfns::reconcile::get_discrepancies;
use crate::types::{DiscrepancyList, ReconcileStatus};
use leptos::prelude::*;

/// 差異一覧（印刷用） (/reconcile/print?month=&partner=): every difference of the month on A4
/// landscape, the stamp repeated on every printed page (UI.md §15).
#[component]
pub fn ReconcilePrintPage() -> impl IntoView {
    let month = query_param("month").unwrap_or_default();
    let partner = query_param("partner").unwrap_or_default();
    let data = Resource::new(|| (), {
        let partner = partner.clone();
        move |_| get_discrepancies(month.clone(), partner.clone())
    });
    view! {
        <Layout title="差異一覧（印刷用）" nav="/reconcile">
            <Suspense fallback=|| ()>
                {move || {
                    let partner = partner.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(list) => view! { <Sheet list=list partner=partner/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn Sheet(list: DiscrepancyList, partner: String) -> impl IntoView {
    let office = caller()
        .map(|c| format!("{}（事業所番号 {}）", c.office.name, c.office.number))
        .unwrap_or_default();
    let scope = list
        .partner
        .clone()
        .unwrap_or_else(|| "すべての事業所".into());
    let stamp = format!(
        "予実突合 差異一覧｜{}｜{scope}｜作成 {}｜{office}",
        month_label(&list.month),
        date_time(list.made_at)
    );
    let counts = ReconcileStatus::ALL
        .into_iter()
        .map(|s| format!("{} {}件", s.label(), list.counts.of(s)))
        .collect::<Vec<_>>()
        .join("、");
    view! {
        <h1>{format!("差異一覧（{}）", month_label(&list.month))}</h1>
        <ReconcileLinks month=list.month.clone() current="/reconcile/print" partner=partner/>
        <p class="print-hide">"ブラウザの印刷（Ctrl＋P）で印刷してください。横向きで印刷すると読みやすくなります。"</p>
        <p>{format!("{scope}：{counts}")}</p>
        {if list.rows.is_empty() {
            view! { <p class="empty-state">"この月に差異はありません。"</p> }.into_any()
        } else {
            view! {
                <table class="print-sheet data-table" data-orientation="landscape">
                    <thead>
                        <tr><th colspan="8" class="print-sheet__stamp">{stamp}</th></tr>
                        <tr>
                            <th scope="col">"事業所"</th>
                            <th scope="col">"利用者"</th>
                            <th scope="col">"被保険者番号"</th>
                            <th scope="col">"状態"</th>
                            <th scope="col">"種類"</th>
                            <th scope="col">"日付"</th>
                            <th scope="col">"内容"</th>
                            <th scope="col">"担当"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {list.rows.into_iter().map(|r| view! {
                            <tr>
                                <td>{r.partner.label}</td>
                                <td>{r.person.label()}</td>
                                <td>{r.person.insured}</td>
                                <td>{r.status.label()}</td>
                                <td>{r.kind}</td>
                                <td>{r.date}</td>
                                <td>{r.message}</td>
                                <td>{r.in_charge}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
