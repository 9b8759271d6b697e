//! The content of each paper form (帳票表示), in the order the paper prints it. Text is
//! display-ready; dates are `YYYYMMDD` and months `YYYYMM`, formatted by the page.

use super::Choice;
use serde::{Deserialize, Serialize};

/// One form's content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormBody {
    /// 第1表.
    Plan1(Plan1Form),
    /// 第2表.
    Plan2(Plan2Form),
    /// 第3表.
    Plan3(Plan3Form),
    /// 第6表 (予定 or 実績).
    Usage(UsageForm),
    /// 第7表.
    UsageDetail(UsageDetailForm),
    /// 介護予防サービス・支援計画書.
    Prevention(Box<PreventionForm>),
}

/// 第1表 居宅サービス計画書（１）.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan1Form {
    /// 作成年月日.
    pub created_on: String,
    /// 初回・紹介・継続.
    pub category: Choice,
    /// 認定済・申請中.
    pub cert_status: Choice,
    /// 居宅サービス計画作成者氏名.
    pub planner_name: String,
    /// 居宅介護支援事業者・事業所名及び所在地.
    pub agency: String,
    /// 介護支援事業者コード (事業所番号).
    pub agency_code: String,
    /// 居宅サービス計画作成（変更）日.
    pub plan_date: String,
    /// 初回居宅サービス計画作成日.
    pub first_plan_date: String,
    /// 認定日.
    pub certified_on: String,
    /// 認定の有効期間 (start, end).
    pub cert_period: (String, String),
    /// 要介護状態区分.
    pub care_level: Choice,
    /// 利用者及び家族の生活に対する意向を踏まえた課題分析の結果.
    pub assessment: String,
    /// 介護認定審査会の意見及びサービスの種類の指定.
    pub board_opinion: String,
    /// 総合的な援助の方針.
    pub overall_policy: String,
    /// 生活援助中心型の算定理由.
    pub living_support_reason: Choice,
    /// その他理由.
    pub other_reason: String,
}

/// 第2表 居宅サービス計画書（２）: 課題 → 援助目標 → 援助内容.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan2Form {
    /// 作成年月日.
    pub created_on: String,
    /// 生活全般の解決すべき課題（ニーズ）, in print order.
    pub issues: Vec<Plan2Issue>,
}

/// One 課題 of 第2表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan2Issue {
    /// 課題.
    pub text: String,
    /// 援助目標.
    pub goals: Vec<Plan2Goal>,
}

/// One 援助目標 of 第2表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan2Goal {
    /// 長期目標.
    pub long_term: String,
    /// (期間) of the long-term goal.
    pub long_period: String,
    /// 短期目標.
    pub short_term: String,
    /// (期間) of the short-term goal.
    pub short_period: String,
    /// 援助内容 (at least one row, possibly empty).
    pub services: Vec<Plan2Service>,
}

/// One 援助内容 row of 第2表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan2Service {
    /// サービス内容.
    pub content: String,
    /// ※1 保険給付の対象: 「○」, empty otherwise.
    pub insured: String,
    /// サービス種別.
    pub kind: String,
    /// ※2 当該サービス提供を行う事業所.
    pub provider: String,
    /// 頻度.
    pub frequency: String,
    /// 期間.
    pub period: String,
}

/// 第3表 週間サービス計画表: a week grid by time slot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan3Form {
    /// 作成年月日.
    pub created_on: String,
    /// Time slots from 0:00, each two hours.
    pub slots: Vec<Plan3Slot>,
    /// Services and activities without a usable time: per weekday (月…日), then activities.
    pub untimed: Option<Plan3Slot>,
    /// 週単位以外のサービス.
    pub non_weekly: Vec<String>,
}

/// One time slot row of 第3表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan3Slot {
    /// 深夜・早朝・午前・午後・夜間, on the slot that starts the band.
    pub band: Option<String>,
    /// 「8:00」.
    pub time: String,
    /// Entries per weekday, 月 to 日 (seven lists): 「9:00〜10:00 訪問介護」.
    pub days: Vec<Vec<String>>,
    /// 主な日常生活上の活動 in this slot.
    pub activities: Vec<String>,
}

/// 第6表 サービス利用票 (予定 or 実績).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageForm {
    /// True for 実績.
    pub actual: bool,
    /// 対象年月 `YYYYMM`.
    pub target_month: String,
    /// 作成年月日.
    pub created_on: String,
    /// 居宅介護支援事業者 (プラン担当業者コード).
    pub planner_office: String,
    /// 担当者名.
    pub planner_name: String,
    /// 要介護状態区分 (from the 補足).
    pub care_level: String,
    /// 区分支給限度基準額 in 単位 (from the 補足).
    pub category_limit: String,
    /// 限度額適用期間 (from the 補足).
    pub limit_period: (String, String),
    /// 前月までの短期入所利用日数.
    pub short_stay_days_before: String,
    /// Weekday of each day of the month (「月」…), one per day.
    pub weekdays: Vec<String>,
    /// One row per service (time, code, provider), counts per day.
    pub rows: Vec<UsageRow>,
}

