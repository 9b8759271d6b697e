//! 送信元ルール: items from a partner office go to a named staff member when the roster names
//! no 担当 for the person. SQL and the manager recipes.

use super::{staff, RoutingAudit, RoutingService};
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Millis;
use crate::db::OfficeTx;
use crate::error::InfraResult;
use app::types::{Caller, RoutingRuleView, RulesView, StaffRef};
use app::AppError;

fn label(name: &str, number: &str) -> String {
    format!("{name}（事業所番号 {number}）")
}

/// Partner offices that have sent to this office: (id, label).
async fn partners(tx: &mut OfficeTx) -> InfraResult<Vec<(String, String)>> {
    let office = tx.office_id().to_string();
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "select distinct o.office_id, o.name, o.office_number from delivery d
           join office o on o.office_id = d.from_office_id
          where d.to_office_id = $1 order by o.name, o.office_number",
    )
    .bind(office)
    .fetch_all(tx.conn())
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, number)| (id, label(&name, &number)))
        .collect())
}

async fn save(
    tx: &mut OfficeTx,
    partner: &str,
    assignee: &str,
    by: &str,
    at: Millis,
) -> InfraResult<()> {
    let office = tx.office_id().to_string();
    sqlx::query(
        "insert into routing_rule (office_id, partner_office_id, assignee_id, updated_at, updated_by)
         values ($1, $2, $3, $4, $5)
         on conflict (office_id, partner_office_id) do update set
           assignee_id = excluded.assignee_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
    )
    .bind(office)
    .bind(partner)
    .bind(assignee)
    .bind(at)
    .bind(by)
    .execute(tx.conn())
    .await?;
    Ok(())
}

impl RoutingService {
    /// Rules with the form's choices (managers).
    pub async fn rules_view(&self, caller: &Caller) -> Result<RulesView, AppError> {
        AuthCheck::manager().check(caller)?;
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let office = tx.office_id().to_string();
        let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
            "select r.partner_office_id, o.name, o.office_number, r.assignee_id, s.display_name
               from routing_rule r join office o on o.office_id = r.partner_office_id
               join staff_account s on s.user_id = r.assignee_id
              where r.office_id = $1 order by o.name",
        )
        .bind(office)
        .fetch_all(tx.conn())
        .await
        .map_err(crate::error::InfraError::from)?;
        let partners = partners(&mut tx).await?;
        let staff = staff::choices(&mut tx).await?;
        tx.commit().await?;
        let rules = rows
            .into_iter()
            .filter_map(|(pid, name, number, uid, uname)| {
                Some(RoutingRuleView {
                    partner_id: pid,
                    partner_label: label(&name, &number),
                    assignee: StaffRef {
                        id: uid.parse().ok()?,
                        name: uname,
                    },
                })
            })
            .collect();
        Ok(RulesView {
            rules,
            partners,
            staff,
        })
    }

    /// Sets (or replaces) the rule for a partner office.
    pub async fn set_rule(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        partner: &str,
        assignee: &str,
    ) -> Result<(), AppError> {
        AuthCheck::manager().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        if !partners(&mut tx).await?.iter().any(|(id, _)| id == partner) {
            return Err(AppError::invalid(
                "partner",
                "送信元の事業所を一覧から選んでください。",
            ));
        }
        let member = staff::require_active(&mut tx, assignee, "assignee").await?;
        save(&mut tx, partner, assignee, &caller.user_id.to_string(), now).await?;
        let event = RoutingAudit::RuleSet {
            partner: partner.to_string(),
            assignee: member.id,
        };
        self.audit(&mut tx, caller, client, event).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Removes the rule for a partner office (its items go to 未割当 again).
    pub async fn delete_rule(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        partner: &str,
    ) -> Result<(), AppError> {
        AuthCheck::manager().check(caller)?;
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let office = tx.office_id().to_string();
        let done =
            sqlx::query("delete from routing_rule where office_id = $1 and partner_office_id = $2")
                .bind(office)
                .bind(partner)
                .execute(tx.conn())
                .await
                .map_err(crate::error::InfraError::from)?;
        if done.rows_affected() == 0 {
            return Err(AppError::NotFound);
        }
        let event = RoutingAudit::RuleDeleted {
            partner: partner.to_string(),
        };
        self.audit(&mut tx, caller, client, event).await?;
        tx.commit().await?;
        Ok(())
    }
}
