//! Shared vocabulary of the portal: identifiers, spec values, DTOs. No UI code.

mod caller;
mod dto;
mod email;
mod exchange;
mod form;
mod forms;
mod forms_body;
mod ids;
pub mod normalize;
mod office_number;
mod reconcile;
mod role;
mod routing;
mod routing_admin;
mod service_type;
mod version_stamp;
mod versions;

pub use caller::{Caller, CurrentOffice};
pub use dto::{
    ActiveSession, AuditEntry, AuditPage, Enrolment, LinkInfo, LinkPurpose, MyOffice,
    SessionHandle, StaffMember, TwoFactorStatus,
};
pub use email::{Email, EmailError};
pub use exchange::*;
pub use form::{FieldError, Flash};
pub use forms::{Choice, FormKind, FormSheet, FormView, PersonHeader, SheetKey};
pub use forms_body::*;
pub use ids::{DeliveryId, FileId, OfficeId, OrganisationId, OutgoingId, UserId, VersionId};
pub use office_number::{OfficeNumber, OfficeNumberError};
pub use reconcile::*;
pub use role::Role;
pub use routing::*;
pub use routing_admin::*;
pub use service_type::{ServiceTypeCode, ServiceTypeCodeError};
pub use version_stamp::VersionStamp;
pub use versions::*;
