use crate::components::reconcile::{
    month_query, MonthFilter, ReconcileLinks, ReconcileStatusBadge,
};
use crate::components::{ErrorSummary, ErrorView, Layout};
use crate::format::{date_time, month as month_label};
use crate::ports::query_param;
use crate::serverfns::reconcile::get_reconcile_board;
use crate::types::{BoardRow, ReconcileBoard, ReconcileStatus};
use crate::AppError;
use leptos::prelude::*;

/// 月次の進み具合 (/reconcile/board?month=): per partner, 提供票（予定）送信 → 実績受信 →
/// 突合, with counts and who in our office is in charge.
#[component]
pub fn ReconcileBoardPage() -> impl IntoView {
    let month = query_param("month").unwrap_or_default();
    let data = Resource::new(|| (), {
        let month = month.clone();
        move |_| get_reconcile_board(month.clone())
    });
    view! {
        <Layout title="月次の進み具合" nav="/reconcile">
            <Suspense fallback=|| ()>
                {move || {
                    let month = month.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(b) => view! { <Board b=b/> }.into_any(),
                            Err(AppError::Invalid(errors)) => {
                                let message = errors.first().map(|e| e.message.clone());
                                view! {
                                    <ErrorSummary errors=errors/>
                                    <h1>"月次の進み具合"</h1>
                                    <MonthFilter action="/reconcile/board" month=month error=message/>
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
fn Board(b: ReconcileBoard) -> impl IntoView {
    let month = b.month.clone();
    view! {
        <h1>{format!("月次の進み具合（{}）", month_label(&b.month))}</h1>
        <p class="page__lead">"連携先の事業所ごとに、提供票（予定）の送信、実績の受信、突合の結果を示します。実績の締切（10日）までに、すべて「一致」になるよう確認してください。"</p>
        <ReconcileLinks month=b.month.clone() current="/reconcile/board"/>
        <p class="print-hide"><a href="/reconcile/settings">"実績未着のお知らせメールの設定（毎月の送信日）"</a></p>
        <MonthFilter action="/reconcile/board" month=b.month.clone()/>
        {if b.rows.is_empty() {
            view! { <p class="empty-state">"この月に送信した第6表（予定）も、受け取った実績もありません。"</p> }.into_any()
        } else {
            view! {
                <table class="data-table board-table" role="table">
                    <caption class="data-table__caption">"事業所ごとの進み具合"</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th role="columnheader" scope="col">"事業所"</th>
                        <th role="columnheader" scope="col">"1. 提供票（予定）"</th>
                        <th role="columnheader" scope="col">"2. 実績"</th>
                        <th role="columnheader" scope="col">"3. 突合"</th>
                        <th role="columnheader" scope="col">"担当"</th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {b.rows.into_iter().map(|r| view! { <Row r=r month=month.clone()/> }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

#[component]
fn Row(r: BoardRow, month: String) -> impl IntoView {
    let label = |text: &'static str| view! { <span class="data-table__label" aria-hidden="true">{text}</span> };
    let (planned, planned_at) = r.planned;
    let (received, received_at) = r.received;
    let plan_text = match planned_at {
        Some(at) => format!("送信済み：{planned}人（最新 {}）", date_time(at)),
        None => "送信していません".to_string(),
    };
    let actual_text = match received_at {
        Some(at) => format!("受信済み：{received}人（最新 {}）", date_time(at)),
        None => "未着".to_string(),
    };
    let missing = r.counts.missing;
    let list = format!(
        "/reconcile{}",
        month_query(&month, &[("partner", &r.partner.id)])
    );
    let breakdown = ReconcileStatus::ALL
        .into_iter()
        .filter(|s| r.counts.of(*s) > 0)
        .map(|s| format!("{} {}人", s.label(), r.counts.of(s)))
        .collect::<Vec<_>>()
        .join("、");
    view! {
        <tr role="row" data-status=r.status.code()>
            <td role="cell">{label("事業所")}<a href=list>{r.partner.label.clone()}</a></td>
            <td role="cell">{label("1. 提供票（予定）")}{plan_text}</td>
            <td role="cell">{label("2. 実績")}{actual_text}
                {(missing > 0 && received_at.is_some()).then(|| view! { <br/><span>{format!("未着 {missing}人")}</span> })}</td>
            <td role="cell">{label("3. 突合")}<ReconcileStatusBadge status=r.status/><br/><span>{breakdown}</span></td>
            <td role="cell">{label("担当")}{if r.in_charge.is_empty() { "—".to_string() } else { r.in_charge.join("、") }}</td>
        </tr>
    }
}
