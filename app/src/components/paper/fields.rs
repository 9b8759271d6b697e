use leptos::prelude::*;

/// One labelled value of a form's header grid.
pub type Field = (&'static str, AnyView);

/// A paper form's header grid: rows of label/value boxes (`th scope="row"` + `td`), the last
/// value of a shorter row stretched to the full width, as on paper.
#[component]
pub fn PaperFields(
    /// What the grid is (a hidden caption: the sheet heading already names the form).
    #[prop(into)]
    caption: String,
    /// Rows of fields.
    rows: Vec<Vec<Field>>,
) -> AnyView {
    let widest = rows.iter().map(Vec::len).max().unwrap_or(1);
    view! {
        <table class="paper-fields">
            <caption class="u-visually-hidden">{caption}</caption>
            <tbody>
                {rows.into_iter().map(|row| {
                    let count = row.len();
                    view! {
                        <tr>
                            {row.into_iter().enumerate().map(|(i, (label, value))| {
                                let span = if i + 1 == count { 2 * (widest - count) + 1 } else { 1 };
                                view! {
                                    <th class="paper-fields__label" scope="row">{label}</th>
                                    <td class="paper-fields__value" colspan=span.to_string()>{value}</td>
                                }
                            }).collect_view()}
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Free text from a file, line breaks kept (CSV free text may hold them, spec.md §2).
#[component]
pub fn PaperText(
    /// The text.
    #[prop(into)]
    text: String,
) -> AnyView {
    view! { <span class="paper-text">{text}</span> }.into_any()
}

/// Text as a field value.
pub fn text(value: impl Into<String>) -> AnyView {
    let value: String = value.into();
    view! { <PaperText text=value/> }.into_any()
}
