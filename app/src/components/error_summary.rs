use crate::types::FieldError;
use leptos::prelude::*;

/// GOV.UK error summary (UI.md §8): first in `<main>`, focused without JavaScript, links to fields.
#[component]
pub fn ErrorSummary(errors: Vec<FieldError>) -> impl IntoView {
    (!errors.is_empty()).then(|| {
        view! {
            <div class="error-summary" tabindex="-1" autofocus>
                <div role="alert">
                    <h2 class="error-summary__title">"入力内容を確認してください"</h2>
                    <ul class="error-summary__list">
                        {errors
                            .into_iter()
                            .map(|e| {
                                let href = format!("#{}", e.field);
                                view! { <li><a href=href>{e.message}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            </div>
        }
    })
}
