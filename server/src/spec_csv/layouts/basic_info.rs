//! 利用者基本情報 `UPKIHON` (71 columns, new in V4), spec.md §3.10.

use super::codes::*;
use super::field::{Format::*, FREE, OPT, REQ};
use super::macros::layout;

layout! {
    /// 利用者基本情報 (UPKIHON): one record per 相談; keyed by 保険者番号 + 被保険者番号 + 相談日
    /// (spec.md §4.1). Lengths re-aligned by hand in spec.md [I].
    pub struct BasicInfoRecord {
        csv_version: "CSVバージョン", 6, REQ, CsvVersion;
        insurer: "保険者番号", 6, REQ, Insurer;
        insured: "被保険者番号", 10, REQ, Insured;
        consulted_on: "相談日", 8, REQ, Date;
        plan_kind: "計画種類", 1, REQ, Code(ONE_TWO);
        outsourced: "委託の有無", 1, OPT, Code(ONE_TWO);
        author: "作成担当者", FREE, OPT, Text;
        consult_method: "相談方法", 2, OPT, Code(CONSULT_METHOD);
        consult_method_other: "相談方法（その他の内容）", FREE, OPT, Text;
        consult_count: "相談回数", 2, OPT, Code(CONSULT_COUNT);
        previous_consulted_on: "前回相談日", 8, OPT, Date;
        current_state: "利用者の現況", 2, OPT, Code(CURRENT_STATE);
        current_state_note: "利用者の現況（状況補足）", FREE, OPT, Text;
        name_kana: "利用者氏名ﾌﾘｶﾞﾅ", FREE, REQ, Text;
        name: "利用者氏名", FREE, REQ, Text;
        sex: "利用者性別", 1, REQ, Code(SEX);
        birth_date: "利用者生年月日", 8, REQ, Date;
        address: "利用者住所", FREE, OPT, Text;
        phone: "利用者電話番号", 15, OPT, Ascii;
        fax: "利用者Fax番号", 15, OPT, Ascii;
        disability_independence: "障害高齢者の日常生活自立度", 2, OPT, Code(DISABILITY_INDEPENDENCE);
        dementia_independence: "認知症高齢者の日常生活自立度", 2, OPT, Code(DEMENTIA_INDEPENDENCE);
        care_level: "要介護状態区分", 2, OPT, Code(CARE_LEVEL_BASIC);
        cert_start: "認定有効期限開始日", 8, OPT, Date;
        cert_end: "認定有効期間終了日", 8, OPT, Date;
        previous_care_level: "前回の介護度", 2, OPT, Code(CARE_LEVEL_BASIC);
        checklist_result: "基本チェックリスト記入結果", 1, OPT, Code(ONE_TWO);
        checklist_date: "基本チェックリスト記入日", 8, OPT, Date;
        physical_disability: "障害等認定（身障）", 1, OPT, Code(FLAG01);
        intellectual_disability: "障害等認定（療育）", 1, OPT, Code(FLAG01);
        mental_disability: "障害等認定（精神）", 1, OPT, Code(FLAG01);
        intractable_disease: "障害等認定（難病）", 1, OPT, Code(FLAG01);
        disability_note: "障害等認定（特記事項）", FREE, OPT, Text;
        residence: "居住形態", 2, OPT, Code(RESIDENCE);
        room_floor: "自室の階数", 2, OPT, Integer;
        home_renovation: "住宅改修の有無", 1, OPT, Code(ONE_TWO);
        national_pension: "経済状況（国民年金）", 1, OPT, Code(FLAG01);
        employee_pension: "経済状況（厚生年金）", 1, OPT, Code(FLAG01);
        disability_pension: "経済状況（障害年金）", 1, OPT, Code(FLAG01);
        public_assistance: "経済状況（生活保護）", 1, OPT, Code(FLAG01);
        economy_note: "経済状況詳細", FREE, OPT, Text;
        visitor_name: "来所者（相談者）氏名", FREE, OPT, Text;
        visitor_address: "来所者（相談者）住所", FREE, OPT, Text;
        visitor_phone: "来所者（相談者）電話番号", 15, OPT, Ascii;
        visitor_relation: "来所者（相談者）続柄", FREE, OPT, Text;
        emergency1_name: "緊急連絡先1 氏名", FREE, OPT, Text;
        emergency1_relation: "緊急連絡先1 続柄", FREE, OPT, Text;
        emergency1_address: "緊急連絡先1 住所", FREE, OPT, Text;
        emergency1_phone: "緊急連絡先1 電話番号", 15, OPT, Ascii;
        emergency2_name: "緊急連絡先2 氏名", FREE, OPT, Text;
        emergency2_relation: "緊急連絡先2 続柄", FREE, OPT, Text;
        emergency2_address: "緊急連絡先2 住所", FREE, OPT, Text;
        emergency2_phone: "緊急連絡先2 電話番号", 15, OPT, Ascii;
        emergency3_name: "緊急連絡先3 氏名", FREE, OPT, Text;
        emergency3_relation: "緊急連絡先3 続柄", FREE, OPT, Text;
        emergency3_address: "緊急連絡先3 住所", FREE, OPT, Text;
        emergency3_phone: "緊急連絡先3 電話番号", 15, OPT, Ascii;
        emergency4_name: "緊急連絡先4 氏名", FREE, OPT, Text;
        emergency4_relation: "緊急連絡先4 続柄", FREE, OPT, Text;
        emergency4_address: "緊急連絡先4 住所", FREE, OPT, Text;
        emergency4_phone: "緊急連絡先4 電話番号", 15, OPT, Ascii;
        family_image: "家族構成 画像ファイル名", FREE, OPT, Text;
        family_situation: "家族関係等の状況", FREE, OPT, Text;
        life_history: "今までの生活", FREE, OPT, Text;
        daily_life: "１日の生活・すごし方（生活全般）", FREE, OPT, Text;
        hobbies: "趣味・楽しみ・特技", FREE, OPT, Text;
        community: "友人・地域との関係", FREE, OPT, Text;
        public_services: "現在利用している公的サービス", FREE, OPT, Text;
        private_services: "現在利用している非公的サービス", FREE, OPT, Text;
        consent_date: "同意日", 8, OPT, Date;
        consent_name: "同意者氏名", FREE, OPT, Text;
    }
}
