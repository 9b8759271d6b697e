use crate::format::date_time;
use crate::types::{ItemRouting, WorkStatus};
use leptos::prelude::*;

/// 担当と対応状況 of a received item: who has each person and why, the caller's status form,
/// taking 未割当 persons, the manager's link to reassign, internal notes and the history.
#[component]
pub fn ItemRoutingSection(routing: ItemRouting) -> impl IntoView {
    let id = routing.delivery;
    let version = routing.version.to_string();
    let my_status = routing.my_status();
    let has_unassigned = routing.has_unassigned();
    let notes: Vec<_> = routing
        .events
        .iter()
        .filter(|e| e.note.is_some())
        .cloned()
        .collect();
    let history: Vec<_> = routing
        .events
        .iter()
        .filter(|e| e.note.is_none())
        .cloned()
        .collect();
    view! {
        <h2 id="routing">"担当と対応状況"</h2>
        <table class="data-table" role="table">
            <caption class="data-table__caption">"利用者ごとの担当"</caption>
            <thead role="rowgroup"><tr role="row">
                <th role="columnheader" scope="col">"利用者"</th>
                <th role="columnheader" scope="col">"担当"</th>
                <th role="columnheader" scope="col">"振り分けの理由"</th>
                <th role="columnheader" scope="col">"対応状況"</th>
            </tr></thead>
            <tbody role="rowgroup">
                {routing.routes.iter().map(|r| {
                    let mine = r.mine.then_some("");
                    view! {
                        <tr role="row" data-mine=mine>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"利用者"</span>
                                {r.person_label()}{r.mine.then_some("（自分の担当）")}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"担当"</span>
                                {r.assignee.as_ref().map(|a| a.name.clone()).unwrap_or_else(|| "未割当".into())}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"振り分けの理由"</span>{r.reason.label()}</td>
                            <td role="cell"><span class="data-table__label" aria-hidden="true">"対応状況"</span>
                                <span class="status-badge" data-status="neutral">{r.status.label()}</span></td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {my_status.map(|current| {
            let version = version.clone();
            view! {
                <form class="form" method="post" action=format!("/deliveries/{id}/status") novalidate>
                    <input type="hidden" name="version" value=version/>
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend">"自分の対応状況"</legend>
                        {WorkStatus::ALL.into_iter().map(|s| {
                            let rid = format!("status-{}", s.code());
                            view! {
                                <div class="radio">
                                    <input class="radio__input" type="radio" name="status" id=rid.clone() value=s.code() checked=s == current/>
                                    <label class="radio__label" for=rid>{s.label()}</label>
                                </div>
                            }
                        }).collect_view()}
                        <p class="field__hint">"「取込済」にすると、送信元にも取込済が伝わります。"</p>
                    </fieldset>
                    <button class="button" data-variant="primary" type="submit">"対応状況を変更する"</button>
                </form>
            }
        })}
        {has_unassigned.then(|| {
            let version = version.clone();
            view! {
                <form method="post" action=format!("/deliveries/{id}/take")>
                    <input type="hidden" name="version" value=version/>
                    <button class="button" data-variant="secondary" type="submit">"未割当の利用者を自分の担当にする"</button>
                </form>
            }
        })}
        {routing.can_assign.then(|| view! {
            <p><a class="button" data-variant="secondary" href=format!("/deliveries/{id}/assign")>"担当者を変更する"</a></p>
        })}
        <h2 id="notes">"内部メモ"</h2>
        <p class="field__hint">"メモはこの事業所の職員だけに表示されます。送信元の事業所には見えません。"</p>
        {if notes.is_empty() {
            view! { <p>"メモはまだありません。"</p> }.into_any()
        } else {
            view! {
                <ul class="link-list">
                    {notes.into_iter().map(|n| view! {
                        <li><p>{n.note.unwrap_or_default()}</p>
                            <p class="field__hint">{format!("{}（{}）", n.user.unwrap_or_default(), date_time(n.at_ms))}</p></li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <form class="form" method="post" action=format!("/deliveries/{id}/notes") novalidate>
            <div class="field">
                <label class="field__label" for="note">"メモを追加する"</label>
                <p class="field__hint" id="note-hint">"1,000文字以内。利用者の対応で気づいたことを事業所内で共有できます。"</p>
                <textarea class="field__input" id="note" name="note" rows="3" aria-describedby="note-hint"></textarea>
            </div>
            <button class="button" data-variant="secondary" type="submit">"メモを追加する"</button>
        </form>
        <h2 id="history">"対応の履歴"</h2>
        <table class="data-table" role="table">
            <caption class="data-table__caption">"振り分け・割り当て・対応状況の記録"</caption>
            <thead role="rowgroup"><tr role="row">
                <th role="columnheader" scope="col">"日時"</th>
                <th role="columnheader" scope="col">"操作した人"</th>
                <th role="columnheader" scope="col">"内容"</th>
            </tr></thead>
            <tbody role="rowgroup">
                {history.into_iter().map(|e| view! {
                    <tr role="row">
                        <td role="cell">{date_time(e.at_ms)}</td>
                        <td role="cell">{e.user.unwrap_or_else(|| "ポータル（自動）".into())}</td>
                        <td role="cell">{e.detail}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
