//! 不在と代理: staff X is away from one day to another (JST); new items for X go to cover Y
//! meanwhile, and a manager may move X's open items to Y at once.

use super::handover::move_open_items;
use super::{staff, RoutingAudit, RoutingService};
use crate::auth::{AuthCheck, ClientInfo};
use crate::clock::Millis;
use app::types::{AbsenceView, AbsencesView, Caller, RouteReason, StaffRef};
use app::AppError;

const DAY_MS: i64 = 86_400_000;
const JST_MS: i64 = 9 * 3_600_000;

/// JST midnight of `YYYY-MM-DD` (also `YYYY/M/D`, `YYYYMMDD`, full-width digits), in Unix ms.
pub fn jst_day(input: &str) -> Option<Millis> {
    let folded: String = input
        .chars()
        .map(app::types::normalize::fold_full_width)
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if matches!(c, '/' | 'ー' | '‐' | '−') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let parts: Vec<&str> = folded.split('-').collect();
    let (y, m, d) = match parts[..] {
        [y, m, d] => (y, m, d),
        [all] if all.len() == 8 && all.is_ascii() => (&all[..4], &all[4..6], &all[6..]),
        _ => return None,
    };
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    let date = time::Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()?;
    Some(date.midnight().assume_utc().unix_timestamp() * 1000 - JST_MS)
}

