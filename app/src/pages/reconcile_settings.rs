use crate::components::{ErrorSummary, ErrorView, Layout, NoticeBanner};
use crate::ports::flash;
use crate::serverfns::reconcile::get_reconcile_settings;
use crate::types::ReconcileSettings;
use leptos::prelude::*;

/// 実績未着のお知らせ (/reconcile/settings): the day of the month the office is mailed the
/// partners whose 実績 for the previous month has not arrived.
#[component]
pub fn ReconcileSettingsPage() -> impl IntoView {
    let flash = flash();
    let data = Resource::new(|| (), |_| get_reconcile_settings());
    view! {
        <Layout title="実績未着のお知らせ" nav="/reconcile" has_errors=!flash.errors.is_empty()>
            {flash.notice.clone().map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <ErrorSummary errors=flash.errors.clone()/>
            <a class="back-link" href="/reconcile/board">"月次の進み具合に戻る"</a>
            <h1>"実績未着のお知らせ"</h1>
            <p class="page__lead">"毎月決まった日に、前月分の実績がまだ届いていない連携先の事業所名と人数をメールでお知らせします。メールに利用者の情報は含まれません。送り先は、その月の予定を送信した職員と、事業所の管理者・管理職です。"</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(s) => view! { <SettingsForm s=s/> }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}

#[component]
fn SettingsForm(s: ReconcileSettings) -> impl IntoView {
    let current = match s.reminder_day {
        Some(d) => format!("現在の設定：毎月{d}日にお知らせします。"),
        None => "現在の設定：お知らせしません。".to_string(),
    };
    if !s.can_edit {
        return view! {
            <p>{current}</p>
            <p>"設定を変えられるのは、事業所の管理者と管理職です。"</p>
        }
        .into_any();
    }
    let chosen = s
        .reminder_day
        .map(|d| d.to_string())
        .unwrap_or_else(|| "off".into());
    view! {
        <p>{current}</p>
        <form class="form" method="post" action="/reconcile/settings" novalidate>
            <div class="field">
                <label class="field__label" for="reminder-day">"お知らせする日"</label>
                <p class="field__hint" id="reminder-day-hint">"1日から28日の間で選べます。初めは3日です。"</p>
                <select class="field__select" id="reminder-day" name="reminder_day" aria-describedby="reminder-day-hint">
                    <option value="off" selected=chosen == "off">"お知らせしない"</option>
                    {(1..=28u8).map(|d| {
                        let value = d.to_string();
                        let selected = value == chosen;
                        view! { <option value=value selected=selected>{format!("毎月{d}日")}</option> }
                    }).collect_view()}
                </select>
            </div>
            <button class="button" data-variant="primary" type="submit">"設定を保存する"</button>
        </form>
    }
    .into_any()
}
