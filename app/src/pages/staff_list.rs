use crate::components::{ErrorView, Layout, NoticeBanner};
use crate::ports::flash;
use crate::serverfns::staff::list_staff;
use crate::types::StaffMember;
use leptos::prelude::*;

/// 職員の管理 (/admin/staff): everyone in the current office, with their 権限 and 状態.
#[component]
pub fn StaffListPage() -> impl IntoView {
    let notice = flash().notice;
    let staff = Resource::new(|| (), |_| list_staff());
    view! {
        <Layout title="職員の管理" nav="/admin/staff">
            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match staff.await {
                        Ok(list) => view! { <StaffTable staff=list/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn StaffTable(staff: Vec<StaffMember>) -> impl IntoView {
    let count = staff.len();
    view! {
        <h1>"職員の管理"</h1>
        <p><a class="button" data-variant="primary" href="/admin/staff/new">"職員を追加する"</a></p>
        <p class="result-count">{format!("{count}人が登録されています")}</p>
        <table class="data-table" role="table">
            <caption class="data-table__caption">"この事業所の職員"</caption>
            <thead role="rowgroup">
                <tr role="row">
                    <th role="columnheader" scope="col">"氏名"</th>
                    <th role="columnheader" scope="col">"ログインID"</th>
                    <th role="columnheader" scope="col">"メールアドレス"</th>
                    <th role="columnheader" scope="col">"権限"</th>
                    <th role="columnheader" scope="col">"状態"</th>
                </tr>
            </thead>
            <tbody role="rowgroup">
                {staff.into_iter().map(|m| view! { <StaffRow member=m/> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn StaffRow(member: StaffMember) -> impl IntoView {
    let href = format!("/admin/staff/{}", member.user_id);
    view! {
        <tr role="row">
            <td role="cell"><span class="data-table__label" aria-hidden="true">"氏名"</span>
                <a href=href>{member.display_name.clone()}</a></td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"ログインID"</span>{member.login_id.clone()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"メールアドレス"</span>{member.email.to_string()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"権限"</span>{member.role.label()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"状態"</span>
                <StatusText active=member.active pending=member.invitation_pending/></td>
        </tr>
    }
}

/// 「利用中」, 「招待中」 or 「利用停止」 as a badge (words first; colour only repeats them).
#[component]
pub fn StatusText(active: bool, #[prop(optional)] pending: bool) -> impl IntoView {
    if !active {
        view! { <span class="status-badge" data-status="cancelled">"利用停止"</span> }
    } else if pending {
        view! { <span class="status-badge" data-status="updated">"招待中"</span> }
    } else {
        view! { <span class="status-badge" data-status="neutral">"利用中"</span> }
    }
}
