use crate::types::{PartnerRef, ReconcileStatus};
use leptos::prelude::*;

/// The GET form of the 予実突合 pages: 対象年月, and on the list also 事業所 and 状態.
#[component]
pub fn MonthFilter(
    /// Where the form goes.
    action: &'static str,
    /// 対象年月 as typed (kept when it was wrong).
    #[prop(into)]
    month: String,
    /// The error for 対象年月, if any.
    #[prop(default = None)]
    error: Option<String>,
    /// Partners to choose from (empty: no partner or status fields).
    #[prop(optional)]
    partners: Vec<PartnerRef>,
    /// Chosen partner id.
    #[prop(into, optional)]
    partner: String,
    /// Chosen status code.
    #[prop(into, optional)]
    status: String,
) -> impl IntoView {
    let invalid = error.is_some();
    let described = if invalid {
        "month-hint month-error"
    } else {
        "month-hint"
    };
    let with_lists = !partners.is_empty();
    view! {
        <form class="filter print-hide" method="get" action=action novalidate>
            <div class="filter__field field" data-invalid=invalid.then_some("")>
                <label class="field__label" for="month">"対象年月"</label>
                <p class="field__hint" id="month-hint">"例：2025年4月、202504"</p>
                {error.map(|e| view! { <p class="field__error" id="month-error"><span class="u-visually-hidden">"エラー："</span>{e}</p> })}
                <input class="field__input" id="month" name="month" value=month inputmode="numeric"
                    aria-invalid=invalid.then_some("true") aria-describedby=described/>
            </div>
            {with_lists.then(|| view! {
                <div class="filter__field">
                    <label class="field__label" for="partner">"事業所"</label>
                    <select class="field__select" id="partner" name="partner">
                        <option value="" selected=partner.is_empty()>"すべての事業所"</option>
                        {partners.into_iter().map(|p| {
                            let selected = p.id == partner;
                            view! { <option value=p.id selected=selected>{p.label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="filter__field">
                    <label class="field__label" for="status">"状態"</label>
                    <select class="field__select" id="status" name="status">
                        <option value="" selected=status.is_empty()>"すべて"</option>
                        {ReconcileStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.code() selected=s.code() == status>{s.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <button class="button" data-variant="secondary" type="submit">"表示する"</button>
        </form>
    }
}
