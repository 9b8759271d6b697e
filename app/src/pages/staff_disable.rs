use crate::components::{ErrorSummary, ErrorView, Layout, StaffSelect};
use crate::ports::flash;
use crate::types::OpenWork;
use leptos::prelude::*;

/// 利用停止の確認 (/admin/staff/{user_id}/disable): says what will happen, then a warning button
/// (UI.md §9: destructive actions take two pages; no `confirm()`). A member who is 担当 of
/// persons or holds open items must hand them to a successor in the same step.
#[component]
pub fn StaffDisablePage() -> impl IntoView {
    let flash = flash();
    let member = super::staff_resource();
    let user = super::user_id_param();
    let work = Resource::new(
        move || user,
        |user| async move {
            match user {
                Some(u) => crate::serverfns::routing::get_open_work(u).await.ok(),
                None => None,
            }
        },
    );
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="利用停止の確認" has_errors=has_errors nav="/admin/staff">
            <ErrorSummary errors=flash.errors.clone()/>
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    Suspend::new(async move {
                        let work = work.await.unwrap_or_default();
                        match member.await {
                            Ok(m) => {
                                let base = format!("/admin/staff/{}", m.user_id);
                                let holds = work.persons > 0 || work.items > 0;
                                view! {
                                    <h1>{format!("{}さんの利用を停止しますか", m.display_name)}</h1>
                                    <p>"停止すると、この職員はこの事業所にログインできなくなり、ログイン中の画面もすぐに使えなくなります。"</p>
                                    <p>"送受信の記録や操作履歴は消えません。あとから「利用を再開する」で元に戻せます。"</p>
                                    <form class="form" method="post" action=format!("{base}/disable") novalidate>
                                        {holds.then(|| view! { <Handover work=work.clone() error=flash.error_for("successor").map(str::to_string)/> })}
                                        <button class="button" data-variant="warning" type="submit">"利用を停止する"</button>
                                    </form>
                                    <p><a href=base>"停止せずに戻る"</a></p>
                                }.into_any()
                            }
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn Handover(work: OpenWork, error: Option<String>) -> impl IntoView {
    view! {
        <h2>"担当の引き継ぎ"</h2>
        <p>{format!(
            "この職員は、利用者{}人の担当で、完了していないファイルが{}件あります。停止と同時に、選んだ職員に引き継ぎます（利用者台帳の担当と、完了していないファイルの担当が移ります）。",
            work.persons, work.items
        )}</p>
        <StaffSelect name="successor" label="引き継ぐ職員" staff=work.successors empty="選んでください" error=error/>
    }
}
