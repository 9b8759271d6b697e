use crate::components::{by_whom, ErrorView, Layout, VersionBadge, VersionNotes};
use crate::format::date_time;
use crate::serverfns::versions::version_timeline;
use crate::types::{Timeline, VersionId, VersionLine};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 版の履歴 (/versions/{id}/timeline): every version of every document of one person with
/// one partner, who sent it when, and its state.
#[component]
pub fn VersionTimelinePage() -> impl IntoView {
    let id: Option<VersionId> = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok());
    let timeline = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => version_timeline(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Layout title="版の履歴" nav="/inbox">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match (timeline.await, id) {
                        (Ok(t), Some(id)) => view! { <TimelineView t=t current=id/> }.into_any(),
                        (Err(error), _) => view! { <ErrorView error=error/> }.into_any(),
                        (_, None) => view! { <ErrorView error=AppError::NotFound/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

/// The timeline's content for one person and partner (rendered on its own by the versions
/// benchmark).
#[component]
pub fn TimelineView(t: Timeline, current: VersionId) -> impl IntoView {
    let back = t
        .lines
        .iter()
        .find(|l| l.version.id == current)
        .map(|l| format!("/deliveries/{}", l.version.delivery_id))
        .unwrap_or_else(|| "/inbox".into());
    let name = t
        .person
        .name
        .clone()
        .unwrap_or_else(|| "（氏名なし）".into());
    let kana = t
        .person
        .kana
        .clone()
        .map(|k| format!("（{k}）"))
        .unwrap_or_default();
    let others = (!t.other_names.is_empty()).then(|| {
        view! {
            <div class="summary-list__row"><dt class="summary-list__key">"ほかの氏名"</dt>
                <dd class="summary-list__value">{t.other_names.join("、")}
                    <p class="field__hint">"同じ被保険者番号で別の氏名の書類があります。被保険者番号に誤りがないか確認してください。"</p>
                </dd></div>
        }
    });
    let mut groups: Vec<(String, Vec<VersionLine>)> = Vec::new();
    for line in t.lines {
        match groups.last_mut() {
            Some((family, lines)) if *family == line.version.family => lines.push(line),
            _ => groups.push((line.version.family.clone(), vec![line])),
        }
    }
    let count: usize = groups.iter().map(|(_, l)| l.len()).sum();
    view! {
        <p><a class="back-link" href=back>"ファイルの詳細に戻る"</a></p>
        <h1>{format!("{name}さんの版の履歴")}</h1>
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"利用者"</dt><dd class="summary-list__value">{name.clone()}{kana}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"被保険者番号"</dt><dd class="summary-list__value">{t.person.insured.clone()}"（保険者番号 "{t.person.insurer.clone()}"）"</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"連携先"</dt><dd class="summary-list__value">{t.partner.label()}</dd></div>
            {others}
        </dl>
        <p class="result-count">{format!("{count}件の版と削除の連絡（新しい順）")}</p>
        {groups.into_iter().enumerate().map(|(i, (family, lines))| view! {
            <FamilyTable family=family lines=lines current=current index=i/>
        }).collect_view()}
    }
}

#[component]
fn FamilyTable(
    family: String,
    lines: Vec<VersionLine>,
    current: VersionId,
    index: usize,
) -> impl IntoView {
    let caption = format!("timeline-{index}");
    view! {
        <h2 id=caption.clone()>{family}</h2>
        <table class="data-table" role="table" aria-labelledby=caption>
            <thead role="rowgroup"><tr role="row">
                <th role="columnheader" scope="col">"書類"</th>
                <th role="columnheader" scope="col">"版"</th>
                <th role="columnheader" scope="col">"状態"</th>
                <th role="columnheader" scope="col">"送信"</th>
                <th role="columnheader" scope="col">"受領・内容確認"</th>
                <th role="columnheader" scope="col">"操作"</th>
            </tr></thead>
            <tbody role="rowgroup">
                {lines.into_iter().map(|line| {
                    let v = line.version;
                    let here = (v.id == current).then_some("true");
                    let document = if v.kinds.is_empty() { v.document.clone() } else { format!("{}（{}）", v.document, v.kinds.join("・")) };
                    let diff = v.previous.map(|p| view! { <li><a href=format!("/versions/{}/diff?from={p}", v.id)>"前の版との違い"</a></li> });
                    view! {
                        <tr role="row" aria-current=here data-version-state=v.state.badge()>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"書類"</span>{document}
                                {here.map(|_| view! { <strong>"（表示中の版）"</strong> })}
                                <VersionNotes version=v.clone()/></td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"版"</span>{v.version_label()}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"状態"</span>
                                // The longer wording only where it says more than the badge.
                                <VersionBadge state=v.state/>{(v.state.label() != v.state.short()).then(|| format!(" {}", v.state.label()))}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"送信"</span>
                                {format!("{}から {}（{}）", v.from.name.clone().unwrap_or_default(), date_time(v.sent_at_ms), v.sent_by)}
                                <br/><span class="field__hint">{format!("ファイル連番 {}", v.send_stamp)}</span></td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"受領・内容確認"</span>
                                <ul class="version-panel__receipts">
                                    <li>"開封："{by_whom(&line.receipt.opened, "未開封")}</li>
                                    <li>"内容確認："{by_whom(&line.receipt.confirmed, "未確認")}</li>
                                </ul></td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"操作"</span>
                                <ul class="version-panel__links">
                                    <li><a href=format!("/deliveries/{}", v.delivery_id)>"ファイルの詳細"</a></li>
                                    {diff}
                                </ul></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
