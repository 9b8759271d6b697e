//! 介護予防サービス・支援計画書 別表 `UPYOBO_SUB` (17 columns), spec.md §3.10.

use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// 介護予防サービス・支援計画書（別表）支援計画: non-NO fields of a 課題 appear only on its
    /// first row (spec.md §3.10 row rule). No.2–4 must equal the parent UPYOBO record.
    pub struct PreventionPlanSubRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        plan_date: "計画作成（変更）日", 8, REQ, Date;
        issue_no: "課題ＮＯ", 2, OPT, Integer;
        overall_issue: "総合的課題", FREE, OPT, Text;
        proposal: "課題に対する目標と具体策の提案", FREE, OPT, Text;
        wishes: "具体策についての意向 本人・家族", FREE, OPT, Text;
        goal: "目標", FREE, OPT, Text;
        support_no: "支援計画ＮＯ", 2, OPT, Integer;
        support_points: "【支援計画】目標についての支援のポイント", FREE, OPT, Text;
        informal_support: "【支援計画】本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）", FREE, OPT, Text;
        formal_support: "【支援計画】介護保険サービス又は地域支援事業（総合事業のサービス）", FREE, OPT, Text;
        service_no: "利用サービスＮＯ", 2, OPT, Integer;
        service_kind: "【利用サービス】サービス種別", FREE, OPT, Text;
        service_office: "【利用サービス】事業所（利用先）", FREE, OPT, Text;
        service_period: "【利用サービス】期間", FREE, OPT, Text;
    }
}
