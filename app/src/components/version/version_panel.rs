use super::{by_whom, VersionBadge, VersionNotes};
use crate::types::{DeliveryVersions, VersionLine, VersionState};
use leptos::prelude::*;

/// 版の状況 of a delivery: each document it carries with its 版, state, confirmation and the
/// links to its history, its changes and (for the sender) the per-partner view.
#[component]
pub fn VersionPanel(versions: DeliveryVersions) -> impl IntoView {
    if versions.lines.is_empty() {
        return ().into_any();
    }
    let incoming = versions.incoming;
    let confirm_heading = if incoming {
        "内容確認"
    } else {
        "送信先の受領"
    };
    view! {
        <section class="version-panel" aria-labelledby="version-panel-title">
            <h2 id="version-panel-title">"版の状況"</h2>
            <table class="data-table" role="table">
                <caption class="data-table__caption">"このファイルに含まれる書類と版"</caption>
                <thead role="rowgroup"><tr role="row">
                    <th role="columnheader" scope="col">"利用者"</th>
                    <th role="columnheader" scope="col">"書類"</th>
                    <th role="columnheader" scope="col">"版"</th>
                    <th role="columnheader" scope="col">"状態"</th>
                    <th role="columnheader" scope="col">{confirm_heading}</th>
                    <th role="columnheader" scope="col">"操作"</th>
                </tr></thead>
                <tbody role="rowgroup">
                    {versions.lines.into_iter().map(|line| view! { <PanelRow line=line incoming=incoming confirm_heading=confirm_heading/> }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

#[component]
fn PanelRow(line: VersionLine, incoming: bool, confirm_heading: &'static str) -> impl IntoView {
    let v = line.version.clone();
    let document = if v.state == VersionState::Deletion {
        format!("{}の削除", v.document)
    } else {
        format!("{}（{}）", v.document, v.kinds.join("・"))
    };
    let latest_link = line
        .latest
        .as_ref()
        .filter(|_| v.state != VersionState::Latest)
        .map(|l| {
            view! { " "<a href=format!("/deliveries/{}", l.delivery_id)>"最新版へ"</a> }
        });
    let confirmation = if incoming {
        match (&v.confirmed, v.state) {
            (Some(_), _) => view! { <span>{by_whom(&v.confirmed, "")}" 確認済"</span> }.into_any(),
            (None, VersionState::Latest) => {
                let label = format!(
                    "{}の{}（{}）を内容確認済にする",
                    v.person_label(),
                    v.document,
                    v.version_label()
                );
                view! {
                    <form method="post" action=format!("/versions/{}/confirm", v.id)>
                        <button class="button" data-variant="secondary" type="submit" aria-label=label>"内容確認済にする"</button>
                    </form>
                }.into_any()
            }
            (None, _) => view! { <span>"—"</span> }.into_any(),
        }
    } else {
        view! {
            <ul class="version-panel__receipts">
                <li>"開封："{by_whom(&line.receipt.opened, "未開封")}</li>
                <li>"ダウンロード："{by_whom(&line.receipt.downloaded, "なし")}</li>
                <li>"内容確認："{by_whom(&line.receipt.confirmed, "未確認")}</li>
            </ul>
        }
        .into_any()
    };
    let diff = v.previous.map(|p| {
        view! {
            <li><a href=format!("/versions/{}/diff?from={p}", v.id)>"前の版との違い"</a></li>
        }
    });
    let partners = (!incoming && v.state != VersionState::Deletion).then(|| {
        view! {
            <li><a href=format!("/versions/{}/partners", v.id)>"送信先ごとの確認状況"</a></li>
        }
    });
    view! {
        <tr role="row" data-version-state=v.state.badge()>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"利用者"</span>{v.person_label()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"書類"</span>{document}<VersionNotes version=v.clone()/></td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"版"</span>{v.version_label()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"状態"</span><VersionBadge state=v.state/>{latest_link}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">{confirm_heading}</span>{confirmation}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"操作"</span>
                <ul class="version-panel__links">
                    <li><a href=format!("/versions/{}/timeline", v.id)>"版の履歴"</a></li>
                    {diff}
                    {partners}
                </ul>
            </td>
        </tr>
    }
}
