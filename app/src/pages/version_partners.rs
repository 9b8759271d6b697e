use crate::components::{by_whom, ErrorView, Layout, VersionBadge};
use crate::serverfns::versions::get_partner_status;
use crate::types::{PartnerStatus, VersionId};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 送信先ごとの確認状況 (/versions/{id}/partners): for the sender, per partner the newest
/// version of this document it was sent, who opened, downloaded and confirmed it, and the
/// partners still to chase.
#[component]
pub fn VersionPartnersPage() -> impl IntoView {
    let id: Option<VersionId> = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok());
    let status = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_partner_status(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Layout title="送信先ごとの確認状況" nav="/versions/unseen">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(s) => view! { <PartnersView s=s/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn PartnersView(s: PartnerStatus) -> impl IntoView {
    let v = s.version.clone();
    let chase: Vec<(String, String)> = s
        .not_seen()
        .into_iter()
        .map(|p| {
            let why = if !p.has_newest {
                format!(
                    "最新版を送っていません（送った版：{}）",
                    p.version.version_label()
                )
            } else {
                "最新版をまだ開いていません".to_string()
            };
            (p.partner.label(), why)
        })
        .collect();
    view! {
        <p><a class="back-link" href=format!("/deliveries/{}", v.delivery_id)>"ファイルの詳細に戻る"</a></p>
        <h1>"送信先ごとの確認状況"</h1>
        <p class="page__lead">{format!("{}：{}", v.person_label(), v.document)}</p>
        <h2>"最新版をまだ見ていない送信先"</h2>
        {if chase.is_empty() {
            view! { <p>"すべての送信先が最新版を開いています。"</p> }.into_any()
        } else {
            view! {
                <ul class="link-list" data-chase-list="">
                    {chase.into_iter().map(|(who, why)| view! { <li><strong>{who}</strong>"：" {why}</li> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <table class="data-table" role="table">
            <caption class="data-table__caption">"送信先ごとの版と受領"</caption>
            <thead role="rowgroup"><tr role="row">
                <th role="columnheader" scope="col">"送信先"</th>
                <th role="columnheader" scope="col">"送った版"</th>
                <th role="columnheader" scope="col">"開封"</th>
                <th role="columnheader" scope="col">"ダウンロード"</th>
                <th role="columnheader" scope="col">"内容確認済"</th>
            </tr></thead>
            <tbody role="rowgroup">
                {s.partners.into_iter().map(|p| view! {
                    <tr role="row">
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"送信先"</span>{p.partner.label()}</td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"送った版"</span>
                            <a href=format!("/deliveries/{}", p.version.delivery_id)>{format!("{} {}", p.version.document, p.version.version_label())}</a>" "
                            {if p.has_newest { view! { <VersionBadge state=p.version.state/> }.into_any() } else { view! { <span class="status-badge" data-status="updated">"古い版"</span> }.into_any() }}</td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"開封"</span>{by_whom(&p.receipt.opened, "未開封")}</td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"ダウンロード"</span>{by_whom(&p.receipt.downloaded, "なし")}</td>
                        <td role="cell"><span class="data-table__label" aria-hidden="true">"内容確認済"</span>{by_whom(&p.receipt.confirmed, "未確認")}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
