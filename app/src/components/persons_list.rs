use crate::types::PersonRef;
use leptos::prelude::*;

/// 利用者 in a file: 「山田 太郎（ヤマダ タロウ）被保険者番号 H123456789」.
#[component]
pub fn PersonsList(persons: Vec<PersonRef>) -> impl IntoView {
    if persons.is_empty() {
        return view! { <p class="persons-list__empty">"利用者の情報はありません。"</p> }
            .into_any();
    }
    view! {
        <ul class="persons-list">
            {persons.into_iter().map(|p| {
                let name = p.name.unwrap_or_else(|| "（氏名なし）".into());
                let kana = p.kana.map(|k| format!("（{k}）")).unwrap_or_default();
                view! {
                    <li>{name}{kana}" 被保険者番号 "{p.insured}" ・保険者番号 "{p.insurer}</li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
