use crate::components::{Layout, NoticeBanner};
use crate::ports::flash;
use leptos::prelude::*;

/// 回復コード (/account/two-factor/recovery-codes): shown once, right after enrolment.
#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let codes: Vec<String> = flash()
        .value("recovery_codes")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let body = if codes.is_empty() {
        view! { <p>"回復コードは、2段階認証を設定した直後に一度だけ表示されます。"</p> }.into_any()
    } else {
        view! {
            <p class="page__lead">"スマートフォンを使えないときは、確認コードの代わりに次の回復コードを1つ入力してログインできます。各コードは1回だけ使えます。"</p>
            <p>"印刷するか書き写して、安全な場所に保管してください。この画面は二度と表示されません。"</p>
            <ul class="recovery-codes">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <Layout title="回復コード">
            <NoticeBanner kind="success" message="2段階認証を有効にしました。"/>
            <h1>"回復コード"</h1>
            {body}
            <p><a class="button" data-variant="primary" href="/">"ホームへ進む"</a></p>
        </Layout>
    }
}
