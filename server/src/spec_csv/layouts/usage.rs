//! 第6表 予定 `UPPLAN` and 実績 `UPJSK` (25 columns; V3 22 columns), spec.md §3.6, §3.9.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// サービス利用票（第6表）予定 / 実績: one record = one service code on one service date;
    /// add-ons are separate records (spec.md §3.6).
    pub struct UsageRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        created_on: "作成年月日", 8, REQ, Date;
        target_month: "対象年月", 6, REQ, Month;
        plan_agency_code: "プラン担当業者コード", 10, OPT, Office;
        planner_name: "プラン担当者名", FREE, OPT, Text;
        units: "単位数", 6, OPT, Integer;
        short_stay_days_before: "前月までの短期入所利用日数", 5, OPT, Integer;
        service_date: "サービス利用日", 8, REQ, Date;
        pro_rata_days: "日割対象日", 31, OPT, DayMask;
        start_time: "サービス開始時刻", 4, REQ, Time;
        end_time: "サービス終了時刻", 4, REQ, Time;
        count: "サービス回数", 2, REQ, Integer;
        service_code: "サービスコード", 6, REQ, ServiceCode;
        tais_code: "TAISコード", 12, OPT, Ascii;
        welfare_equipment_code: "福祉用具届出コード", 12, OPT, Ascii;
        equipment_name: "用具名称（機種名）", FREE, OPT, Text;
        detail_discriminator: "明細判別コード", 2, OPT, Integer;
        provider_code: "サービス事業者コード", 10, REQ, Office;
        provider_name: "サービス事業所名", FREE, OPT, Text;
        satellite_branch: "サテライト枝番", 2, OPT, Ascii;
        over_thirty_days: "３０日超区分", 1, REQ, Code(FLAG01);
        updater: "更新業者コード", 10, OPT, Office;
        identifier: "識別子", 1, OPT, Ascii;
    }
}

/// Zero-based columns of the V4 layout that V3 (CSV version 202208 and earlier) lacks:
/// TAISコード, 福祉用具届出コード, 用具名称 were added in 4.0 (spec.md §3.9).
pub const V3_OMITTED: &[usize] = &[15, 16, 17];
