//! 第7表 サービス利用票別表 `UPSIKYU` (37 columns; V3 34 columns), spec.md §3.8, §3.9.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// サービス利用票別表（第7表）: service rows plus subtotal rows (type + `AAAA`/`EEEE`/`ZZZZ`)
    /// and the grand-total row `999999` (spec.md §3.8).
    pub struct UsageDetailRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        created_on: "作成年月日", 8, REQ, Date;
        target_month: "対象年月", 6, REQ, Month;
        provider_name: "サービス事業所名", FREE, OPT, Text;
        provider_code: "サービス事業所コード", 10, REQ, Office;
        satellite_branch: "サテライト枝番", 2, OPT, Ascii;
        service_code: "サービスコード", 6, REQ, ServiceCode;
        tais_code: "TAISコード", 12, OPT, Ascii;
        welfare_equipment_code: "福祉用具届出コード", 12, OPT, Ascii;
        equipment_name: "用具名称（機種名）", FREE, OPT, Text;
        units: "単位数", 6, REQ, Integer;
        discount_rate: "割引後率", 5, OPT, Decimal;
        discounted_units: "割引後単位数", 6, OPT, Integer;
        count: "回数／日数", 3, REQ, Integer;
        // spec.md §3.8 reads "5?" [I]; 7 is accepted since 回数 × 単価 easily exceeds 5 digits.
        service_unit_amount: "サービス単位金額", 7, OPT, Integer;
        benefit_managed_units: "給付管理単位数", 6, OPT, Integer;
        type_limit_over_units: "種類支給限度基準超単位", 6, OPT, Integer;
        type_limit_within_units: "種類支給限度基準内単位", 6, OPT, Integer;
        category_limit_over_units: "区分支給限度基準超単位", 6, OPT, Integer;
        category_limit_within_units: "区分支給限度基準内単位", 6, OPT, Integer;
        unit_price: "単位数単価", 6, OPT, Decimal;
        total_cost: "費用総額保険／事業対象分", 6, OPT, Integer;
        benefit_rate: "給付率", 6, OPT, Integer;
        insurance_claim: "保険／事業費請求額", 6, OPT, Integer;
        fixed_copay_price: "定額利用者負担単価金額", 6, OPT, Integer;
        copay_insured: "利用者負担保険／事業対象分", 6, OPT, Integer;
        copay_full: "利用者負担（全額負担分）", 6, OPT, Integer;
        days_before: "前月までの利用日数", 5, OPT, Integer;
        planned_days: "当月の計画利用日数", 2, OPT, Integer;
        cumulative_days: "累積利用日数", 5, OPT, Integer;
        over_thirty_days: "３０日超区分", 1, REQ, Code(FLAG01);
        office_code: "事業所コード", 10, OPT, Office;
        entered_by: "入力者コード", 10, OPT, Ascii;
        updater: "更新業者コード", 10, OPT, Office;
        identifier: "識別子", 1, OPT, Ascii;
    }
}

/// Zero-based columns V3 lacks: TAISコード, 福祉用具届出コード, 用具名称 (spec.md §3.9).
pub const V3_OMITTED: &[usize] = &[9, 10, 11];
