//! 居宅サービス計画1表 `UP1KYO` (28 columns), spec.md §3.2.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// 居宅サービス計画書（第1表）: one record per plan; No.14 is the plan-version key (spec.md §4.1).
    pub struct Plan1Record {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        created_on: "作成年月日", 8, REQ, Date;
        postal_code: "利用者郵便番号", 8, OPT, Postal;
        address1: "利用者住所１", FREE, OPT, Text;
        address2: "利用者住所２", FREE, OPT, Text;
        planner_name: "居宅サービス計画作成者氏名", FREE, REQ, Text;
        agency_name: "介護支援事業者名", FREE, REQ, Text;
        agency_postal_code: "介護支援事業者郵便番号", 8, OPT, Postal;
        agency_address1: "介護支援事業者住所１", FREE, OPT, Text;
        agency_address2: "介護支援事業者住所２", FREE, OPT, Text;
        agency_code: "介護支援事業者コード", 10, REQ, Office;
        plan_date: "居宅サービス計画作成（変更）日", 8, REQ, Date;
        first_plan_date: "初回居宅サービス計画作成日", 8, REQ, Date;
        plan_category: "計画書区分", 2, OPT, Code(PLAN_CATEGORY);
        cert_status: "認定状況区分", 1, OPT, Code(CERT_STATUS);
        certified_on: "認定日", 8, OPT, Date;
        cert_start: "認定有効期間開始日", 8, OPT, Date;
        cert_end: "認定有効期間終了日", 8, OPT, Date;
        care_level: "要介護状態区分", 2, OPT, Code(CARE_LEVEL);
        assessment: "利用者及び家族の生活に対する意向を踏まえた課題分析の結果", FREE, OPT, Text;
        board_opinion: "介護認定審査会の意見及びサービスの種類の指定", FREE, OPT, Text;
        overall_policy: "総合的な援助の方針", FREE, OPT, Text;
        living_support_reason: "生活援助中心型の算定理由", 1, OPT, Code(LIVING_SUPPORT_REASON);
        other_reason: "その他理由", FREE, OPT, Text;
        updater: "更新業者コード", 10, OPT, Office;
        identifier: "識別子", 1, OPT, Ascii;
    }
}
