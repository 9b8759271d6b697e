use crate::components::{ErrorView, Layout, NoticeBanner};
use crate::ports::flash;
use crate::serverfns::sessions::list_sessions;
use crate::types::ActiveSession;
use leptos::prelude::*;

/// ログイン中の端末 (/account/sessions): where the caller is signed in, and ending sessions.
#[component]
pub fn AccountSessionsPage() -> impl IntoView {
    let notice = flash().notice;
    let sessions = Resource::new(|| (), |_| list_sessions());
    view! {
        <Layout title="ログイン中の端末">
            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match sessions.await {
                        Ok(list) => view! { <SessionTable sessions=list/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn SessionTable(sessions: Vec<ActiveSession>) -> impl IntoView {
    let others = sessions.iter().filter(|s| !s.current).count();
    view! {
        <h1>"ログイン中の端末"</h1>
        <p class="page__lead">"このアカウントでログインしている端末です。心当たりのないものは終了し、パスワードを変更してください。"</p>
        <table class="data-table" role="table">
            <caption class="data-table__caption">{format!("{}件", sessions.len())}</caption>
            <thead role="rowgroup">
                <tr role="row">
                    <th role="columnheader" scope="col">"端末"</th>
                    <th role="columnheader" scope="col">"IPアドレス"</th>
                    <th role="columnheader" scope="col">"ログイン日時"</th>
                    <th role="columnheader" scope="col">"最後の操作"</th>
                    <th role="columnheader" scope="col">"操作"</th>
                </tr>
            </thead>
            <tbody role="rowgroup">
                {sessions.into_iter().map(|s| view! { <SessionRow session=s/> }).collect_view()}
            </tbody>
        </table>
        {(others > 0).then(|| view! {
            <form method="post" action="/account/sessions/end-others">
                <button class="button" data-variant="warning" type="submit">"この端末以外のログインをすべて終了する"</button>
            </form>
        })}
    }
}

#[component]
fn SessionRow(session: ActiveSession) -> impl IntoView {
    let action = if session.current {
        view! { <span class="status-badge" data-status="latest">"この端末"</span> }.into_any()
    } else {
        let label = format!("{}のログインを終了する", session.device);
        view! {
            <form method="post" action=format!("/account/sessions/{}/end", session.handle)>
                <button class="button" data-variant="secondary" type="submit" aria-label=label>"終了する"</button>
            </form>
        }
        .into_any()
    };
    view! {
        <tr role="row">
            <td role="cell"><span class="data-table__label" aria-hidden="true">"端末"</span>{session.device.clone()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"IPアドレス"</span>{session.ip.clone()}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"ログイン日時"</span>{crate::format::date_time(session.created_at_ms)}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"最後の操作"</span>{crate::format::date_time(session.last_seen_at_ms)}</td>
            <td role="cell"><span class="data-table__label" aria-hidden="true">"操作"</span>{action}</td>
        </tr>
    }
}
