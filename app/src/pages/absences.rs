use crate::components::{ErrorSummary, ErrorView, Layout, NoticeBanner, StaffSelect, TextField};
use crate::ports::flash;
use crate::serverfns::routing::list_absences;
use crate::types::{AbsencesView, Flash};
use leptos::prelude::*;

/// 不在と代理 (/routing/absences): while a staff member is away, new items for them go to a
/// cover; their open items can be moved at once.
#[component]
pub fn AbsencesPage() -> impl IntoView {
    let flash = flash();
    let data = Resource::new(|| (), |_| list_absences());
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="不在と代理" has_errors=has_errors nav="/roster">
            <ErrorSummary errors=flash.errors.clone()/>
            {flash.notice.clone().map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <p><a class="back-link" href="/roster">"利用者台帳に戻る"</a></p>
            <h1>"不在と代理"</h1>
            <p class="page__lead">"職員が休みの間、その職員に届くはずのファイルを代理の職員に届けます。期間が終わると元に戻ります。"</p>
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(v) => view! { <Absences v=v flash=flash/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn Absences(v: AbsencesView, flash: Flash) -> impl IntoView {
    let err = |f: &str| flash.error_for(f).map(str::to_string);
    view! {
        {if v.absences.is_empty() {
            view! { <p class="empty-state">"登録された不在はありません。"</p> }.into_any()
        } else {
            view! {
                <table class="data-table" role="table">
                    <caption class="data-table__caption">"現在と今後の不在"</caption>
                    <thead role="rowgroup"><tr role="row">
                        <th role="columnheader" scope="col">"不在の職員"</th><th role="columnheader" scope="col">"代理"</th>
                        <th role="columnheader" scope="col">"期間"</th><th role="columnheader" scope="col">"操作"</th>
                    </tr></thead>
                    <tbody role="rowgroup">
                        {v.absences.into_iter().map(|a| view! {
                            <tr role="row">
                                <td role="cell">{a.absent.name.clone()}{a.current.then_some("（不在中）")}</td>
                                <td role="cell">{a.cover.name.clone()}</td>
                                <td role="cell">{format!("{}〜{}", a.from, a.to)}</td>
                                <td role="cell"><form method="post" action="/routing/absences/cancel">
                                    <input type="hidden" name="id" value=a.id.clone()/>
                                    <button class="button" data-variant="link" type="submit">"取り消す"</button>
                                </form></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        <h2>"不在を登録する"</h2>
        <form class="form" method="post" action="/routing/absences" novalidate>
            <StaffSelect name="absent" label="不在の職員" staff=v.staff.clone() selected=flash.value("absent") error=err("absent")/>
            <StaffSelect name="cover" label="代理の職員" staff=v.staff selected=flash.value("cover") error=err("cover")/>
            <TextField name="from" label="開始日" hint="例：2026-04-01" value=flash.value("from") error=err("from")/>
            <TextField name="to" label="終了日（この日まで）" hint="例：2026-04-03" value=flash.value("to") error=err("to")/>
            <div class="checkbox">
                <input class="checkbox__input" type="checkbox" name="move_open" id="move_open" value="1"/>
                <label class="checkbox__label" for="move_open">"不在の職員の対応中のファイル（完了以外）を、いま代理の職員に移す"</label>
            </div>
            <button class="button" data-variant="primary" type="submit">"登録する"</button>
        </form>
    }
}
