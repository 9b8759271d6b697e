use crate::types::StaffRef;
use leptos::prelude::*;

/// A labelled `<select>` of staff members (GOV.UK order: label, hint, error, control).
#[component]
pub fn StaffSelect(
    /// `id` and `name`.
    #[prop(into)]
    name: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// Choices.
    staff: Vec<StaffRef>,
    /// Selected user id.
    #[prop(optional, into)]
    selected: String,
    /// Label of an empty first option (none: no empty option).
    #[prop(optional, into)]
    empty: Option<String>,
    /// Error to show.
    #[prop(default = None)]
    error: Option<String>,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    let described = error.as_ref().map(|_| error_id.clone());
    let invalid = error.as_ref().map(|_| "");
    view! {
        <div class="field" data-invalid=invalid>
            <label class="field__label" for=name.clone()>{label}</label>
            {error.map(|e| view! {
                <p class="field__error" id=error_id><span class="u-visually-hidden">"エラー："</span>{e}</p>
            })}
            <select class="field__select" id=name.clone() name=name aria-describedby=described>
                {empty.map(|l| view! { <option value="">{l}</option> })}
                {staff.into_iter().map(|s| {
                    let id = s.id.to_string();
                    let chosen = id == selected;
                    view! { <option value=id selected=chosen>{s.name}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
