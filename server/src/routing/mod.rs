//! 担当の振り分け (issue 7): every received item is routed per insured person to the staff
//! member in charge: (1) the 利用者台帳's 担当, else (2) a 送信元ルール, else (3) the office's
//! 未割当 queue; absence cover redirects new items. Managers assign and reassign; assignees move
//! their work through 未読 → 対応中 → 取込済 → 完了 and leave internal notes. Every change goes
//! into the item's history and the audit log.

pub mod assign;
pub mod audit;
pub mod brief;
pub mod cover;
pub mod digest;
pub mod handover;
pub mod item;
pub mod notify;
pub mod port;
pub mod receive;
pub mod roster;
pub mod roster_csv;
pub mod roster_service;
pub mod rules;
pub mod staff;
pub mod status;
pub mod store;

pub use audit::RoutingAudit;

use crate::auth::ClientInfo;
use crate::clock::Clock;
use crate::db::{Db, OfficeTx};
use crate::error::InfraResult;
use app::types::Caller;

/// The routing service.
#[derive(Clone, Debug)]
pub struct RoutingService {
    db: Db,
    clock: Clock,
    /// Base URL without the trailing slash, for mail links.
    base_url: String,
}

impl RoutingService {
    /// New service.
    pub fn new(db: Db, clock: Clock, base_url: &url::Url) -> Self {
        Self {
            db,
            clock,
            base_url: base_url.as_str().trim_end_matches('/').to_string(),
        }
    }

    /// Records a routing event in the caller's office chain.
    async fn audit(
        &self,
        tx: &mut OfficeTx,
        caller: &Caller,
        client: &ClientInfo,
        event: RoutingAudit,
    ) -> InfraResult<()> {
        crate::audit::record(
            tx,
            caller,
            client,
            crate::audit::AuditEvent::Routing(event),
            self.clock.now(),
        )
        .await
    }
}
