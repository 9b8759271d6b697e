use crate::components::{ErrorSummary, Layout, NoticeBanner, TextField};
use crate::ports::{flash, query_param};
use leptos::prelude::*;

/// ログイン (/login). The form posts to `/login`; errors come back through the flash.
#[component]
pub fn LoginPage() -> impl IntoView {
    let flash = flash();
    let notice = if query_param("password_set").is_some() {
        Some((
            "success",
            "パスワードを変更しました。新しいパスワードでログインしてください。",
        ))
    } else if query_param("joined").is_some() {
        Some((
            "success",
            "パスワードを設定しました。ログインIDと新しいパスワードでログインしてください。",
        ))
    } else if query_param("logged_out").is_some() {
        Some(("success", "ログアウトしました。"))
    } else if query_param("ended").is_some() {
        Some((
            "info",
            "アカウントの状態が変わったため、ログアウトしました。もう一度ログインしてください。",
        ))
    } else if query_param("expired").is_some() {
        Some((
            "info",
            "一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。",
        ))
    } else {
        None
    };
    let has_errors = !flash.errors.is_empty();
    let next = query_param("next").unwrap_or_default();
    view! {
        <Layout title="ログイン" has_errors=has_errors>
            <ErrorSummary errors=flash.errors.clone()/>
            {notice.map(|(kind, message)| view! { <NoticeBanner kind=kind message=message/> })}
            <h1>"ログイン"</h1>
            <p class="page__lead">"ログインIDとパスワードを入力してください。"</p>
            <form class="form" method="post" action="/login" novalidate>
                <input type="hidden" name="next" value=next/>
                <TextField name="login_id" label="ログインID" value=flash.value("login_id")
                    error=flash.error_for("login_id").map(str::to_string)
                    autocomplete="username" required=true/>
                <TextField name="password" label="パスワード" input_type="password"
                    error=flash.error_for("password").map(str::to_string)
                    autocomplete="current-password" required=true/>
                <button class="button" data-variant="primary" type="submit">"ログインする"</button>
            </form>
            <p><a href="/password/forgot">"パスワードを忘れた場合"</a></p>
        </Layout>
    }
}
