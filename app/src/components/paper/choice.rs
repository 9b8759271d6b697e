use crate::types::Choice;
use leptos::prelude::*;

/// A paper choice 「初回・紹介・継続」 with the chosen options circled; screen readers hear
/// 「（該当）」 after them, so the choice does not rely on the circle alone (WCAG 1.4.1).
#[component]
pub fn ChoiceMarks(
    /// Options and which are chosen.
    choice: Choice,
) -> AnyView {
    let count = choice.options.len();
    view! {
        <span class="paper-choice">
            {choice.options.into_iter().enumerate().map(|(i, (label, chosen))| {
                let separator = (i + 1 < count).then_some("・");
                let option = if chosen {
                    view! {
                        <strong class="paper-choice__option" data-chosen="true">
                            {label}<span class="u-visually-hidden">"（該当）"</span>
                        </strong>
                    }.into_any()
                } else {
                    view! { <span class="paper-choice__option">{label}</span> }.into_any()
                };
                view! { {option}{separator} }
            }).collect_view()}
        </span>
    }
    .into_any()
}

/// A choice as a field value.
pub fn marks(choice: Choice) -> AnyView {
    view! { <ChoiceMarks choice=choice/> }.into_any()
}