/// One service line of 第6表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageRow {
    /// 提供時間帯 「9:00〜10:00」 or empty for services without a time.
    pub time: String,
    /// サービス内容: サービスコード, with 用具名称 and TAIS/届出コード for 福祉用具.
    pub service: String,
    /// サービス事業者事業所名 and 事業所番号.
    pub provider: String,
    /// Count per day of the month (index 0 = day 1).
    pub counts: Vec<u32>,
    /// 合計回数.
    pub total: u32,
}

/// 第7表 サービス利用票別表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageDetailForm {
    /// 対象年月 `YYYYMM`.
    pub target_month: String,
    /// 作成年月日.
    pub created_on: String,
    /// 区分支給限度管理・利用者負担計算, rows in file order (services, subtotals, total).
    pub rows: Vec<UsageDetailRow>,
    /// 種類別支給限度管理 (from the 補足): サービス種類, 限度額, 合計単位数, 超過単位数.
    pub type_limits: Vec<[String; 4]>,
    /// 区分支給限度基準額 (from the 補足).
    pub category_limit: String,
    /// 短期入所利用日数: 前月まで, 当月の計画, 累積 (first row that has them).
    pub short_stay: Option<[String; 3]>,
}

/// One row of 第7表.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsageDetailRow {
    /// `service`, `subtotal` or `total`.
    pub row_kind: String,
    /// 事業所名.
    pub provider_name: String,
    /// 事業所番号.
    pub provider_code: String,
    /// サービス内容/種類: the code, or the subtotal/total label.
    pub service: String,
    /// The 17 numeric columns of the paper form, from 単位数 to 利用者負担（全額負担分）.
    pub values: Vec<String>,
}

/// 介護予防サービス・支援計画書 with its 別表 (支援計画).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreventionForm {
    /// 整理番号.
    pub reference_no: String,
    /// 計画種類 (介護予防支援 / 介護予防ケアマネジメント) and 委託の有無.
    pub plan_kind: String,
    /// 認定年月日.
    pub certified_on: String,
    /// 認定の有効期間.
    pub cert_period: (String, String),
    /// 初回・紹介・継続.
    pub category: Choice,
    /// 認定済・申請中.
    pub cert_status: Choice,
    /// 要支援1・要支援2・地域支援事業.
    pub support_level: Choice,
    /// 計画作成者氏名 (包括の担当者, 委託先の介護支援専門員).
    pub planners: String,
    /// 委託の場合：計画作成者事業者・事業所名及び所在地（連絡先）.
    pub planner_office: String,
    /// 計画作成（変更）日.
    pub plan_date: String,
    /// 初回作成日.
    pub first_plan_date: String,
    /// 担当地域包括支援センター.
    pub support_center: String,
    /// 目標とする生活 (1日, 1年).
    pub goals: (String, String),
    /// アセスメント領域: 領域, 現在の状況, 意欲・意向, 課題の有無, 課題（背景・原因）.
    pub domains: Vec<[String; 5]>,
    /// 支援計画 (別表), grouped by 課題.
    pub issues: Vec<PreventionIssue>,
    /// True when the 別表 file was found in the same send.
    pub has_sub: bool,
    /// 健康状態について留意点.
    pub health_notes: String,
    /// 【本来行うべき支援が実施できない場合】妥当な支援の実施に向けた方針.
    pub support_policy: String,
    /// 総合的な方針.
    pub overall_policy: String,
    /// 基本チェックリスト: 項目, 該当数, 事業プログラムの要否.
    pub checklist: Vec<[String; 3]>,
    /// 地域包括支援センター意見.
    pub center_opinion: String,
    /// 同意日.
    pub consent_date: String,
    /// 同意者氏名.
    pub consent_name: String,
}

/// One 課題 of the 予防 支援計画.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreventionIssue {
    /// 総合的課題.
    pub overall_issue: String,
    /// 課題に対する目標と具体策の提案.
    pub proposal: String,
    /// 具体策についての意向 本人・家族.
    pub wishes: String,
    /// 目標.
    pub goal: String,
    /// 支援計画.
    pub supports: Vec<PreventionSupport>,
}

/// One 支援計画 row group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreventionSupport {
    /// 目標についての支援のポイント.
    pub points: String,
    /// 本人等のセルフケアや家族の支援、インフォーマルサービス.
    pub informal: String,
    /// 介護保険サービス又は地域支援事業.
    pub formal: String,
    /// 利用サービス: サービス種別, 事業所, 期間 (at least one row, possibly empty).
    pub services: Vec<[String; 3]>,
}
