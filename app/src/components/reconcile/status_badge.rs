use crate::types::ReconcileStatus;
use leptos::prelude::*;

/// 一致 / 差異あり / 実績未着 / 予定なし as a badge (UI.md §10): the word carries the meaning,
/// the colour only repeats it.
#[component]
pub fn ReconcileStatusBadge(status: ReconcileStatus) -> impl IntoView {
    view! { <span class="status-badge" data-status=status.code()>{status.label()}</span> }
}
