use crate::components::{ErrorSummary, Layout, TextField};
use crate::ports::flash;
use leptos::prelude::*;

/// ログイン（2段階認証）(/login/two-factor): the second step after a correct password.
#[component]
pub fn LoginTwoFactorPage() -> impl IntoView {
    let flash = flash();
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="確認コードの入力" has_errors=has_errors>
            <ErrorSummary errors=flash.errors.clone()/>
            <h1>"確認コードの入力"</h1>
            <p class="page__lead">"スマートフォンの認証アプリに表示されている6桁の確認コードを入力してください。"</p>
            <form class="form" method="post" action="/login/two-factor" novalidate>
                <TextField name="code" label="確認コード" hint="6桁の数字です。スマートフォンを使えない場合は、回復コードを入力できます。"
                    error=flash.error_for("code").map(str::to_string) autocomplete="one-time-code" required=true/>
                <button class="button" data-variant="primary" type="submit">"ログインする"</button>
            </form>
            <p><a href="/login">"最初からやり直す"</a></p>
        </Layout>
    }
}
