use crate::types::RoutingBrief;
use leptos::prelude::*;

/// The 担当 cell of an inbox row: assignees, 未割当 count, the caller's status.
#[component]
pub fn AssigneeCell(brief: RoutingBrief) -> impl IntoView {
    let names = if brief.assignees.is_empty() {
        None
    } else {
        Some(brief.assignees.join("、"))
    };
    view! {
        {names}
        {(brief.unassigned > 0).then(|| view! {
            " "<span class="status-badge" data-status="neutral">{format!("未割当 {}人", brief.unassigned)}</span>
        })}
        {brief.my_status.map(|s| view! {
            " "<span class="status-badge" data-status="neutral">{format!("自分：{}", s.label())}</span>
        })}
    }
}

/// The 担当 filter of the office inbox: everyone, mine, or 未割当.
#[component]
pub fn AssigneeFilter(value: String) -> impl IntoView {
    let options = [
        ("", "すべて"),
        ("me", "自分の担当"),
        ("unassigned", "未割当"),
    ];
    view! {
        <div class="filter__field">
            <label class="field__label" for="assignee">"担当"</label>
            <select class="field__select" id="assignee" name="assignee">
                {options.into_iter().map(|(v, l)| view! { <option value=v selected=value == v>{l}</option> }).collect_view()}
            </select>
        </div>
    }
}
