//! Deletion layouts: `DLT1KYO`, `DLTPLAN`, `DLTJSK`, `DLTKIHON`, `DLTYOBO` (spec.md §3.5, §3.7,
//! §3.10). They carry only key columns, all required.

use super::field::{Format::*, REQ};
use super::macros::layout;

layout! {
    /// 居宅サービス計画1表_削除 (DLT1KYO): deletes the plan with that date and its 2表/3表.
    pub struct Plan1DeleteRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        plan_date: "居宅サービス計画作成（変更）日", 8, REQ, Date;
    }
}

layout! {
    /// 第6表 予定 削除 (DLTPLAN): deletes the month's 6表 and its 7表.
    pub struct UsagePlanDeleteRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        target_month: "削除対象年月", 6, REQ, Month;
    }
}

layout! {
    /// 第6表 実績 削除 (DLTJSK): deletes the month's 実績 for one service office and type.
    pub struct ActualsDeleteRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        target_month: "削除対象年月", 6, REQ, Month;
        provider_code: "削除対象のサービス事業者コード", 10, REQ, Office;
        service_type: "サービス種類コード", 2, REQ, ServiceType;
    }
}

layout! {
    /// 利用者基本情報_削除 (DLTKIHON): deletes the base info of that 相談日 with 別表1/2 and images.
    pub struct BasicInfoDeleteRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        consulted_on: "相談日", 8, REQ, Date;
    }
}

layout! {
    /// 介護予防サービス・支援計画書_削除 (DLTYOBO): deletes the plan and its 別表.
    pub struct PreventionPlanDeleteRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        plan_date: "計画作成（変更）日", 8, REQ, Date;
    }
}
