use super::choice::marks;
use super::fields::{text, Field};
use super::{person_rows, PaperFields, PaperText};
use crate::format::ymd;
use crate::types::{PersonHeader, Plan1Form, SheetKey};
use leptos::prelude::*;

/// 第1表 居宅サービス計画書（１）, laid out as the MHLW 様式: the header boxes, then the four
/// text sections with their labels on the left.
#[component]
pub fn Plan1Sheet(form: Plan1Form, person: PersonHeader, key: SheetKey) -> AnyView {
    let mut rows: Vec<Vec<Field>> = vec![vec![
        ("作成年月日", text(ymd(&form.created_on))),
        ("計画書区分", marks(form.category.clone())),
        ("認定状況", marks(form.cert_status.clone())),
    ]];
    rows.extend(person_rows(&person, &key));
    let agency = if form.agency_code.is_empty() {
        form.agency.clone()
    } else {
        format!("{}（事業所番号 {}）", form.agency, form.agency_code)
    };
    rows.push(vec![(
        "居宅サービス計画作成者氏名",
        text(form.planner_name.clone()),
    )]);
    rows.push(vec![(
        "居宅介護支援事業者・事業所名及び所在地",
        text(agency),
    )]);
    rows.push(vec![
        ("居宅サービス計画作成（変更）日", text(ymd(&form.plan_date))),
        (
            "初回居宅サービス計画作成日",
            text(ymd(&form.first_plan_date)),
        ),
    ]);
    let period = format!(
        "{} 〜 {}",
        ymd(&form.cert_period.0),
        ymd(&form.cert_period.1)
    );
    rows.push(vec![
        ("認定日", text(ymd(&form.certified_on))),
        ("認定の有効期間", text(period)),
    ]);
    rows.push(vec![("要介護状態区分", marks(form.care_level.clone()))]);
    let sections = [
        (
            "利用者及び家族の生活に対する意向を踏まえた課題分析の結果",
            form.assessment.clone(),
        ),
        (
            "介護認定審査会の意見及びサービスの種類の指定",
            form.board_opinion.clone(),
        ),
        ("総合的な援助の方針", form.overall_policy.clone()),
    ];
    let other = (!form.other_reason.is_empty()).then(|| format!("（{}）", form.other_reason));
    view! {
        <PaperFields caption="第1表の基本情報" rows=rows/>
        <table class="paper-fields" data-variant="sections">
            <caption class="u-visually-hidden">"第1表の記載内容"</caption>
            <tbody>
                {sections.into_iter().map(|(label, value)| view! {
                    <tr>
                        <th class="paper-fields__label" scope="row">{label}</th>
                        <td class="paper-fields__value" data-size="tall"><PaperText text=value/></td>
                    </tr>
                }).collect_view()}
                <tr>
                    <th class="paper-fields__label" scope="row">"生活援助中心型の算定理由"</th>
                    <td class="paper-fields__value">{marks(form.living_support_reason.clone())}{other}</td>
                </tr>
            </tbody>
        </table>
    }
    .into_any()
}
