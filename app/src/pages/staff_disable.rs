use crate::components::{ErrorView, Layout};
use leptos::prelude::*;

/// 利用停止の確認 (/admin/staff/{user_id}/disable): says what will happen, then a warning button
/// (UI.md §9: destructive actions take two pages; no `confirm()`).
#[component]
pub fn StaffDisablePage() -> impl IntoView {
    let member = super::staff_resource();
    view! {
        <Layout title="利用停止の確認" nav="/admin/staff">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match member.await {
                        Ok(m) => {
                            let base = format!("/admin/staff/{}", m.user_id);
                            view! {
                                <h1>{format!("{}さんの利用を停止しますか", m.display_name)}</h1>
                                <p>"停止すると、この職員はこの事業所にログインできなくなり、ログイン中の画面もすぐに使えなくなります。"</p>
                                <p>"送受信の記録や操作履歴は消えません。あとから「利用を再開する」で元に戻せます。"</p>
                                <form method="post" action=format!("{base}/disable")>
                                    <button class="button" data-variant="warning" type="submit">"利用を停止する"</button>
                                </form>
                                <p><a href=base>"停止せずに戻る"</a></p>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}
