use crate::types::{DiffChange, DiffSection};
use leptos::prelude::*;

/// One table's differences, old → new (UI.md §14): changed fields, added lines read 「（なし）」
/// before, removed ones 「（削除）」 after; hidden words for screen readers.
#[component]
pub fn DiffTable(section: DiffSection, index: usize) -> impl IntoView {
    let heading_id = format!("diff-{index}");
    let empty = section.rows.is_empty();
    let summary = if empty {
        "違いはありません。".to_string()
    } else {
        format!(
            "追加 {}件・削除 {}件・変更 {}項目",
            section.added, section.removed, section.changed
        )
    };
    let rows = section.rows.into_iter().map(|row| {
        let change = match row.change {
            DiffChange::Added => "added",
            DiffChange::Removed => "removed",
            DiffChange::Changed => "changed",
        };
        let item = if row.field.is_empty() {
            row.item
        } else {
            format!("{}・{}", row.item, row.field)
        };
        let blank = |v: String| if v.is_empty() { "（空欄）".to_string() } else { v };
        let old = match row.change {
            DiffChange::Added => view! { <span class="diff__none">"（なし）"</span> }.into_any(),
            _ => view! { <del class="diff__old"><span class="u-visually-hidden">"変更前："</span>{blank(row.old)}</del> }.into_any(),
        };
        let new = match row.change {
            DiffChange::Removed => view! { <span class="diff__none">"（削除）"</span> }.into_any(),
            _ => view! { <ins class="diff__new"><span class="u-visually-hidden">"変更後："</span>{blank(row.new)}</ins> }.into_any(),
        };
        view! {
            <tr class="diff__row" data-change=change>
                <th scope="row">{item}</th>
                <td>{old}</td>
                <td>{new}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <section class="diff-section">
            <h2 id=heading_id.clone()>{section.kind_label}</h2>
            <p class="diff-section__summary">{summary}</p>
            {(!empty).then(|| view! {
                <div class="scroll-area" role="region" aria-labelledby=heading_id tabindex="0">
                    <table class="diff">
                        <thead><tr><th scope="col">"項目"</th><th scope="col">"変更前"</th><th scope="col">"変更後"</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })}
        </section>
    }
}
