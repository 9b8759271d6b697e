//! 利用者補足情報 `UPHOSOKU` (63 columns), spec.md §3.1.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// 利用者補足情報 (UPHOSOKU): one record per insured person. No.4 is the 第1表 date when the
    /// file is tied to 第1–3表, `00000000` when tied to 第6/7表; No.63 the reverse (spec.md §3.1).
    pub struct SupplementRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        plan_date: "居宅サービス計画作成（変更）日", 8, REQ, DateOrZeros;
        name_kana: "利用者氏名フリガナ", FREE, OPT, Text;
        name: "利用者氏名", FREE, OPT, Text;
        sex: "利用者性別", 1, OPT, Code(SEX);
        birth_date: "利用者生年月日", 8, OPT, Date;
        postal_code: "利用者郵便番号", 8, OPT, Postal;
        address1: "利用者住所１", FREE, OPT, Text;
        address2: "利用者住所２", FREE, OPT, Text;
        phone: "利用者電話番号", 15, OPT, Ascii;
        certified_on: "認定日", 8, OPT, Date;
        limit_start: "限度額適用開始年月日", 8, OPT, Date;
        limit_end: "限度額適用終了年月日", 8, OPT, Date;
        cert_status: "認定状況区分", 1, OPT, Code(CERT_STATUS);
        care_level_changed_on: "要介護状態変更日", 8, OPT, Date;
        care_level: "要介護状態区分", 2, OPT, Code(CARE_LEVEL);
        category_limit: "区分支給限度基準額", 7, OPT, Integer;
        slot1_service_type: "サービス種類コード1", 2, OPT, ServiceType;
        slot1_limit: "支給限度基準額1", 7, OPT, Integer;
        slot1_total_units: "合計単位数1", 7, OPT, Integer;
        slot1_over_units: "限度超単位数1", 7, OPT, Integer;
        slot2_service_type: "サービス種類コード2", 2, OPT, ServiceType;
        slot2_limit: "支給限度基準額2", 7, OPT, Integer;
        slot2_total_units: "合計単位数2", 7, OPT, Integer;
        slot2_over_units: "限度超単位数2", 7, OPT, Integer;
        slot3_service_type: "サービス種類コード3", 2, OPT, ServiceType;
        slot3_limit: "支給限度基準額3", 7, OPT, Integer;
        slot3_total_units: "合計単位数3", 7, OPT, Integer;
        slot3_over_units: "限度超単位数3", 7, OPT, Integer;
        slot4_service_type: "サービス種類コード4", 2, OPT, ServiceType;
        slot4_limit: "支給限度基準額4", 7, OPT, Integer;
        slot4_total_units: "合計単位数4", 7, OPT, Integer;
        slot4_over_units: "限度超単位数4", 7, OPT, Integer;
        slot5_service_type: "サービス種類コード5", 2, OPT, ServiceType;
        slot5_limit: "支給限度基準額5", 7, OPT, Integer;
        slot5_total_units: "合計単位数5", 7, OPT, Integer;
        slot5_over_units: "限度超単位数5", 7, OPT, Integer;
        slot6_service_type: "サービス種類コード6", 2, OPT, ServiceType;
        slot6_limit: "支給限度基準額6", 7, OPT, Integer;
        slot6_total_units: "合計単位数6", 7, OPT, Integer;
        slot6_over_units: "限度超単位数6", 7, OPT, Integer;
        slot7_service_type: "サービス種類コード7", 2, OPT, ServiceType;
        slot7_limit: "支給限度基準額7", 7, OPT, Integer;
        slot7_total_units: "合計単位数7", 7, OPT, Integer;
        slot7_over_units: "限度超単位数7", 7, OPT, Integer;
        slot8_service_type: "サービス種類コード8", 2, OPT, ServiceType;
        slot8_limit: "支給限度基準額8", 7, OPT, Integer;
        slot8_total_units: "合計単位数8", 7, OPT, Integer;
        slot8_over_units: "限度超単位数8", 7, OPT, Integer;
        slot9_service_type: "サービス種類コード9", 2, OPT, ServiceType;
        slot9_limit: "支給限度基準額9", 7, OPT, Integer;
        slot9_total_units: "合計単位数9", 7, OPT, Integer;
        slot9_over_units: "限度超単位数9", 7, OPT, Integer;
        total_over_units: "合計限度超単位数", 7, OPT, Integer;
        days_before_admission: "入所前月迄利用日数", 5, OPT, Integer;
        cumulative_days: "入所累積利用日数", 5, OPT, Integer;
        previous_care_level: "前回要介護状態区分", 2, OPT, Code(CARE_LEVEL);
        consent_receiver: "同意書受付業者", 10, OPT, Office;
        updater: "更新業者コード", 10, OPT, Office;
        identifier: "識別子", 1, OPT, Ascii;
        target_month: "対象年月", 6, REQ, MonthOrZeros;
    }
}
