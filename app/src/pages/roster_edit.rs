use crate::components::{ErrorSummary, ErrorView, Layout, StaffSelect, TextField};
use crate::format::date_time;
use crate::ports::{flash, query_param};
use crate::serverfns::routing::{get_roster_entry, list_assignable_staff};
use crate::types::{Flash, RosterEntry, StaffRef};
use leptos::prelude::*;

/// 利用者台帳の編集 (/roster/edit?insurer=…&insured=…): managers; the form carries the row's
/// version so an edit made meanwhile is not overwritten.
#[component]
pub fn RosterEditPage() -> impl IntoView {
    let flash = flash();
    let insurer = query_param("insurer").unwrap_or_default();
    let insured = query_param("insured").unwrap_or_default();
    let entry = Resource::new(
        move || (),
        move |_| get_roster_entry(insurer.clone(), insured.clone()),
    );
    let staff = Resource::new(|| (), |_| list_assignable_staff());
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="利用者台帳の編集" has_errors=has_errors nav="/roster">
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    Suspend::new(async move {
                        let staff = staff.await.unwrap_or_default();
                        match entry.await {
                            Ok(e) => view! { <EditForm entry=e staff=staff flash=flash/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn EditForm(entry: RosterEntry, staff: Vec<StaffRef>, flash: Flash) -> impl IntoView {
    let typed = !flash.errors.is_empty();
    let value = |field: &str, stored: &str| {
        if typed {
            flash.value(field)
        } else {
            stored.to_string()
        }
    };
    let assignee = if typed {
        flash.value("assignee")
    } else {
        entry
            .assignee
            .as_ref()
            .map(|a| a.id.to_string())
            .unwrap_or_default()
    };
    let last = entry
        .updated_by
        .clone()
        .map(|who| format!("最終更新：{}（{}）", date_time(entry.updated_at_ms), who))
        .unwrap_or_else(|| format!("最終更新：{}", date_time(entry.updated_at_ms)));
    view! {
        <ErrorSummary errors=flash.errors.clone()/>
        <p><a class="back-link" href="/roster">"利用者台帳に戻る"</a></p>
        <h1>"利用者台帳の編集"</h1>
        <dl class="summary-list">
            <div class="summary-list__row"><dt class="summary-list__key">"保険者番号"</dt><dd class="summary-list__value">{entry.insurer.clone()}</dd></div>
            <div class="summary-list__row"><dt class="summary-list__key">"被保険者番号"</dt><dd class="summary-list__value">{entry.insured.clone()}</dd></div>
        </dl>
        <p class="field__hint">{last}</p>
        <form class="form" id="roster-form" method="post" action="/roster/edit" novalidate>
            <input type="hidden" name="insurer" value=entry.insurer.clone()/>
            <input type="hidden" name="insured" value=entry.insured.clone()/>
            <input type="hidden" name="version" value=entry.version.to_string()/>
            <TextField name="name" label="氏名" value=value("name", &entry.name) error=flash.error_for("name").map(str::to_string) autocomplete="off"/>
            <TextField name="kana" label="フリガナ" hint="ひらがなでも入力できます。" value=value("kana", &entry.kana) autocomplete="off"/>
            <TextField name="birth_date" label="生年月日" hint="例：1950-04-01" value=value("birth_date", &entry.birth_date) error=flash.error_for("birth_date").map(str::to_string)/>
            <StaffSelect name="assignee" label="担当" staff=staff selected=assignee empty="未割当" error=flash.error_for("assignee").map(str::to_string)/>
            <button class="button" data-variant="primary" type="submit">"保存する"</button>
        </form>
    }
}
