use crate::types::{VersionRef, VersionState};
use leptos::prelude::*;

/// Warnings about a version the user should check: a key conflict (another person's name
/// with the same 被保険者番号), a late arrival, a deletion of something never received.
#[component]
pub fn VersionNotes(version: VersionRef) -> impl IntoView {
    let mut notes: Vec<String> = Vec::new();
    if let Some(other) = &version.conflict_name {
        notes.push(format!(
            "同じ被保険者番号（{}）で、別の氏名「{other}」の書類も届いています。被保険者番号に誤りがないか、送信元に確認してください。",
            version.person.insured
        ));
    }
    if version.arrived_late {
        notes.push(
            "この版は、ファイル連番が後の新しい版より後に届きました。古い版なので最新にはなりません。"
                .to_string(),
        );
    }
    if version.state == VersionState::Deletion && version.withdrew_count == 0 {
        notes.push(format!(
            "削除の対象（{}）は、この連携先との間で受け取っていません。削除する書類はありませんでした。",
            version.document
        ));
    }
    (!notes.is_empty()).then(|| {
        view! {
            <ul class="version-notes">
                {notes.into_iter().map(|n| view! { <li class="version-notes__item">{n}</li> }).collect_view()}
            </ul>
        }
    })
}
