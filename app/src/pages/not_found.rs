use crate::components::{ErrorView, Layout};
use crate::AppError;
use leptos::prelude::*;

/// Fallback for unknown paths: 404 with a way home.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Layout title="ページが見つかりません">
            <ErrorView error=AppError::NotFound/>
        </Layout>
    }
}
