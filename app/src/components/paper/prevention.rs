use super::choice::marks;
use super::fields::{text, Field};
use super::{person_rows, PaperFields, PaperText};
use crate::format::ymd;
use crate::types::{PersonHeader, PreventionForm, PreventionIssue, SheetKey};
use leptos::prelude::*;

/// 介護予防サービス・支援計画書 with its 別表: header boxes, 目標とする生活, the four アセスメント
/// 領域, the 支援計画 (merged cells per 課題 and 支援計画), the policies, the 基本チェックリスト
/// and the consent line.
#[component]
pub fn PreventionSheet(
    form: PreventionForm,
    person: PersonHeader,
    key: SheetKey,
    /// The sheet's fragment id, prefix of ids inside.
    #[prop(into)]
    anchor: String,
) -> AnyView {
    let mut rows: Vec<Vec<Field>> = vec![vec![
        ("整理番号", text(form.reference_no.clone())),
        ("計画書区分", marks(form.category.clone())),
        ("認定状況", marks(form.cert_status.clone())),
    ]];
    rows.extend(person_rows(&person, &key));
    let period = format!(
        "{} 〜 {}",
        ymd(&form.cert_period.0),
        ymd(&form.cert_period.1)
    );
    rows.push(vec![
        ("認定年月日", text(ymd(&form.certified_on))),
        ("認定の有効期間", text(period)),
        ("要支援状態区分", marks(form.support_level.clone())),
    ]);
    rows.push(vec![
        ("計画種類", text(form.plan_kind.clone())),
        ("計画作成者氏名", text(form.planners.clone())),
    ]);
    rows.push(vec![(
        "委託の場合：計画作成者事業者・事業所名及び所在地（連絡先）",
        text(form.planner_office.clone()),
    )]);
    rows.push(vec![
        ("計画作成（変更）日", text(ymd(&form.plan_date))),
        ("初回作成日", text(ymd(&form.first_plan_date))),
        (
            "担当地域包括支援センター",
            text(form.support_center.clone()),
        ),
    ]);
    rows.push(vec![
        ("目標とする生活（1日）", text(form.goals.0.clone())),
        ("目標とする生活（1年）", text(form.goals.1.clone())),
    ]);
    let domain_id = format!("{anchor}-domains");
    let plan_id = format!("{anchor}-support");
    let missing_sub = (!form.has_sub).then(|| {
        view! { <p class="paper-note">"同じ送信に別表（支援計画）のファイルがないため、支援計画は表示していません。"</p> }
    });
    let plan_rows = if form.issues.is_empty() {
        view! { <tbody><tr><td colspan="10">"記載がありません。"</td></tr></tbody> }.into_any()
    } else {
        form.issues
            .into_iter()
            .map(issue_rows)
            .collect_view()
            .into_any()
    };
    let policies = vec![
        vec![("健康状態について留意点", text(form.health_notes.clone()))],
        vec![(
            "【本来行うべき支援が実施できない場合】妥当な支援の実施に向けた方針",
            text(form.support_policy.clone()),
        )],
        vec![(
            "総合的な方針：生活不活発病の改善・予防のポイント",
            text(form.overall_policy.clone()),
        )],
        vec![(
            "地域包括支援センター意見",
            text(form.center_opinion.clone()),
        )],
    ];
    let consent = format!(
        "上記計画について、同意いたします。 同意日：{} 氏名：{}",
        ymd(&form.consent_date),
        form.consent_name
    );
    let domain_id_ref = domain_id.clone();
    let plan_id_ref = plan_id.clone();
    view! {
        <PaperFields caption="介護予防サービス・支援計画書の基本情報" rows=rows/>
        <div class="scroll-area" role="region" aria-labelledby=domain_id_ref tabindex="0">
            <table class="paper-table">
                <caption class="paper-table__caption" id=domain_id>"アセスメント領域と現在の状況"</caption>
                <thead><tr>
                    <th scope="col">"アセスメント領域"</th><th scope="col">"現在の状況"</th>
                    <th scope="col">"本人・家族の意欲・意向"</th><th scope="col">"領域における課題の有無"</th>
                    <th scope="col">"課題（背景・原因）"</th>
                </tr></thead>
                <tbody>
                    {form.domains.into_iter().map(|[name, current, wishes, has, issue]| view! {
                        <tr><th scope="row">{name}</th><td><PaperText text=current/></td><td><PaperText text=wishes/></td>
                            <td>{has}</td><td><PaperText text=issue/></td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {missing_sub}
        <div class="scroll-area" role="region" aria-labelledby=plan_id_ref tabindex="0">
            <table class="paper-table">
                <caption class="paper-table__caption" id=plan_id>"支援計画（別表）"</caption>
                <thead>
                    <tr>
                        <th scope="col" rowspan="2">"総合的課題"</th>
                        <th scope="col" rowspan="2">"課題に対する目標と具体策の提案"</th>
                        <th scope="col" rowspan="2">"具体策についての意向 本人・家族"</th>
                        <th scope="col" rowspan="2">"目標"</th>
                        <th scope="colgroup" colspan="6">"支援計画"</th>
                    </tr>
                    <tr>
                        <th scope="col">"目標についての支援のポイント"</th>
                        <th scope="col">"本人等のセルフケアや家族の支援、インフォーマルサービス"</th>
                        <th scope="col">"介護保険サービス又は地域支援事業"</th>
                        <th scope="col">"サービス種別"</th>
                        <th scope="col">"事業所"</th>
                        <th scope="col">"期間"</th>
                    </tr>
                </thead>
                {plan_rows}
            </table>
        </div>
        <PaperFields caption="方針と意見" rows=policies/>
        <table class="paper-table">
            <caption class="paper-table__caption">"基本チェックリスト（該当した質問項目数）と事業プログラムの要否"</caption>
            <thead><tr>
                <th scope="col">"項目"</th>
                {form.checklist.iter().map(|[area, _, _]| view! { <th scope="col">{area.clone()}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                <tr><th scope="row">"該当数"</th>
                    {form.checklist.iter().map(|[_, count, _]| view! { <td class="paper-table__number">{count.clone()}</td> }).collect_view()}</tr>
                <tr><th scope="row">"事業プログラムの要否"</th>
                    {form.checklist.iter().map(|[_, _, need]| view! { <td>{need.clone()}</td> }).collect_view()}</tr>
            </tbody>
        </table>
        <p class="paper-consent">{consent}</p>
    }
    .into_any()
}

/// The rows of one 課題: its four cells span every service row below it.
fn issue_rows(issue: PreventionIssue) -> AnyView {
    let span: usize = issue
        .supports
        .iter()
        .map(|s| s.services.len().max(1))
        .sum::<usize>()
        .max(1);
    let supports = if issue.supports.is_empty() {
        vec![Default::default()]
    } else {
        issue.supports.clone()
    };
    let mut first = true;
    let mut rows = Vec::new();
    for support in supports {
        let support: crate::types::PreventionSupport = support;
        let support_span = support.services.len().max(1).to_string();
        let services = if support.services.is_empty() {
            vec![Default::default()]
        } else {
            support.services.clone()
        };
        for (i, [kind, office, period]) in services.into_iter().enumerate() {
            let issue_cells = first.then(|| {
                let span = span.to_string();
                view! {
                    <th scope="rowgroup" rowspan=span.clone()><PaperText text=issue.overall_issue.clone()/></th>
                    <td rowspan=span.clone()><PaperText text=issue.proposal.clone()/></td>
                    <td rowspan=span.clone()><PaperText text=issue.wishes.clone()/></td>
                    <td rowspan=span><PaperText text=issue.goal.clone()/></td>
                }
            });
            first = false;
            let support_cells = (i == 0).then(|| {
                view! {
                    <td rowspan=support_span.clone()><PaperText text=support.points.clone()/></td>
                    <td rowspan=support_span.clone()><PaperText text=support.informal.clone()/></td>
                    <td rowspan=support_span.clone()><PaperText text=support.formal.clone()/></td>
                }
            });
            rows.push(view! {
                <tr>
                    {issue_cells}
                    {support_cells}
                    <td><PaperText text=kind/></td>
                    <td><PaperText text=office/></td>
                    <td><PaperText text=period/></td>
                </tr>
            });
        }
    }
    view! { <tbody>{rows}</tbody> }.into_any()
}
