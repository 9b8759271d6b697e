use super::fields::{text, Field};
use super::{person_rows, PaperFields};
use crate::format::{month_wareki, ymd};
use crate::types::{PersonHeader, SheetKey, UsageForm};
use leptos::prelude::*;

/// 第6表 サービス利用票 (予定 or 実績): the header boxes, then one row per service with a column
/// per day of the month (weekday below the day) and the 合計回数, as on the paper 利用票.
#[component]
pub fn UsageSheet(
    form: UsageForm,
    person: PersonHeader,
    key: SheetKey,
    /// The sheet's fragment id, prefix of ids inside.
    #[prop(into)]
    anchor: String,
) -> AnyView {
    let mut rows: Vec<Vec<Field>> = vec![vec![
        ("対象年月", text(month_wareki(&form.target_month))),
        ("作成年月日", text(ymd(&form.created_on))),
    ]];
    rows.extend(person_rows(&person, &key));
    let limit = if form.category_limit.is_empty() {
        String::new()
    } else {
        format!("{}単位／月", form.category_limit)
    };
    let period = if form.limit_period.0.is_empty() && form.limit_period.1.is_empty() {
        String::new()
    } else {
        format!(
            "{} 〜 {}",
            ymd(&form.limit_period.0),
            ymd(&form.limit_period.1)
        )
    };
    rows.push(vec![
        ("要介護状態区分", text(form.care_level.clone())),
        ("区分支給限度基準額", text(limit)),
        ("限度額適用期間", text(period)),
    ]);
    rows.push(vec![
        (
            "居宅介護支援事業者（事業所番号）",
            text(form.planner_office.clone()),
        ),
        ("担当者名", text(form.planner_name.clone())),
        (
            "前月までの短期入所利用日数",
            text(form.short_stay_days_before.clone()),
        ),
    ]);
    let caption_id = format!("{anchor}-days");
    let which = if form.actual { "実績" } else { "予定" };
    let days = form.weekdays.len();
    let table_rows = if form.rows.is_empty() {
        let span = (days + 5).to_string();
        view! { <tr><td colspan=span>"記載がありません。"</td></tr> }.into_any()
    } else {
        form.rows
            .into_iter()
            .map(|row| {
                view! {
                    <tr>
                        <td class="paper-table__time">{row.time}</td>
                        <th scope="row"><span class="paper-text">{row.service}</span></th>
                        <td><span class="paper-text">{row.provider}</span></td>
                        <td>{which}</td>
                        {row.counts.iter().map(|c| {
                            let shown = if *c == 0 { String::new() } else { c.to_string() };
                            view! { <td class="paper-table__number">{shown}</td> }
                        }).collect_view()}
                        <td class="paper-table__number">{row.total}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let caption_id_ref = caption_id.clone();
    view! {
        <PaperFields caption="第6表の基本情報" rows=rows/>
        <div class="scroll-area" role="region" aria-labelledby=caption_id_ref tabindex="0">
            <table class="paper-table" data-variant="days" data-layout="fixed">
                <caption class="paper-table__caption" id=caption_id>{format!("月間サービス計画及び{which}の記録")}</caption>
                <colgroup>
                    <col data-width="6"/><col data-width="12"/><col data-width="11"/><col data-width="3"/>
                    <col span=days.to_string()/><col data-width="4"/>
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">"提供時間帯"</th>
                        <th scope="col" rowspan="2">"サービス内容"</th>
                        <th scope="col" rowspan="2">"サービス事業者・事業所名"</th>
                        <th scope="col" rowspan="2">"予定・実績"</th>
                        {(1..=days).map(|d| view! { <th scope="col">{d}</th> }).collect_view()}
                        <th scope="col" rowspan="2">"合計回数"</th>
                    </tr>
                    <tr>
                        {form.weekdays.into_iter().map(|w| view! { <th scope="col" class="paper-table__weekday">{w}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>{table_rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
