use crate::components::{ErrorView, Layout, NoticeBanner};
use crate::ports::flash;
use crate::serverfns::routing::get_notify_mode;
use crate::types::NotifyMode;
use leptos::prelude::*;

/// 通知の設定 (/account/notifications): mails about items routed to me (and, for managers,
/// items left in 未割当): each time, once a day, or never.
#[component]
pub fn AccountNotificationsPage() -> impl IntoView {
    let notice = flash().notice;
    let setting = Resource::new(|| (), |_| get_notify_mode());
    view! {
        <Layout title="通知の設定">
            {notice.map(|m| view! { <NoticeBanner kind="success" message=m/> })}
            <h1>"通知の設定"</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match setting.await {
                        Ok(mode) => view! {
                            <form class="form" method="post" action="/account/notifications" novalidate>
                                <fieldset class="fieldset">
                                    <legend class="fieldset__legend">"担当のファイルが届いたときのメール"</legend>
                                    <p class="field__hint">"あなたの担当の利用者のファイルが届いたとき、または担当に割り当てられたときに送ります。管理者・管理職には、担当の決まらないファイル（未割当）が届いたときにも送ります。メールには件数と送信元の事業所名だけが書かれ、利用者の情報は含まれません。"</p>
                                    {NotifyMode::ALL.into_iter().map(|m| {
                                        let id = format!("notify-{}", m.code());
                                        view! {
                                            <div class="radio">
                                                <input class="radio__input" type="radio" name="mode" id=id.clone() value=m.code() checked=mode == m/>
                                                <label class="radio__label" for=id>{m.label()}</label>
                                            </div>
                                        }
                                    }).collect_view()}
                                </fieldset>
                                <button class="button" data-variant="primary" type="submit">"設定を保存する"</button>
                            </form>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error=error/> }.into_any(),
                    }
                })}
            </Suspense>
        </Layout>
    }
}
