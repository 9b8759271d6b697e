use crate::components::Layout;
use leptos::prelude::*;

/// The answer to a forgotten-password request (/password/forgot/sent): the same words whether
/// or not an account exists.
#[component]
pub fn ForgotPasswordSentPage() -> impl IntoView {
    let minutes = crate::ports::public_ports()
        .map(|p| p.links.reset_minutes())
        .unwrap_or(30);
    view! {
        <Layout title="メールを確認してください">
            <h1>"メールを確認してください"</h1>
            <p class="page__lead">"登録されていれば、メールを送信しました。"</p>
            <p>
                "メールのリンクを開いて、新しいパスワードを設定してください。"
                {format!("リンクの有効期限は{minutes}分で、使えるのは1回だけです。")}
            </p>
            <p>"数分たってもメールが届かない場合は、迷惑メールのフォルダを確認するか、入力した内容を確かめてもう一度お申し込みください。"</p>
            <p><a href="/password/forgot">"もう一度申し込む"</a>" ／ "<a href="/login">"ログイン画面に戻る"</a></p>
        </Layout>
    }
}
