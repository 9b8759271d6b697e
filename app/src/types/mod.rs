//! Shared vocabulary of the portal: identifiers, spec values, DTOs. No UI code.

mod caller;
mod dto;
mod email;
mod exchange;
mod form;
mod ids;
pub mod normalize;
mod office_number;
mod role;
mod service_type;

pub use caller::{Caller, CurrentOffice};
pub use dto::{
    ActiveSession, AuditEntry, AuditPage, Enrolment, LinkInfo, LinkPurpose, MyOffice,
    SessionHandle, StaffMember, TwoFactorStatus,
};
pub use email::{Email, EmailError};
pub use exchange::*;
pub use form::{FieldError, Flash};
pub use ids::{DeliveryId, FileId, OfficeId, OrganisationId, OutgoingId, UserId};
pub use office_number::{OfficeNumber, OfficeNumberError};
pub use role::Role;
pub use service_type::{ServiceTypeCode, ServiceTypeCodeError};
