//! The interface file kinds of spec.md §1.1–1.2, identified by their file-name prefix.

/// One interface file kind (ファイル種別), named after its file-name prefix (spec.md §1.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FileKind {
    /// 利用者補足情報 `UPHOSOKU`.
    Supplement,
    /// 居宅サービス計画1表 `UP1KYO`.
    Plan1,
    /// 居宅サービス計画2表 `UP2KYO`.
    Plan2,
    /// 居宅サービス計画3表 `UP3KYO`.
    Plan3,
    /// 居宅サービス計画1表_削除 `DLT1KYO`.
    Plan1Delete,
    /// 第6表 予定 `UPPLAN`.
    UsagePlan,
    /// 第6表 実績 `UPJSK`.
    Actuals,
    /// 第6表 予定 削除 `DLTPLAN`.
    UsagePlanDelete,
    /// 第6表 実績 削除 `DLTJSK`.
    ActualsDelete,
    /// 第7表 `UPSIKYU`.
    UsageDetail,
    /// 利用者基本情報 `UPKIHON`.
    BasicInfo,
    /// 利用者基本情報 別表1 `UPKIHON_SUB1`.
    BasicInfoSub1,
    /// 利用者基本情報 別表2 `UPKIHON_SUB2`.
    BasicInfoSub2,
    /// 家族構成 画像 `UPKIHON_IMAGE` (JPEG).
    BasicInfoImage,
    /// 利用者基本情報_削除 `DLTKIHON`.
    BasicInfoDelete,
    /// 介護予防サービス・支援計画書 `UPYOBO`.
    PreventionPlan,
    /// 介護予防サービス・支援計画書 別表 `UPYOBO_SUB`.
    PreventionPlanSub,
    /// 介護予防サービス・支援計画書_削除 `DLTYOBO`.
    PreventionPlanDelete,
}

impl FileKind {
    /// Every kind, longest prefixes first so that prefix matching never stops early
    /// (`UPKIHON_SUB1` before `UPKIHON`, spec.md §1.4 "Underscores").
    pub const ALL: [FileKind; 18] = [
        Self::BasicInfoImage,
        Self::BasicInfoSub1,
        Self::BasicInfoSub2,
        Self::PreventionPlanSub,
        Self::Supplement,
        Self::Plan1,
        Self::Plan2,
        Self::Plan3,
        Self::Plan1Delete,
        Self::UsagePlan,
        Self::Actuals,
        Self::UsagePlanDelete,
        Self::ActualsDelete,
        Self::UsageDetail,
        Self::BasicInfo,
        Self::BasicInfoDelete,
        Self::PreventionPlan,
        Self::PreventionPlanDelete,
    ];

    /// The file-name prefix.
    pub fn prefix(self) -> &'static str {
        match self {
            Self::Supplement => "UPHOSOKU",
            Self::Plan1 => "UP1KYO",
            Self::Plan2 => "UP2KYO",
            Self::Plan3 => "UP3KYO",
            Self::Plan1Delete => "DLT1KYO",
            Self::UsagePlan => "UPPLAN",
            Self::Actuals => "UPJSK",
            Self::UsagePlanDelete => "DLTPLAN",
            Self::ActualsDelete => "DLTJSK",
            Self::UsageDetail => "UPSIKYU",
            Self::BasicInfo => "UPKIHON",
            Self::BasicInfoSub1 => "UPKIHON_SUB1",
            Self::BasicInfoSub2 => "UPKIHON_SUB2",
            Self::BasicInfoImage => "UPKIHON_IMAGE",
            Self::BasicInfoDelete => "DLTKIHON",
            Self::PreventionPlan => "UPYOBO",
            Self::PreventionPlanSub => "UPYOBO_SUB",
            Self::PreventionPlanDelete => "DLTYOBO",
        }
    }

    /// The Japanese name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Self::Supplement => "利用者補足情報",
            Self::Plan1 => "居宅サービス計画書（第1表）",
            Self::Plan2 => "居宅サービス計画書（第2表）",
            Self::Plan3 => "週間サービス計画表（第3表）",
            Self::Plan1Delete => "居宅サービス計画書（第1表）削除",
            Self::UsagePlan => "サービス利用票（第6表）予定",
            Self::Actuals => "サービス利用票（第6表）実績",
            Self::UsagePlanDelete => "サービス利用票（第6表）予定 削除",
            Self::ActualsDelete => "サービス利用票（第6表）実績 削除",
            Self::UsageDetail => "サービス利用票別表（第7表）",
            Self::BasicInfo => "利用者基本情報",
            Self::BasicInfoSub1 => "利用者基本情報（別表1）",
            Self::BasicInfoSub2 => "利用者基本情報（別表2）",
            Self::BasicInfoImage => "家族構成画像",
            Self::BasicInfoDelete => "利用者基本情報 削除",
            Self::PreventionPlan => "介護予防サービス・支援計画書",
            Self::PreventionPlanSub => "介護予防サービス・支援計画書（別表）",
            Self::PreventionPlanDelete => "介護予防サービス・支援計画書 削除",
        }
    }

    /// True when the name carries a YYYYMM segment after the prefix (spec.md §1.1 last column).
    pub fn has_month(self) -> bool {
        matches!(
            self,
            Self::Supplement
                | Self::UsagePlan
                | Self::Actuals
                | Self::UsagePlanDelete
                | Self::ActualsDelete
                | Self::UsageDetail
        )
    }

    /// True for the JPEG family image, the only non-CSV kind (spec.md §1.2).
    pub fn is_image(self) -> bool {
        self == Self::BasicInfoImage
    }

    /// True for the deletion files (spec.md §4.2).
    pub fn is_deletion(self) -> bool {
        matches!(
            self,
            Self::Plan1Delete
                | Self::UsagePlanDelete
                | Self::ActualsDelete
                | Self::BasicInfoDelete
                | Self::PreventionPlanDelete
        )
    }

    /// Finds the kind for an exact prefix.
    pub fn from_prefix(prefix: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.prefix() == prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prefix_maps_back_to_its_kind() {
        for kind in FileKind::ALL {
            assert_eq!(FileKind::from_prefix(kind.prefix()), Some(kind));
        }
        assert_eq!(FileKind::from_prefix("UPFOO"), None);
    }
}
