use crate::components::{
    ErrorSummary, ErrorView, FileFindings, ItemRoutingSection, Layout, NoticeBanner, PersonsList,
    SupersededBanner, VersionPanel,
};
use crate::format::{date_time, month, size};
use crate::ports::flash;
use crate::serverfns::exchange::get_delivery;
use crate::serverfns::versions::get_delivery_versions;
use crate::types::{
    DeliveryDetail, DeliveryId, DeliveryVersions, FileId, ItemRouting, VersionState,
};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 送受信の詳細 (/deliveries/{id}): files (download any time), persons, receipts.
#[component]
pub fn DeliveryPage() -> impl IntoView {
    let flash = flash();
    let notice = flash.notice;
    let errors = flash.errors;
    let id: Option<DeliveryId> = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok());
    let detail = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_delivery(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    // Routing is the receiving office's own: for a sent item this is NotFound and not shown.
    let routing = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => crate::serverfns::routing::get_item_routing(id).await.ok(),
                None => None,
            }
        },
    );
    // 版の状況: a failure here leaves the item page as it was.
    let versions = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_delivery_versions(id).await.ok(),
                None => None,
            }
        },
    );
    // The frame waits for the item: the navigation marks 受信 or 送信済み by its direction.
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (errors, notice) = (errors.clone(), notice.clone());
                Suspend::new(async move {
                    let routing = routing.await;
                    let (detail, versions) = (detail.await, versions.await);
                    let nav = match &detail {
                        Ok(d) if !d.incoming => "/outbox",
                        _ => "/inbox",
                    };
                    let body = match detail {
                        Ok(d) => view! { <Detail d=d routing=routing versions=versions/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    };
                    view! {
                        <Layout title="送受信の詳細" nav=nav>
                            <ErrorSummary errors=errors/>
                            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
                            {body}
                        </Layout>
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Detail(
    d: DeliveryDetail,
    routing: Option<ItemRouting>,
    versions: Option<DeliveryVersions>,
) -> impl IntoView {
    let banner = versions
        .as_ref()
        .and_then(|v| v.first_replaced().or_else(|| v.first_withdrawn()).cloned())
        .map(|line| view! { <SupersededBanner line=line/> });
    // Files holding a replaced or withdrawn version go through the download page, which says so.
    let old_files: Vec<FileId> = versions
        .iter()
        .flat_map(|v| &v.lines)
        .filter(|l| {
            !matches!(
                l.version.state,
                VersionState::Latest | VersionState::Deletion
            )
        })
        .flat_map(|l| l.version.files.clone())
        .collect();
    let id = d.summary.id;
    let (back, back_label) = if d.incoming {
        ("/inbox", "受信一覧に戻る")
    } else {
        ("/outbox", "送信済み一覧に戻る")
    };
    let heading = if d.incoming {
        format!("{}から受信", d.from.label())
    } else {
        format!("{}へ送信", d.to.label())
    };
    let import_action = match (&d.imported_by, d.incoming) {
        (Some((who, at)), _) => view! { <p>{format!("{who}さんが取込済にしました（{}）。", date_time(*at))}</p> }.into_any(),
        (None, true) => view! {
            <form method="post" action=format!("/deliveries/{id}/imported")>
                <button class="button" data-variant="secondary" type="submit">"取込済にする"</button>
            </form>
            <p class="field__hint">"介護ソフトに取り込んだら押してください。送信元にも伝わります。"</p>
        }.into_any(),
        (None, false) => view! { <p>"相手の事業所はまだ取込済にしていません。"</p> }.into_any(),
    };
    view! {
        <p><a class="back-link" href=back>{back_label}</a></p>
        {banner}
        <h1>{heading}</h1>
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"送信元"</dt><dd class="summary-list__value">{d.from.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"送信先"</dt><dd class="summary-list__value">{d.to.label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"送信日時"</dt><dd class="summary-list__value">{date_time(d.summary.sent_at_ms)}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"送信した人"</dt><dd class="summary-list__value">{d.summary.sent_by.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"状態"</dt><dd class="summary-list__value">
                {if d.summary.imported { "取込済" } else if d.summary.opened { "開封済" } else { "未開封" }}</dd></div>
        </dl>
        {import_action}
        {routing.map(|r| view! { <ItemRoutingSection routing=r/> })}
        {versions.map(|v| view! { <VersionPanel versions=v/> })}
        <h2>{format!("ファイル（{}件）", d.files.len())}</h2>
        <p><a class="button" data-variant="secondary" href=format!("/deliveries/{id}/zip") download="">"すべてのファイルをまとめてダウンロードする（ZIP）"</a></p>
        <p class="field__hint">"ZIPの中のファイルは、取り込む順番（親の帳票が先）に並んでいます。"</p>
        {d.files.into_iter().map(|f| {
            let old = old_files.contains(&f.id);
            let href = if old {
                format!("/deliveries/{id}/files/{}/download", f.id)
            } else {
                format!("/deliveries/{id}/files/{}", f.id)
            };
            let label = if old {
                format!("{}（最新版ではありません）をダウンロードする", f.name)
            } else {
                format!("{}をダウンロードする", f.name)
            };
            let button = if old { "ダウンロード（最新版ではありません）" } else { "ダウンロード" };
            let form_link = crate::types::FormKind::for_file_name(&f.name).map(|_| {
                let href = format!("/deliveries/{id}/files/{}/form", f.id);
                let label = format!("{}を帳票で見る", f.name);
                view! { " " <a class="button" data-variant="secondary" href=href aria-label=label>"帳票で見る"</a> }
            });
            view! {
                <article class="draft-file">
                    <h3 class="draft-file__name">{f.name.clone()}</h3>
                    <dl class="summary-list">
                        <div class="summary-list__row"><dt class="summary-list__key">"種類"</dt><dd class="summary-list__value">{f.kind_label.clone()}</dd></div>
                        {f.target_month.clone().map(|m| view! { <div class="summary-list__row"><dt class="summary-list__key">"対象年月"</dt><dd class="summary-list__value">{month(&m)}</dd></div> })}
                        <div class="summary-list__row"><dt class="summary-list__key">"大きさ"</dt><dd class="summary-list__value">{size(f.size)}</dd></div>
                        <div class="summary-list__row"><dt class="summary-list__key">"利用者"</dt><dd class="summary-list__value"><PersonsList persons=f.persons.clone()/></dd></div>
                    </dl>
                    <FileFindings findings=f.findings.clone()/>
                    <p><a class="button" data-variant="secondary" href=href aria-label=label download=(!old).then_some("")>{button}</a>{form_link}</p>
                </article>
            }
        }).collect_view()}
        <h2>"受領の記録"</h2>
        {if d.events.is_empty() {
            view! { <p>"まだ開封されていません。"</p> }.into_any()
        } else {
            view! {
                <table class="data-table" role="table">
                    <caption class="data-table__caption">"開封・ダウンロード・取込の記録"</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th role="columnheader" scope="col">"日時"</th><th role="columnheader" scope="col">"内容"</th>
                        <th role="columnheader" scope="col">"操作した人"</th><th role="columnheader" scope="col">"ファイル"</th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {d.events.into_iter().map(|e| view! {
                            <tr role="row">
                                <td role="cell">{date_time(e.at_ms)}</td><td role="cell">{e.label}</td>
                                <td role="cell">{e.user}</td><td role="cell">{e.file_name.unwrap_or_else(|| "—".into())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}
