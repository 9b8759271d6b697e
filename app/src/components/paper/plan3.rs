use super::fields::{text, Field};
use super::{person_rows, PaperFields};
use crate::format::ymd;
use crate::types::{PersonHeader, Plan3Form, Plan3Slot, SheetKey};
use leptos::prelude::*;

const WEEKDAYS: [&str; 7] = ["月", "火", "水", "木", "金", "土", "日"];

/// 第3表 週間サービス計画表: two-hour rows grouped into 深夜・早朝・午前・午後・夜間, one column per
/// weekday and one for 主な日常生活上の活動, then 週単位以外のサービス.
#[component]
pub fn Plan3Sheet(
    form: Plan3Form,
    person: PersonHeader,
    key: SheetKey,
    /// The sheet's fragment id, prefix of ids inside.
    #[prop(into)]
    anchor: String,
) -> AnyView {
    let mut rows: Vec<Vec<Field>> = person_rows(&person, &key);
    rows.insert(0, vec![("作成年月日", text(ymd(&form.created_on)))]);
    let caption_id = format!("{anchor}-week");
    let mut groups: Vec<Vec<Plan3Slot>> = Vec::new();
    for slot in form.slots {
        match groups.last_mut() {
            Some(group) if slot.band.is_none() => group.push(slot),
            _ => groups.push(vec![slot]),
        }
    }
    let untimed = form.untimed.map(|slot| {
        view! {
            <tbody>
                <tr>
                    <th scope="row" colspan="2">"時刻の指定なし"</th>
                    {day_cells(slot)}
                </tr>
            </tbody>
        }
    });
    let non_weekly = form.non_weekly.join("\n");
    let caption_id_ref = caption_id.clone();
    view! {
        <PaperFields caption="第3表の基本情報" rows=rows/>
        <div class="scroll-area" role="region" aria-labelledby=caption_id_ref tabindex="0">
            <table class="paper-table" data-variant="week">
                <caption class="paper-table__caption" id=caption_id>"週間サービス計画"</caption>
                <thead>
                    <tr>
                        <th scope="col">"時間帯"</th>
                        <th scope="col">"時刻"</th>
                        {WEEKDAYS.map(|d| view! { <th scope="col">{d}</th> }).collect_view()}
                        <th scope="col">"主な日常生活上の活動"</th>
                    </tr>
                </thead>
                {groups.into_iter().map(band_rows).collect_view()}
                {untimed}
                <tbody>
                    <tr>
                        <th scope="row" colspan="2">"週単位以外のサービス"</th>
                        <td colspan="8"><span class="paper-text">{non_weekly}</span></td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// One band (深夜, 午前 …) as a row group.
fn band_rows(slots: Vec<Plan3Slot>) -> AnyView {
    let span = slots.len().to_string();
    view! {
        <tbody>
            {slots.into_iter().enumerate().map(|(i, slot)| {
                let band = slot.band.clone().filter(|_| i == 0).map(|name| {
                    view! { <th scope="rowgroup" rowspan=span.clone()>{name}</th> }
                });
                let time = slot.time.clone();
                view! {
                    <tr>
                        {band}
                        <th scope="row" class="paper-table__time">{time}</th>
                        {day_cells(slot)}
                    </tr>
                }
            }).collect_view()}
        </tbody>
    }
    .into_any()
}

/// Seven weekday cells and the activity cell of a slot.
fn day_cells(slot: Plan3Slot) -> AnyView {
    let entries = |list: Vec<String>| {
        view! {
            <ul class="paper-list">
                {list.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
            </ul>
        }
    };
    let mut days = slot.days;
    days.resize(7, Vec::new());
    view! {
        {days.into_iter().map(|d| view! { <td>{entries(d)}</td> }).collect_view()}
        <td>{entries(slot.activities)}</td>
    }
    .into_any()
}
