use super::fields::Field;
use super::{person_rows, PaperFields, PaperText};
use crate::format::ymd;
use crate::types::{PersonHeader, Plan2Form, Plan2Goal, Plan2Issue, SheetKey};
use leptos::prelude::*;

/// 第2表 居宅サービス計画書（２）: 課題, 援助目標 and 援助内容 with merged cells as on paper;
/// each 課題 is its own row group, headed by a `th scope="rowgroup"`.
#[component]
pub fn Plan2Sheet(
    form: Plan2Form,
    person: PersonHeader,
    key: SheetKey,
    /// The sheet's fragment id, prefix of ids inside.
    #[prop(into)]
    anchor: String,
) -> AnyView {
    let mut rows: Vec<Vec<Field>> = person_rows(&person, &key);
    rows.insert(
        0,
        vec![("作成年月日", super::fields::text(ymd(&form.created_on)))],
    );
    let caption_id = format!("{anchor}-needs");
    let body = if form.issues.is_empty() {
        view! { <tbody><tr><td colspan="11">"記載がありません。"</td></tr></tbody> }.into_any()
    } else {
        form.issues
            .into_iter()
            .map(issue_rows)
            .collect_view()
            .into_any()
    };
    let caption_id_ref = caption_id.clone();
    view! {
        <PaperFields caption="第2表の基本情報" rows=rows/>
        <div class="scroll-area" role="region" aria-labelledby=caption_id_ref tabindex="0">
            <table class="paper-table" data-layout="fixed">
                <caption class="paper-table__caption" id=caption_id>"生活全般の解決すべき課題・援助目標・援助内容"</caption>
                <colgroup>
                    {[16, 12, 7, 12, 7, 14, 3, 8, 9, 6, 6].map(|w| view! { <col data-width=w.to_string()/> }).collect_view()}
                </colgroup>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">"生活全般の解決すべき課題（ニーズ）"</th>
                        <th scope="colgroup" colspan="4">"援助目標"</th>
                        <th scope="colgroup" colspan="6">"援助内容"</th>
                    </tr>
                    <tr>
                        <th scope="col">"長期目標"</th>
                        <th scope="col">"（期間）"</th>
                        <th scope="col">"短期目標"</th>
                        <th scope="col">"（期間）"</th>
                        <th scope="col">"サービス内容"</th>
                        <th scope="col"><span aria-hidden="true">"※1"</span><span class="u-visually-hidden">"保険給付の対象"</span></th>
                        <th scope="col">"サービス種別"</th>
                        <th scope="col"><span aria-hidden="true">"※2"</span><span class="u-visually-hidden">"サービスを提供する事業所"</span></th>
                        <th scope="col">"頻度"</th>
                        <th scope="col">"期間"</th>
                    </tr>
                </thead>
                {body}
            </table>
        </div>
        <p class="paper-note">"※1 「保険給付の対象となるかどうかの区分」について、保険給付対象内サービスには○印を付しています。"<br/>
            "※2 「当該サービス提供を行う事業所」を記載しています。"</p>
    }
    .into_any()
}

/// The rows of one 課題: its cell spans every 援助内容 row below it.
fn issue_rows(issue: Plan2Issue) -> AnyView {
    let span: usize = issue.goals.iter().map(|g| g.services.len().max(1)).sum();
    let mut first_of_issue = true;
    let mut rows = Vec::new();
    for goal in issue.goals {
        let goal_span = goal.services.len().max(1);
        let services = if goal.services.is_empty() {
            vec![Default::default()]
        } else {
            goal.services.clone()
        };
        for (i, service) in services.into_iter().enumerate() {
            let issue_cell = first_of_issue.then(|| {
                view! {
                    <th scope="rowgroup" rowspan=span.to_string()><PaperText text=issue.text.clone()/></th>
                }
            });
            first_of_issue = false;
            let goal_cells = (i == 0).then(|| goal_cells(&goal, goal_span));
            let service: crate::types::Plan2Service = service;
            rows.push(view! {
                <tr>
                    {issue_cell}
                    {goal_cells}
                    <td><PaperText text=service.content/></td>
                    <td class="paper-table__mark">{service.insured}</td>
                    <td><PaperText text=service.kind/></td>
                    <td><PaperText text=service.provider/></td>
                    <td><PaperText text=service.frequency/></td>
                    <td><PaperText text=service.period/></td>
                </tr>
            });
        }
    }
    view! { <tbody>{rows}</tbody> }.into_any()
}

fn goal_cells(goal: &Plan2Goal, span: usize) -> AnyView {
    let span = span.to_string();
    view! {
        <td rowspan=span.clone()><PaperText text=goal.long_term.clone()/></td>
        <td rowspan=span.clone()><PaperText text=goal.long_period.clone()/></td>
        <td rowspan=span.clone()><PaperText text=goal.short_term.clone()/></td>
        <td rowspan=span><PaperText text=goal.short_period.clone()/></td>
    }
    .into_any()
}