/// `YYYY-MM-DD` (JST) of a time.
fn jst_label(ms: Millis) -> String {
    let Ok(t) = time::OffsetDateTime::from_unix_timestamp((ms + JST_MS).div_euclid(1000)) else {
        return String::new();
    };
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

/// The absence form.
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct AbsenceForm {
    #[serde(default)]
    pub absent: String,
    #[serde(default)]
    pub cover: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    /// `1` to move the absent member's open items now.
    #[serde(default)]
    pub move_open: String,
}

impl RoutingService {
    /// Current and future absences with the form's choices.
    pub async fn absences_view(&self, caller: &Caller) -> Result<AbsencesView, AppError> {
        AuthCheck::manager().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.read_office(caller.office_id()).await?;
        let office = tx.office_id().to_string();
        let rows: Vec<(String, String, String, String, String, i64, i64)> = sqlx::query_as(
            "select c.cover_id, c.absent_id, a.display_name, c.cover_user_id, b.display_name, c.starts_at, c.ends_at
               from absence_cover c join staff_account a on a.user_id = c.absent_id
               join staff_account b on b.user_id = c.cover_user_id
              where c.office_id = $1 and c.cancelled_at is null and c.ends_at > $2 order by c.starts_at",
        )
        .bind(office)
        .bind(now)
        .fetch_all(tx.conn())
        .await.map_err(crate::error::InfraError::from)?;
        let staff = staff::choices(&mut tx).await?;
        tx.commit().await?;
        let absences = rows
            .into_iter()
            .filter_map(|(id, aid, aname, cid, cname, starts, ends)| {
                Some(AbsenceView {
                    id,
                    absent: StaffRef {
                        id: aid.parse().ok()?,
                        name: aname,
                    },
                    cover: StaffRef {
                        id: cid.parse().ok()?,
                        name: cname,
                    },
                    from: jst_label(starts),
                    to: jst_label(ends - DAY_MS),
                    current: starts <= now && now < ends,
                })
            })
            .collect();
        Ok(AbsencesView { absences, staff })
    }

    /// Registers an absence; with `move_open`, moves the absent member's open items now.
    /// Returns the items moved.
    pub async fn set_absence(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        form: &AbsenceForm,
    ) -> Result<usize, AppError> {
        AuthCheck::manager().check(caller)?;
        let now = self.clock.now();
        let mut errors = Vec::new();
        let field = |f: &str, m: &str| app::types::FieldError {
            field: f.into(),
            message: m.into(),
        };
        let from = jst_day(&form.from);
        let to = jst_day(&form.to);
        if from.is_none() {
            errors.push(field(
                "from",
                "不在の開始日を「2026-04-01」の形で入力してください。",
            ));
        }
        if to.is_none() {
            errors.push(field(
                "to",
                "不在の終了日を「2026-04-03」の形で入力してください。",
            ));
        }
        if let (Some(f), Some(t)) = (from, to) {
            if t < f {
                errors.push(field(
                    "to",
                    "終了日は開始日と同じ日か、それより後にしてください。",
                ));
            } else if t + DAY_MS <= now {
                errors.push(field(
                    "to",
                    "終了日が過ぎています。今日以降の日付にしてください。",
                ));
            }
        }
        if !form.absent.is_empty() && form.absent == form.cover {
            errors.push(field(
                "cover",
                "代理の職員には、不在の職員とは別の人を選んでください。",
            ));
        }
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let absent = staff::require_active(&mut tx, &form.absent, "absent").await;
        let cover = staff::require_active(&mut tx, &form.cover, "cover").await;
        for e in [absent.as_ref().err(), cover.as_ref().err()]
            .into_iter()
            .flatten()
        {
            if let AppError::Invalid(list) = e {
                errors.extend(list.iter().cloned());
            }
        }
        let (Ok(absent), Ok(cover), Some(from), Some(to), true) =
            (absent, cover, from, to, errors.is_empty())
        else {
            return Err(AppError::Invalid(errors));
        };
        sqlx::query(
            "insert into absence_cover (cover_id, office_id, absent_id, cover_user_id, starts_at, ends_at, created_by, created_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(crate::db::new_row_id())
        .bind(tx.office_id().to_string())
        .bind(absent.id.to_string())
        .bind(cover.id.to_string())
        .bind(from)
        .bind(to + DAY_MS)
        .bind(caller.user_id.to_string())
        .bind(now)
        .execute(tx.conn())
        .await
        .map_err(crate::error::InfraError::from)?;
        let event = RoutingAudit::AbsenceSet {
            absent: absent.id,
            cover: cover.id,
        };
        self.audit(&mut tx, caller, client, event).await?;
        let mut moved = 0;
        if form.move_open == "1" {
            let from_id = absent.id.to_string();
            moved = move_open_items(
                &mut tx,
                &from_id,
                &cover,
                RouteReason::Cover,
                caller,
                &self.base_url,
                now,
            )
            .await?;
            let event = RoutingAudit::WorkMoved {
                from: absent.id,
                to: cover.id,
                persons: 0,
                items: moved,
            };
            self.audit(&mut tx, caller, client, event).await?;
        }
        tx.commit().await?;
        Ok(moved)
    }

    /// Ends an absence registration early (取り消し).
    pub async fn cancel_absence(
        &self,
        caller: &Caller,
        client: &ClientInfo,
        id: &str,
    ) -> Result<(), AppError> {
        AuthCheck::manager().check(caller)?;
        let now = self.clock.now();
        let mut tx = self.db.begin_office(caller.office_id()).await?;
        let office = tx.office_id().to_string();
        let row: Option<(String,)> = sqlx::query_as(
            "update absence_cover set cancelled_at = $1 where office_id = $2 and cover_id = $3 and cancelled_at is null
             returning absent_id",
        )
        .bind(now)
        .bind(office)
        .bind(id)
        .fetch_optional(tx.conn())
        .await
        .map_err(crate::error::InfraError::from)?;
        let absent = row
            .and_then(|(a,)| a.parse().ok())
            .ok_or(AppError::NotFound)?;
        self.audit(
            &mut tx,
            caller,
            client,
            RoutingAudit::AbsenceCancelled { absent },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::jst_day;

    #[test]
    fn japanese_dates_are_read_generously() {
        // 2026-04-01T00:00+09:00.
        let expected = Some(1_774_969_200_000);
        assert_eq!(jst_day("2026-04-01"), expected);
        assert_eq!(jst_day("２０２６－０４－０１"), expected);
        assert_eq!(jst_day("2026/4/1"), expected);
        assert_eq!(jst_day("20260401"), expected);
        assert_eq!(jst_day("2026-02-30"), None);
    }
}
