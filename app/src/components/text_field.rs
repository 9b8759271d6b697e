use leptos::prelude::*;

/// A labelled text input in GOV.UK order: label, hint, error, control (UI.md §7–8).
#[component]
pub fn TextField(
    /// `id` and `name`.
    #[prop(into)]
    name: String,
    /// Visible label.
    #[prop(into)]
    label: String,
    /// サポートテキスト.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The error to show, if any.
    #[prop(default = None)]
    error: Option<String>,
    /// Value to show (what the user typed).
    #[prop(optional, into)]
    value: String,
    /// `text`, `email`, `password`.
    #[prop(default = "text".to_string(), into)]
    input_type: String,
    /// `autocomplete` token.
    #[prop(optional, into)]
    autocomplete: Option<String>,
    /// Shows 「必須」 after the label.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(hint_id.clone());
    }
    if error.is_some() {
        described.push(error_id.clone());
    }
    let described_by = (!described.is_empty()).then(|| described.join(" "));
    let invalid = error.as_ref().map(|_| "true");
    let data_invalid = error.as_ref().map(|_| "");
    view! {
        <div class="field" data-invalid=data_invalid>
            <label class="field__label" for=name.clone()>
                {label}
                {required.then(|| view! { " " <span class="field__required">"必須"</span> })}
            </label>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{h}</p> })}
            {error.map(|e| view! {
                <p class="field__error" id=error_id>
                    <span class="u-visually-hidden">"エラー："</span>{e}
                </p>
            })}
            <input class="field__input" id=name.clone() name=name type=input_type value=value
                autocomplete=autocomplete aria-invalid=invalid aria-describedby=described_by/>
        </div>
    }
}
