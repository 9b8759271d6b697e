use crate::components::{ErrorView, Layout, SupersededBanner, VersionBadge};
use crate::serverfns::versions::file_versions;
use crate::types::{DeliveryId, DeliveryVersions, FileId, VersionState};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// ファイルのダウンロード (/deliveries/{id}/files/{file_id}/download): says whether the file's
/// documents are the newest versions before the download; old versions stay downloadable.
#[component]
pub fn FileDownloadPage() -> impl IntoView {
    let params = use_params_map();
    let ids: Option<(DeliveryId, FileId)> = params
        .with_untracked(|p| Some((p.get("id")?.parse().ok()?, p.get("file_id")?.parse().ok()?)));
    let versions = Resource::new(
        move || ids,
        |ids| async move {
            match ids {
                Some((d, f)) => file_versions(d, f).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Layout title="ファイルのダウンロード" nav="/inbox">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match (versions.await, ids) {
                        (Ok(v), Some((d, f))) => view! { <DownloadView v=v delivery=d file=f/> }.into_any(),
                        (Err(error), _) => view! { <ErrorView error=error/> }.into_any(),
                        (_, None) => view! { <ErrorView error=AppError::NotFound/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn DownloadView(v: DeliveryVersions, delivery: DeliveryId, file: FileId) -> impl IntoView {
    let name = v.file_name.clone().unwrap_or_default();
    let banner = v
        .first_replaced()
        .or_else(|| v.first_withdrawn())
        .cloned()
        .map(|line| view! { <SupersededBanner line=line/> });
    let old = v
        .lines
        .iter()
        .any(|l| l.version.state != VersionState::Latest);
    let (lead, label) = if old {
        (
            "このファイルには、最新版ではない書類が含まれています。記録の確認などで古い版が必要な場合は、このままダウンロードできます。",
            "最新版ではないことを確認してダウンロードする",
        )
    } else {
        ("このファイルの書類は最新版です。", "ダウンロードする")
    };
    view! {
        <p><a class="back-link" href=format!("/deliveries/{delivery}")>"ファイルの詳細に戻る"</a></p>
        {banner}
        <h1>{format!("{name}のダウンロード")}</h1>
        <p class="page__lead">{lead}</p>
        {(!v.lines.is_empty()).then(|| view! {
            <ul class="version-list">
                {v.lines.into_iter().map(|l| {
                    let latest = l.latest.filter(|_| l.version.state != VersionState::Latest).map(|x| view! {
                        " "<a href=format!("/deliveries/{}", x.delivery_id)>"最新版へ"</a>
                    });
                    view! {
                        <li>{format!("{}：{}（{}）", l.version.person_label(), l.version.document, l.version.version_label())}" "
                            <VersionBadge state=l.version.state/>{latest}</li>
                    }
                }).collect_view()}
            </ul>
        })}
        <p><a class="button" data-variant="primary" href=format!("/deliveries/{delivery}/files/{file}") download="">{label}</a></p>
    }
}
