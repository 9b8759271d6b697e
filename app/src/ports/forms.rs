use crate::error::AppError;
use crate::types::{Caller, DeliveryId, FileId, FormView};

/// 帳票表示: a stored file of a delivery shown as its paper form.
#[async_trait::async_trait]
pub trait FormsPort: Send + Sync {
    /// One file of a delivery the caller's office sent or received, as its paper form. Each
    /// view is audited; the recipient's first view is the delivery's 開封.
    async fn get_form(
        &self,
        caller: &Caller,
        delivery: DeliveryId,
        file: FileId,
    ) -> Result<FormView, AppError>;
}
