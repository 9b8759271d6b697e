use crate::error::AppError;
use leptos::prelude::*;

/// Shows an error a user cannot fix in a form (not found, forbidden, failure) as the page's
/// content and sets the HTTP status to match.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(error.status()) {
            response.set_status(status);
        }
    }
    let login_link = matches!(error, AppError::Unauthenticated)
        .then(|| view! { <p><a href="/login">"ログイン画面へ"</a></p> });
    view! {
        <h1>{error.title()}</h1>
        <p class="page__lead">{error.to_string()}</p>
        {login_link}
        <p><a href="/">"ホームに戻る"</a></p>
    }
}
