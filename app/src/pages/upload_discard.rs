use crate::components::Layout;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 下書きの破棄の確認 (/uploads/{id}/discard): a warning button, no `confirm()`.
#[component]
pub fn UploadDiscardPage() -> impl IntoView {
    let id = use_params_map()
        .with_untracked(|p| p.get("id"))
        .unwrap_or_default();
    view! {
        <Layout title="下書きの破棄" nav="/uploads">
            <h1>"この下書きを破棄しますか"</h1>
            <p>"破棄すると、この下書きのファイルは送信されず、下書きの一覧からも消えます。相手の事業所には何も届きません。"</p>
            <form method="post" action=format!("/uploads/{id}/discard")>
                <button class="button" data-variant="warning" type="submit">"下書きを破棄する"</button>
            </form>
            <p><a href=format!("/uploads/{id}")>"破棄せずに戻る"</a></p>
        </Layout>
    }
}
