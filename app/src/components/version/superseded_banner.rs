use crate::format::date_time;
use crate::types::{VersionLine, VersionRef, VersionState};
use leptos::prelude::*;

fn is_plan(v: &VersionRef) -> bool {
    v.family.contains("計画") || v.family.contains("利用票")
}

/// The warning banner of a replaced or withdrawn version (UI.md §11): always shown, never
/// closable, with a link to the current version. Renders nothing for a current version.
#[component]
pub fn SupersededBanner(line: VersionLine) -> impl IntoView {
    let v = line.version;
    let title = match v.state {
        VersionState::Superseded | VersionState::OldPlan if is_plan(&v) => {
            "この計画は新しい版で置き換えられています"
        }
        VersionState::Superseded | VersionState::OldPlan => {
            "この書類は新しい版で置き換えられています"
        }
        VersionState::Withdrawn => "この書類は送信元により取り消されました",
        VersionState::Latest | VersionState::Deletion => return ().into_any(),
    };
    let shown = format!(
        "表示中：{}（{}・{}）、{}送信。",
        v.document,
        v.version_label(),
        v.state.short(),
        date_time(v.sent_at_ms)
    );
    let latest_text = line.latest.as_ref().map(|l| {
        format!(
            "最新：{}（{}）、{}送信。",
            l.document,
            l.version_label(),
            date_time(l.sent_at_ms)
        )
    });
    let links = line.latest.map(|l| {
        let diff = format!("/versions/{}/diff?from={}", l.id, v.id);
        view! {
            <a href=format!("/deliveries/{}", l.delivery_id)>"最新版を表示する"</a>
            " ／ "
            <a href=diff>"変更点を確認する"</a>
            " ／ "
        }
    });
    view! {
        <section class="notice-banner" data-type="warning" aria-labelledby="version-notice" data-version-notice="">
            <h2 class="notice-banner__title" id="version-notice">{title}</h2>
            <p>{shown}{latest_text}</p>
            <p>
                {links}
                <a href=format!("/versions/{}/timeline", v.id)>"版の履歴を見る"</a>
            </p>
        </section>
    }
    .into_any()
}
