use crate::types::VersionState;
use leptos::prelude::*;

/// 最新 / 更新済 / 旧計画 / 取消 as a status badge (UI.md §10): a state, never a link.
#[component]
pub fn VersionBadge(state: VersionState) -> impl IntoView {
    view! { <span class="status-badge" data-status=state.badge()>{state.short()}</span> }
}
