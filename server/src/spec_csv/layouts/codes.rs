//! Code lists from the spec's コード表 (spec.md §3.1–3.10).

/// 性別: 1 男, 2 女.
pub const SEX: &[&str] = &["1", "2"];
/// 認定状況区分: 1 申請中, 2 認定済.
pub const CERT_STATUS: &[&str] = &["1", "2"];
/// 要介護状態区分 (居宅): 06 事業対象者, 12/13 要支援1/2, 21–25 要介護1–5.
pub const CARE_LEVEL: &[&str] = &["06", "12", "13", "21", "22", "23", "24", "25"];
/// 要介護状態区分 (利用者基本情報 No.23): 01 非該当 instead of 06.
pub const CARE_LEVEL_BASIC: &[&str] = &["01", "12", "13", "21", "22", "23", "24", "25"];
/// 計画書区分: 11 初回 … 54 初回＆紹介＆継続.
pub const PLAN_CATEGORY: &[&str] = &["11", "12", "21", "51", "52", "53", "54"];
/// 生活援助中心型の算定理由.
pub const LIVING_SUPPORT_REASON: &[&str] = &["1", "2", "3"];
/// 保険対象区分: Y 対象, N 対象外.
pub const INSURANCE_SCOPE: &[&str] = &["Y", "N"];
/// 曜日: 1 月 … 7 日.
pub const WEEKDAY: &[&str] = &["1", "2", "3", "4", "5", "6", "7"];
/// ３０日超区分 and other 0/1 flags (1 該当, 0 非該当).
pub const FLAG01: &[&str] = &["0", "1"];
/// 1 有 / 2 無, 1 要 / 2 否, 1 自前 / 2 委託 and similar two-valued codes.
pub const ONE_TWO: &[&str] = &["1", "2"];
/// 要支援状態区分 (予防計画書): 1 要支援1, 2 要支援2, 3 地域支援事業.
pub const SUPPORT_LEVEL: &[&str] = &["1", "2", "3"];
/// 相談方法: 01 来所, 02 電話, 03 その他.
pub const CONSULT_METHOD: &[&str] = &["01", "02", "03"];
/// 相談回数: 01 初回, 02 再来.
pub const CONSULT_COUNT: &[&str] = &["01", "02"];
/// 利用者の現況: 01 在宅, 02 入院又は入所中.
pub const CURRENT_STATE: &[&str] = &["01", "02"];
/// 障害高齢者の日常生活自立度.
pub const DISABILITY_INDEPENDENCE: &[&str] =
    &["01", "11", "12", "21", "22", "31", "32", "41", "42"];
/// 認知症高齢者の日常生活自立度.
pub const DEMENTIA_INDEPENDENCE: &[&str] = &["01", "02", "03", "04", "05", "06", "07", "08"];
/// 居住形態.
pub const RESIDENCE: &[&str] = &["01", "02", "03", "04", "05", "06", "07", "08"];
/// 経過 (別表2): 01 治療中, 02 経過観察中, 03 その他.
pub const COURSE: &[&str] = &["01", "02", "03"];
