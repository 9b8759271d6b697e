//! 介護予防サービス・支援計画書 `UPYOBO` (57 columns, new in V4), spec.md §3.10.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// 介護予防サービス・支援計画書 (UPYOBO): keyed by 保険者番号 + 被保険者番号 + 計画作成(変更)日
    /// (spec.md §4.1). Lengths re-aligned by hand in spec.md [I].
    pub struct PreventionPlanRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        plan_date: "計画作成（変更）日", 8, REQ, Date;
        plan_kind: "計画種類", 1, REQ, Code(ONE_TWO);
        outsourced: "委託の有無", 1, OPT, Code(ONE_TWO);
        reference_no: "整理番号", FREE, OPT, Text;
        name: "利用者名", FREE, REQ, Text;
        certified_on: "認定年月日", 8, OPT, Date;
        cert_start: "認定有効期間開始日", 8, OPT, Date;
        cert_end: "認定有効期間終了日", 8, OPT, Date;
        plan_category: "計画書区分", 2, OPT, Code(PLAN_CATEGORY);
        cert_status: "認定状況区分", 1, OPT, Code(CERT_STATUS);
        support_level: "要支援状態区分", 1, OPT, Code(SUPPORT_LEVEL);
        center_staff_name: "計画作成者氏名（地域包括支援センター担当者名）", FREE, OPT, Text;
        care_manager_name: "計画作成者氏名（担当介護支援専門員名）", FREE, OPT, Text;
        planner_office_name: "計画作成者事業者・事業所名", FREE, OPT, Text;
        planner_office_address: "計画作成者事業者・事業所所在地", FREE, OPT, Text;
        planner_office_phone: "計画作成者事業者・事業所電話番号", 15, OPT, Ascii;
        first_plan_date: "初回作成日", 8, OPT, Date;
        support_center: "担当地域包括支援センター", FREE, OPT, Text;
        goal_day: "目標とする生活（1日）", FREE, OPT, Text;
        goal_year: "目標とする生活（1年）", FREE, OPT, Text;
        mobility_current: "【運動・移動】現在の状況", FREE, OPT, Text;
        mobility_wishes: "【運動・移動】本人・家族の意欲・意向", FREE, OPT, Text;
        mobility_has_issue: "【運動・移動】領域における課題の有無", 1, OPT, Code(ONE_TWO);
        mobility_issue: "【運動・移動】課題（背景・原因）", FREE, OPT, Text;
        household_current: "【日常生活（家庭生活）】現在の状況", FREE, OPT, Text;
        household_wishes: "【日常生活（家庭生活）】本人・家族の意欲・意向", FREE, OPT, Text;
        household_has_issue: "【日常生活（家庭生活）】領域における課題の有無", 1, OPT, Code(ONE_TWO);
        household_issue: "【日常生活（家庭生活）】課題（背景・原因）", FREE, OPT, Text;
        social_current: "【社会参加、対人関係・コミュニケーション】現在の状況", FREE, OPT, Text;
        social_wishes: "【社会参加、対人関係・コミュニケーション】本人・家族の意欲・意向", FREE, OPT, Text;
        social_has_issue: "【社会参加、対人関係・コミュニケーション】領域における課題の有無", 1, OPT, Code(ONE_TWO);
        social_issue: "【社会参加、対人関係・コミュニケーション】課題（背景・原因）", FREE, OPT, Text;
        health_current: "【健康管理】現在の状況", FREE, OPT, Text;
        health_wishes: "【健康管理】本人・家族の意欲・意向", FREE, OPT, Text;
        health_has_issue: "【健康管理】領域における課題の有無", 1, OPT, Code(ONE_TWO);
        health_issue: "【健康管理】課題（背景・原因）", FREE, OPT, Text;
        health_notes: "健康状態について留意点", FREE, OPT, Text;
        support_policy: "妥当な支援の実施に向けた方針", FREE, OPT, Text;
        overall_policy: "総合的な方針", FREE, OPT, Text;
        checklist_exercise: "基本チェックリストの該当数（運動不足）", 1, OPT, Integer;
        checklist_nutrition: "基本チェックリストの該当数（栄養改善）", 1, OPT, Integer;
        checklist_oral: "基本チェックリストの該当数（口腔内ケア）", 1, OPT, Integer;
        checklist_withdrawal: "基本チェックリストの該当数（閉じこもり予防）", 1, OPT, Integer;
        checklist_memory: "基本チェックリストの該当数（物忘れ予防）", 1, OPT, Integer;
        checklist_depression: "基本チェックリストの該当数（うつ予防）", 1, OPT, Integer;
        program_exercise: "事業プログラムの要否（運動不足）", 1, OPT, Code(ONE_TWO);
        program_nutrition: "事業プログラムの要否（栄養改善）", 1, OPT, Code(ONE_TWO);
        program_oral: "事業プログラムの要否（口腔内ケア）", 1, OPT, Code(ONE_TWO);
        program_withdrawal: "事業プログラムの要否（閉じこもり予防）", 1, OPT, Code(ONE_TWO);
        program_memory: "事業プログラムの要否（物忘れ予防）", 1, OPT, Code(ONE_TWO);
        program_depression: "事業プログラムの要否（うつ予防）", 1, OPT, Code(ONE_TWO);
        center_opinion: "地域包括支援センター意見", FREE, OPT, Text;
        consent_date: "同意日", 8, OPT, Date;
        consent_name: "同意者氏名", FREE, OPT, Text;
    }
}
