use crate::components::{ErrorView, Layout, NoticeBanner};
use crate::format::date_time;
use crate::ports::flash;
use crate::serverfns::exchange::list_drafts;
use leptos::prelude::*;

/// 下書き (/uploads): uploads not yet sent, shared by the office's staff.
#[component]
pub fn DraftsPage() -> impl IntoView {
    let notice = flash().notice;
    let drafts = Resource::new(|| (), |_| list_drafts());
    view! {
        <Layout title="下書き" nav="/uploads">
            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <h1>"下書き"</h1>
            <p><a class="button" data-variant="primary" href="/uploads/new">"ファイルを送る"</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match drafts.await {
                        Ok(list) if list.is_empty() => view! { <p>"下書きはありません。アップロードして送信していないファイルがここに表示されます。"</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="data-table" role="table">
                                <caption class="data-table__caption">"まだ送信していないアップロード"</caption>
                                <thead role="rowgroup"><tr role="row">
                                    <th role="columnheader" scope="col">"アップロード日時"</th>
                                    <th role="columnheader" scope="col">"送信先"</th>
                                    <th role="columnheader" scope="col">"アップロードした人"</th>
                                    <th role="columnheader" scope="col">"ファイル数"</th>
                                </tr></thead>
                                <tbody role="rowgroup">
                                    {list.into_iter().map(|d| view! {
                                        <tr role="row">
                                            <td role="cell"><span class="data-table__label" aria-hidden="true">"アップロード日時"</span>
                                                <a href=format!("/uploads/{}", d.id)>{date_time(d.created_at_ms)}</a></td>
                                            <td role="cell"><span class="data-table__label" aria-hidden="true">"送信先"</span>{d.destinations.join("、")}</td>
                                            <td role="cell"><span class="data-table__label" aria-hidden="true">"アップロードした人"</span>{d.created_by}</td>
                                            <td role="cell" class="data-table__number"><span class="data-table__label" aria-hidden="true">"ファイル数"</span>{format!("{}件", d.file_count)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}
