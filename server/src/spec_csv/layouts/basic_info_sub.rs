//! 利用者基本情報 別表1 `UPKIHON_SUB1` (7 columns) and 別表2 `UPKIHON_SUB2` (11 columns),
//! spec.md §3.10. No.2–4 must equal the parent 利用者基本情報 record.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// 利用者基本情報（別表1）1日の生活・すごし方: one record per time slot.
    pub struct BasicInfoSub1Record {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        consulted_on: "相談日", 8, REQ, Date;
        time: "時間", FREE, OPT, Text;
        own_life: "本人の生活状況", FREE, OPT, Text;
        family_life: "介護者・家族の生活状況", FREE, OPT, Text;
    }
}

layout! {
    /// 利用者基本情報（別表2）現病歴・既往歴: one record per illness.
    pub struct BasicInfoSub2Record {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        consulted_on: "相談日", 8, REQ, Date;
        date: "年月日", FREE, OPT, Text;
        disease: "病名", FREE, OPT, Text;
        clinic: "医療機関・医師名", FREE, OPT, Text;
        physician_flag: "主治医・意見作成者フラグ", 1, OPT, Code(ONE_TWO);
        clinic_phone: "医療機関・医師電話番号", 15, OPT, Ascii;
        course: "経過", 2, OPT, Code(COURSE);
        treatment: "治療中の内容", FREE, OPT, Text;
    }
}
