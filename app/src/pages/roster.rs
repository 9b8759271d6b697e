use crate::components::{ErrorView, Layout, NoticeBanner};
use crate::ports::{flash, query_param};
use crate::serverfns::routing::list_roster;
use crate::types::{RosterFilter, RosterPage};
use leptos::prelude::*;

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// 利用者台帳 (/roster): insured persons and who is in charge; managers edit, import, export.
#[component]
pub fn RosterListPage() -> impl IntoView {
    let notice = flash().notice;
    let filter = RosterFilter {
        q: query_param("q").unwrap_or_default(),
        assignee: query_param("assignee").unwrap_or_default(),
        page: query_param("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1),
    };
    let data = Resource::new(move || (), {
        let filter = filter.clone();
        move |_| list_roster(filter.clone())
    });
    let title = if filter.page > 1 {
        format!("利用者台帳（{}ページ）", filter.page)
    } else {
        "利用者台帳".to_string()
    };
    view! {
        <Layout title=title nav="/roster">
            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <h1>"利用者台帳"</h1>
            <p class="page__lead">"受け取ったファイルは、この台帳の担当者に届きます。ファイルを送ると、担当のいない利用者は送った人の担当になります。"</p>
            <Suspense fallback=|| ()>
                {move || {
                    let filter = filter.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(p) => view! { <Roster page=p filter=filter/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn Roster(page: RosterPage, filter: RosterFilter) -> impl IntoView {
    let pages = (page.total + page.per_page - 1) / page.per_page;
    let link = |n: i64| {
        format!(
            "/roster?q={}&assignee={}&page={n}",
            enc(&filter.q),
            enc(&filter.assignee)
        )
    };
    let filtered = !filter.q.is_empty() || !filter.assignee.is_empty();
    let from = (filter.page.max(1) - 1) * page.per_page + 1;
    let to = (from + i64::try_from(page.rows.len()).unwrap_or(0) - 1).max(0);
    view! {
        {page.can_edit.then(|| view! {
            <p><a href="/roster/export.csv" download="">"台帳をCSVで書き出す"</a>" ／ "<a href="/roster/import">"CSVから取り込む"</a>
               " ／ "<a href="/routing/rules">"送信元ルール"</a>" ／ "<a href="/routing/absences">"不在と代理"</a></p>
        })}
        <form class="filter" method="get" action="/roster">
            <div class="filter__field">
                <label class="field__label" for="q">"利用者（氏名・フリガナ・被保険者番号）"</label>
                <input class="field__input" id="q" name="q" value=filter.q.clone()/>
            </div>
            <div class="filter__field">
                <label class="field__label" for="assignee">"担当"</label>
                <select class="field__select" id="assignee" name="assignee">
                    <option value="" selected=filter.assignee.is_empty()>"すべて"</option>
                    <option value="none" selected=filter.assignee == "none">"未割当"</option>
                    {page.staff.iter().map(|s| {
                        let id = s.id.to_string();
                        let selected = id == filter.assignee;
                        view! { <option value=id selected=selected>{s.name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button class="button" data-variant="secondary" type="submit">"絞り込む"</button>
            " "<a href="/roster">"条件をクリア"</a>
        </form>
        {if page.rows.is_empty() {
            let empty = if filtered { "条件に合う利用者はいません。" } else { "台帳はまだ空です。ファイルを送受信すると利用者が追加されます。CSVから取り込むこともできます。" };
            view! { <p class="empty-state">{empty}</p> }.into_any()
        } else {
            view! {
                <p class="result-count">{format!("{}人中 {from}〜{to}人を表示", page.total)}</p>
                <table class="data-table" role="table">
                    <caption class="data-table__caption">"利用者と担当"</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th role="columnheader" scope="col" aria-sort="ascending">"利用者"</th>
                        <th role="columnheader" scope="col">"被保険者番号"</th>
                        <th role="columnheader" scope="col">"保険者番号"</th>
                        <th role="columnheader" scope="col">"担当"</th>
                        {page.can_edit.then(|| view! { <th role="columnheader" scope="col">"操作"</th> })}
                    </tr></thead>
                    <tbody role="rowgroup">
                        {page.rows.into_iter().map(|r| {
                            let name = match (r.name.is_empty(), r.kana.is_empty()) {
                                (true, _) => "（氏名未登録）".to_string(),
                                (false, true) => r.name.clone(),
                                (false, false) => format!("{}（{}）", r.name, r.kana),
                            };
                            let edit = format!("/roster/edit?insurer={}&insured={}", enc(&r.insurer), enc(&r.insured));
                            let label = format!("{}を編集する", name);
                            view! {
                                <tr role="row">
                                    <td role="cell"><span class="data-table__label" aria-hidden="true">"利用者"</span>{name}</td>
                                    <td role="cell"><span class="data-table__label" aria-hidden="true">"被保険者番号"</span>{r.insured.clone()}</td>
                                    <td role="cell"><span class="data-table__label" aria-hidden="true">"保険者番号"</span>{r.insurer.clone()}</td>
                                    <td role="cell"><span class="data-table__label" aria-hidden="true">"担当"</span>
                                        {r.assignee.map(|a| a.name).unwrap_or_else(|| "未割当".into())}</td>
                                    {page.can_edit.then(|| view! { <td role="cell"><a href=edit aria-label=label>"編集"</a></td> })}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <nav class="pagination" aria-label="ページ送り">
                    {(filter.page > 1).then(|| view! { <a href=link(filter.page - 1) rel="prev">"前のページ"</a> })}
                    " "{format!("{}/{}ページ", filter.page.max(1), pages.max(1))}" "
                    {(filter.page < pages).then(|| view! { <a href=link(filter.page + 1) rel="next">"次のページ"</a> })}
                </nav>
            }.into_any()
        }}
    }
}
