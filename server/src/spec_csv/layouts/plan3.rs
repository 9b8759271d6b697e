//! 居宅サービス計画3表 `UP3KYO` (13 columns, new in V4), spec.md §3.4.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// 週間サービス計画表（第3表）: each record is a weekly service (No.6–9), a daily activity
    /// (No.10–12) or a non-weekly service (No.13) (spec.md §3.4).
    pub struct Plan3Record {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        created_on: "週間サービス計画表作成年月日", 8, REQ, Date;
        plan_date: "居宅サービス計画作成（変更）日", 8, REQ, Date;
        service_content: "介護サービス内容", FREE, OPT, Text;
        weekday: "曜日", 1, OPT, Code(WEEKDAY);
        service_start: "開始時間", 4, OPT, Time;
        service_end: "終了時間", 4, OPT, Time;
        daily_activity: "主な日常生活上の活動", FREE, OPT, Text;
        activity_start: "開始時間（日常生活上の活動）", 4, OPT, Time;
        activity_end: "終了時間（日常生活上の活動）", 4, OPT, Time;
        non_weekly_service: "週単位以外のサービス", FREE, OPT, Text;
    }
}
