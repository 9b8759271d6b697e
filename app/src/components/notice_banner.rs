use leptos::prelude::*;

/// Notification banner (UI.md §11): `success` after an action, `info` for news, `warning` for
/// states the user must not miss. One at most, right before `<h1>`.
#[component]
pub fn NoticeBanner(
    /// `success`, `info` or `warning`.
    #[prop(into)]
    kind: String,
    /// The message.
    #[prop(into)]
    message: String,
) -> impl IntoView {
    let role = (kind == "success").then_some("alert");
    view! {
        <section class="notice-banner" data-type=kind role=role>
            <p class="notice-banner__message">{message}</p>
        </section>
    }
}
