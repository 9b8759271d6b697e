use crate::components::{ErrorSummary, Layout, TextField};
use crate::ports::flash;
use leptos::prelude::*;

/// パスワードを忘れた場合 (/password/forgot): asks for the login id or address; the answer page
/// is the same whether or not an account matches.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let flash = flash();
    let has_errors = !flash.errors.is_empty();
    let minutes = crate::ports::public_ports()
        .map(|p| p.links.reset_minutes())
        .unwrap_or(30);
    view! {
        <Layout title="パスワードを忘れた場合" has_errors=has_errors>
            <ErrorSummary errors=flash.errors.clone()/>
            <p><a class="back-link" href="/login">"ログイン画面に戻る"</a></p>
            <h1>"パスワードを忘れた場合"</h1>
            <p class="page__lead">
                "登録されているメールアドレスに、新しいパスワードを設定するためのリンクを送ります。"
                {format!("リンクの有効期限は{minutes}分です。")}
            </p>
            <form class="form" method="post" action="/password/forgot" novalidate>
                <TextField name="login" label="ログインIDまたはメールアドレス"
                    value=flash.value("login") error=flash.error_for("login").map(str::to_string)
                    autocomplete="username" required=true/>
                <button class="button" data-variant="primary" type="submit">"再設定のメールを送る"</button>
            </form>
            <p>"メールアドレスを変えた場合や、メールが届かない場合は、事業所の管理者にご相談ください。"</p>
        </Layout>
    }
}
