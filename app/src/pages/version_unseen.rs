use crate::components::{by_whom, ErrorView, Layout};
use crate::format::date_time;
use crate::ports::query_param;
use crate::serverfns::versions::unseen_versions;
use crate::types::{UnseenFilter, UnseenPage};
use leptos::prelude::*;

/// 最新版の確認状況 (/versions/unseen): the newest versions this office sent that the partner
/// has not opened yet (or opened without 内容確認済), to chase.
#[component]
pub fn VersionUnseenPage() -> impl IntoView {
    let filter = UnseenFilter {
        status: query_param("status").unwrap_or_default(),
        after: query_param("after").unwrap_or_default(),
    };
    let page = Resource::new(move || (), {
        let filter = filter.clone();
        move |_| unseen_versions(filter.clone())
    });
    let unconfirmed = filter.status == "unconfirmed";
    view! {
        <Layout title="最新版の確認状況" nav="/versions/unseen">
            <h1>"最新版の確認状況"</h1>
            <p class="page__lead">"送った書類の最新版のうち、送信先がまだ開いていないもの（または内容確認済にしていないもの）です。"</p>
            <form class="filter" method="get" action="/versions/unseen">
                <div class="filter__field">
                    <label class="field__label" for="status">"状態"</label>
                    <select class="field__select" id="status" name="status">
                        <option value="" selected=!unconfirmed>"未開封"</option>
                        <option value="unconfirmed" selected=unconfirmed>"開封済・内容未確認"</option>
                    </select>
                </div>
                <button class="button" data-variant="secondary" type="submit">"絞り込む"</button>
            </form>
            <Suspense fallback=|| ()>
                {move || {
                    let filter = filter.clone();
                    Suspend::new(async move {
                        match page.await {
                            Ok(p) => view! { <UnseenTable page=p filter=filter/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn UnseenTable(page: UnseenPage, filter: UnseenFilter) -> impl IntoView {
    if page.items.is_empty() {
        let empty = if filter.status == "unconfirmed" {
            "開封済で内容確認済になっていない最新版はありません。"
        } else {
            "未開封の最新版はありません。送った最新版は、すべて送信先が開いています。"
        };
        return view! { <p class="empty-state">{empty}</p> }.into_any();
    }
    let next = page
        .next
        .map(|after| format!("/versions/unseen?status={}&after={after}", filter.status));
    view! {
        <p class="result-count">{format!("{}件を表示（新しい順）", page.items.len())}</p>
        <table class="data-table" role="table">
            <caption class="data-table__caption">"送信先が未確認の最新版"</caption>
            <thead role="rowgroup"><tr role="row">
                <th role="columnheader" scope="col">"送信日時"</th>
                <th role="columnheader" scope="col">"送信先"</th>
                <th role="columnheader" scope="col">"利用者"</th>
                <th role="columnheader" scope="col">"書類"</th>
                <th role="columnheader" scope="col">"状態"</th>
            </tr></thead>
            <tbody role="rowgroup">
                {page.items.into_iter().map(|line| {
                    let v = line.version;
                    let state = match &line.receipt.opened {
                        Some(_) => format!("開封済：{}・内容未確認", by_whom(&line.receipt.opened, "")),
                        None => "未開封".to_string(),
                    };
                    view! {
                        <tr role="row">
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"送信日時"</span>{date_time(v.sent_at_ms)}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"送信先"</span>{v.to.label()}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"利用者"</span>{v.person_label()}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"書類"</span>
                                <a href=format!("/versions/{}/partners", v.id)>{format!("{} {}", v.document, v.version_label())}</a></td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"状態"</span>{state}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {next.map(|href| view! { <nav class="pagination" aria-label="ページ送り"><a href=href rel="next">"次の50件"</a></nav> })}
    }
    .into_any()
}
