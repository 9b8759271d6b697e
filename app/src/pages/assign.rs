use crate::components::{ErrorSummary, ErrorView, Layout};
use crate::ports::flash;
use crate::serverfns::routing::get_item_routing;
use crate::types::{DeliveryId, Flash, ItemRouting};
use crate::AppError;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// 担当者の変更 (/deliveries/{id}/assign): managers choose persons and a staff member; the form
/// carries the routing version, so a change made meanwhile is shown, not overwritten.
#[component]
pub fn AssignPage() -> impl IntoView {
    let flash = flash();
    let id: Option<DeliveryId> = use_params_map()
        .with_untracked(|p| p.get("id"))
        .and_then(|s| s.parse().ok());
    let routing = Resource::new(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_item_routing(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let has_errors = !flash.errors.is_empty();
    view! {
        <Layout title="担当者の変更" has_errors=has_errors nav="/inbox">
            <Suspense fallback=|| ()>
                {move || {
                    let flash = flash.clone();
                    Suspend::new(async move {
                        match routing.await {
                            Ok(r) if r.can_assign => view! { <AssignForm routing=r flash=flash/> }.into_any(),
                            Ok(_) => view! { <ErrorView error=AppError::Forbidden/> }.into_any(),
                            Err(error) => view! { <ErrorView error=error/> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </Layout>
    }
}

#[component]
fn AssignForm(routing: ItemRouting, flash: Flash) -> impl IntoView {
    let id = routing.delivery;
    let back = format!("/deliveries/{id}");
    let chosen = flash.value("to");
    view! {
        <ErrorSummary errors=flash.errors.clone()/>
        <p><a class="back-link" href=back.clone()>"ファイルの詳細に戻る"</a></p>
        <h1>"担当者の変更"</h1>
        <form class="form" id="assign-form" method="post" action=format!("/deliveries/{id}/assign") novalidate>
            <input type="hidden" name="version" value=routing.version.to_string()/>
            <fieldset class="fieldset" id="persons">
                <legend class="fieldset__legend">"割り当てる利用者"</legend>
                {flash.error_for("persons").map(|e| view! { <p class="field__error"><span class="u-visually-hidden">"エラー："</span>{e.to_string()}</p> })}
                {routing.routes.iter().enumerate().map(|(i, r)| {
                    let cid = format!("person-{i}");
                    let now = r.assignee.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| "未割当".into());
                    view! {
                        <div class="checkbox">
                            <input class="checkbox__input" type="checkbox" name="persons" id=cid.clone() value=r.key() checked=true/>
                            <label class="checkbox__label" for=cid>{format!("{}（現在の担当：{now}）", r.person_label())}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <fieldset class="fieldset" id="to">
                <legend class="fieldset__legend">"担当者"</legend>
                {flash.error_for("to").map(|e| view! { <p class="field__error"><span class="u-visually-hidden">"エラー："</span>{e.to_string()}</p> })}
                {routing.staff.iter().map(|s| {
                    let rid = format!("to-{}", s.id);
                    let value = s.id.to_string();
                    let checked = value == chosen;
                    view! {
                        <div class="radio">
                            <input class="radio__input" type="radio" name="to" id=rid.clone() value=value checked=checked/>
                            <label class="radio__label" for=rid>{s.name.clone()}</label>
                        </div>
                    }
                }).collect_view()}
                <div class="radio">
                    <input class="radio__input" type="radio" name="to" id="to-none" value="none" checked=chosen == "none"/>
                    <label class="radio__label" for="to-none">"未割当に戻す"</label>
                </div>
            </fieldset>
            <div class="checkbox">
                <input class="checkbox__input" type="checkbox" name="update_roster" id="update_roster" value="1" checked=true/>
                <label class="checkbox__label" for="update_roster">"利用者台帳の担当も変更する（今後この利用者のファイルはこの担当者に届きます）"</label>
            </div>
            <button class="button" data-variant="primary" type="submit">"割り当てる"</button>
        </form>
        <p><a href=back>"変更せずに戻る"</a></p>
    }
}
