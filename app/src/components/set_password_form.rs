use crate::components::{ErrorSummary, ErrorView, TextField};
use crate::ports::{flash, query_param};
use crate::serverfns::links::check_link;
use crate::types::{LinkInfo, LinkPurpose};
use leptos::prelude::*;

/// The page body behind a one-time link (reset or invitation): checks the link, then asks for
/// a new password once (no confirmation field: paste and password managers work, UI.md §16).
#[component]
pub fn SetPasswordForm(purpose: LinkPurpose) -> impl IntoView {
    let flash = flash();
    let token = query_param("token").unwrap_or_default();
    let for_check = token.clone();
    let info = Resource::new(
        move || for_check.clone(),
        move |token| check_link(token, purpose),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let flash = flash.clone();
                let token = token.clone();
                Suspend::new(async move {
                    match info.await {
                        Ok(info) => view! { <Form info=info token=token purpose=purpose errors=flash.errors.clone()/> }.into_any(),
                        Err(crate::AppError::NotFound) => view! { <DeadLink purpose=purpose/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn Form(
    info: LinkInfo,
    token: String,
    purpose: LinkPurpose,
    errors: Vec<crate::types::FieldError>,
) -> impl IntoView {
    let (heading, action, button) = match purpose {
        LinkPurpose::PasswordReset => (
            "新しいパスワードの設定",
            "/password/reset",
            "パスワードを変更する",
        ),
        LinkPurpose::Invitation => ("パスワードの設定", "/invitation", "パスワードを設定する"),
    };
    let error = errors.first().map(|e| e.message.clone());
    view! {
        <ErrorSummary errors=errors/>
        <h1>{heading}</h1>
        <p class="page__lead">{format!("{}さん（ログインID：{}）のパスワードを設定します。", info.display_name, info.login_id)}</p>
        <form class="form" method="post" action=action novalidate>
            <input type="hidden" name="token" value=token/>
            <TextField name="password" label="新しいパスワード" input_type="password"
                hint=info.password_hint error=error autocomplete="new-password" required=true/>
            <button class="button" data-variant="primary" type="submit">{button}</button>
        </form>
        {(purpose == LinkPurpose::PasswordReset).then(|| view! {
            <p>"パスワードを変更すると、ほかの端末でのログインはすべて終了します。"</p>
        })}
    }
}

/// A dead link: expired, used, replaced, or unknown. All look the same.
#[component]
fn DeadLink(purpose: LinkPurpose) -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let next = match purpose {
        LinkPurpose::PasswordReset => view! {
            <p>"お手数ですが、もう一度お申し込みください。"</p>
            <p><a class="button" data-variant="primary" href="/password/forgot">"再設定をもう一度申し込む"</a></p>
        }
        .into_any(),
        LinkPurpose::Invitation => view! {
            <p>"事業所の管理者に、招待メールの再送を依頼してください。"</p>
        }
        .into_any(),
    };
    view! {
        <h1>"このリンクは使えません"</h1>
        <p class="page__lead">"リンクの有効期限が切れたか、既に使われたか、新しいメールが送られたため、このリンクは使えません。"</p>
        {next}
        <p><a href="/login">"ログイン画面に戻る"</a></p>
    }
}
