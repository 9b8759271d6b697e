//! 居宅サービス計画2表 `UP2KYO` (22 columns), spec.md §3.3.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// 居宅サービス計画書（第2表）: one record per service line, ordered by 課題ＮＯ, 援助目標ＮＯ,
    /// 援助内容ＮＯ (spec.md §3.3 row rules).
    pub struct Plan2Record {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        created_on: "居宅計画書作成年月日", 8, REQ, Date;
        plan_date: "居宅サービス計画作成（変更）日", 8, REQ, Date;
        issue_no: "課題ＮＯ", 2, OPT, Integer;
        issue: "課題", FREE, OPT, Text;
        goal_no: "援助目標ＮＯ", 2, OPT, Integer;
        long_term_goal: "長期目標", FREE, OPT, Text;
        short_term_goal: "短期目標", FREE, OPT, Text;
        long_term_period: "長期期間", FREE, OPT, Text;
        short_term_period: "短期期間", FREE, OPT, Text;
        support_no: "援助内容ＮＯ", 2, OPT, Integer;
        service_content: "サービス内容", FREE, OPT, Text;
        insurance_scope: "保険対象区分", 1, OPT, Code(INSURANCE_SCOPE);
        service_kind: "サービス種別", FREE, OPT, Text;
        provider_code: "サービス事業者コード", 10, OPT, Office;
        provider_name: "サービス事業所名", FREE, OPT, Text;
        frequency: "頻度", FREE, OPT, Text;
        period: "実施期間", FREE, OPT, Text;
        updater: "更新業者コード", 10, OPT, Office;
        identifier: "識別子", 1, OPT, Ascii;
    }
}
