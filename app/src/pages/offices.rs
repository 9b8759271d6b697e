use crate::components::{ErrorView, Layout};
use crate::serverfns::offices::list_my_offices;
use crate::types::MyOffice;
use leptos::prelude::*;

/// 事業所の切り替え (/offices): every office the person belongs to, with a button for each.
#[component]
pub fn OfficesPage() -> impl IntoView {
    let offices = Resource::new(|| (), |_| list_my_offices());
    view! {
        <Layout title="事業所の切り替え" nav="/offices">
            <h1>"事業所の切り替え"</h1>
            <p class="page__lead">"作業する事業所を選んでください。送受信や職員の管理は、選んだ事業所について行います。"</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match offices.await {
                        Ok(list) => view! { <OfficeTable offices=list/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn OfficeTable(offices: Vec<MyOffice>) -> impl IntoView {
    view! {
        <table class="data-table" role="table">
            <caption class="data-table__caption">"所属している事業所"</caption>
            <thead role="rowgroup">
                <tr role="row">
                    <th role="columnheader" scope="col">"事業所"</th>
                    <th role="columnheader" scope="col">"法人"</th>
                    <th role="columnheader" scope="col">"権限"</th>
                    <th role="columnheader" scope="col">"操作"</th>
                </tr>
            </thead>
            <tbody role="rowgroup">
                {offices.into_iter().map(|o| view! { <OfficeRow office=o/> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn OfficeRow(office: MyOffice) -> impl IntoView {
    let action = if office.current {
        view! { <span class="status-badge" data-status="neutral">"選択中"</span> }.into_any()
    } else {
        let label = format!("{}に切り替える", office.name);
        view! {
            <form method="post" action="/offices/switch">
                <input type="hidden" name="office_id" value=office.id.to_string()/>
                <button class="button" data-variant="secondary" type="submit" aria-label=label>"切り替える"</button>
            </form>
        }
        .into_any()
    };
    view! {
        <tr role="row">
            <td role="cell"><span class="data-table__label" aria-hidden="true">"事業所"</span>
                {office.name.clone()} "（事業所番号 " {office.number.to_string()} "・" {office.service_type.label()} "）"</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"法人"</span>{office.organisation_name.clone()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"権限"</span>{office.role.label()}</td>
            <td role="cell">{action}</td>
        </tr>
    }
}
