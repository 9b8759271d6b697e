use crate::components::{DiffTable, ErrorView, Layout, VersionBadge};
use crate::format::date_time;
use crate::ports::query_param;
use crate::serverfns::versions::compare_versions;
use crate::types::{VersionDiff, VersionId};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 変更点の確認 (/versions/{id}/diff?from={other}): a version compared with another
/// (default: the version before it), per table, old → new.
#[component]
pub fn VersionDiffPage() -> impl IntoView {
    let id: Option<VersionId> = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok());
    let from_raw = query_param("from").filter(|s| !s.is_empty());
    let from: Result<Option<VersionId>, AppError> = match from_raw {
        Some(raw) => raw.parse().map(Some).map_err(|_| AppError::NotFound),
        None => Ok(None),
    };
    let diff = Resource::new(
        move || (id, from.clone()),
        |(id, from)| async move {
            match (id, from) {
                (Some(id), Ok(from)) => compare_versions(id, from).await,
                (_, Err(e)) => Err(e),
                (None, _) => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Layout title="変更点の確認" nav="/inbox">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match diff.await {
                        Ok(d) => view! { <DiffView d=d/> }.into_any(),
                        Err(error) => view! {
                            <ErrorView error=error/>
                            {id.map(|id| view! { <p><a href=format!("/versions/{id}/timeline")>"版の履歴に戻る"</a></p> })}
                        }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

/// The diff's content (rendered on its own by the versions benchmark).
#[component]
pub fn DiffView(d: VersionDiff) -> impl IntoView {
    let count = d.count();
    let (old, new) = (d.old.clone(), d.new.clone());
    let lead = format!(
        "{}（{}・{}）→ {}（{}・{}）：",
        old.document,
        old.version_label(),
        old.state.short(),
        new.document,
        new.version_label(),
        new.state.short()
    );
    let result = if count == 0 {
        "内容に違いはありません。".to_string()
    } else {
        format!("{count}件の違いがあります。")
    };
    let choices = d.choices.clone();
    view! {
        <p><a class="back-link" href=format!("/versions/{}/timeline", new.id)>"版の履歴に戻る"</a></p>
        <h1>"変更点の確認"</h1>
        <p class="page__lead">{lead}<strong>{result}</strong></p>
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"利用者"</dt><dd class="summary-list__value">{new.person_label()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"変更前"</dt><dd class="summary-list__value">
                {format!("{} {}（{}送信）", old.document, old.version_label(), date_time(old.sent_at_ms))}" "<VersionBadge state=old.state/></dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"変更後"</dt><dd class="summary-list__value">
                {format!("{} {}（{}送信）", new.document, new.version_label(), date_time(new.sent_at_ms))}" "<VersionBadge state=new.state/></dd></div>
        </dl>
        {(!choices.is_empty()).then(|| view! {
            <form class="filter" method="get" action=format!("/versions/{}/diff", new.id)>
                <div class="filter__field">
                    <label class="field__label" for="from">"比べる版"</label>
                    <select class="field__select" id="from" name="from">
                        {choices.into_iter().map(|c| {
                            let label = format!("{} {}（{}送信・{}）", c.document, c.version_label(), date_time(c.sent_at_ms), c.state.short());
                            view! { <option value=c.id.to_string() selected=c.id == old.id>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button class="button" data-variant="secondary" type="submit">"この版と比べる"</button>
            </form>
        })}
        {d.sections.into_iter().enumerate().map(|(i, s)| view! { <DiffTable section=s index=i/> }).collect_view()}
    }
}
