//! Registering an organisation with its offices and first admin (system operator CLI, demo).

use crate::accounts::store::{self as account_store, NewAccount};
use crate::audit::{store as audit_store, AuditEvent};
use crate::auth::password::{self, Password};
use crate::auth::ClientInfo;
use crate::clock::Clock;
use crate::db::Db;
use crate::error::InfraError;
use app::types::{Email, OfficeId, OfficeNumber, OrganisationId, Role, ServiceTypeCode, UserId};

/// An office to register.
#[derive(Clone, Debug)]
pub struct NewOffice {
    /// 事業所番号.
    pub number: OfficeNumber,
    /// サービス種類コード.
    pub service_type: ServiceTypeCode,
    /// 事業所名.
    pub name: String,
    /// 所在地.
    pub address: String,
}

/// A person to register with a role in some of the new offices (by index).
#[derive(Clone, Debug)]
pub struct NewPerson {
    /// 氏名.
    pub display_name: String,
    /// ログインID.
    pub login_id: String,
    /// メールアドレス.
    pub email: Email,
    /// Password (hashed before storing).
    pub password: Password,
    /// (office index, role) pairs.
    pub roles: Vec<(usize, Role)>,
}

/// What was created.
#[derive(Clone, Debug)]
pub struct CreatedOrganisation {
    /// 法人.
    pub organisation: OrganisationId,
    /// Offices in the order given.
    pub offices: Vec<OfficeId>,
    /// People in the order given.
    pub people: Vec<UserId>,
}

/// Why registration failed.
#[derive(Debug, thiserror::Error)]
pub enum CreateError {
    /// 事業所番号 and type already registered.
    #[error("office {0} (type {1}) is already registered")]
    OfficeExists(String, String),
    /// Login id or e-mail taken.
    #[error("login id or e-mail of {0} is already registered")]
    PersonExists(String),
    /// A role names an office index that is not in the list.
    #[error("role for {0} names office #{1}, which does not exist")]
    BadOfficeIndex(String, usize),
    /// Database.
    #[error(transparent)]
    Infra(#[from] InfraError),
}

impl From<sqlx::Error> for CreateError {
    fn from(e: sqlx::Error) -> Self {
        Self::Infra(e.into())
    }
}

/// Creates everything in one transaction, rescoped to each office for its memberships and
/// audit entry: a failure leaves nothing behind.
pub async fn create_organisation(
    db: &Db,
    clock: &Clock,
    name: &str,
    offices: &[NewOffice],
    people: Vec<NewPerson>,
) -> Result<CreatedOrganisation, CreateError> {
    let now = clock.now();
    let organisation = OrganisationId::new();
    let mut tx = db.begin().await?;
    for office in offices {
        let exists: Option<(String,)> = sqlx::query_as(
            "select office_id from office where office_number = $1 and service_type = $2",
        )
        .bind(office.number.as_str())
        .bind(office.service_type.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        if exists.is_some() {
            return Err(CreateError::OfficeExists(
                office.number.to_string(),
                office.service_type.to_string(),
            ));
        }
    }
    for person in &people {
        if account_store::login_id_taken(&mut tx, &person.login_id).await?
            || account_store::email_taken(&mut tx, &person.email).await?
        {
            return Err(CreateError::PersonExists(person.login_id.clone()));
        }
        if let Some((index, _)) = person.roles.iter().find(|(i, _)| *i >= offices.len()) {
            return Err(CreateError::BadOfficeIndex(person.login_id.clone(), *index));
        }
    }
    sqlx::query("insert into organisation (organisation_id, name, created_at) values ($1, $2, $3)")
        .bind(organisation.to_string())
        .bind(name)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    let mut office_ids = Vec::new();
    for office in offices {
        let id = OfficeId::new();
        sqlx::query("insert into office (office_id, organisation_id, office_number, service_type, name, address, created_at) values ($1, $2, $3, $4, $5, $6, $7)")
            .bind(id.to_string())
            .bind(organisation.to_string())
            .bind(office.number.as_str())
            .bind(office.service_type.as_str())
            .bind(&office.name)
            .bind(&office.address)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        office_ids.push(id);
    }
    let mut user_ids = Vec::new();
    let mut hashed = Vec::new();
    for person in people {
        let hash = password::hash(person.password.clone()).await?;
        let user = UserId::new();
        let account = NewAccount {
            user,
            organisation,
            login_id: &person.login_id,
            email: &person.email,
            display_name: &person.display_name,
            password_hash: &hash,
            at: now,
        };
        account_store::insert_account(&mut tx, account).await?;
        user_ids.push(user);
        hashed.push(person.roles);
    }
    let client = ClientInfo {
        ip: String::new(),
        user_agent: "portal-cli".into(),
    };
    for (index, office) in office_ids.iter().enumerate() {
        let mut scoped = db.scope(tx, *office).await?;
        for (user, roles) in user_ids.iter().zip(&hashed) {
            for (_, role) in roles.iter().filter(|(i, _)| *i == index) {
                account_store::insert_membership(&mut scoped, *user, *role, now).await?;
            }
        }
        let event = AuditEvent::OrganisationCreated {
            name: name.to_string(),
        };
        audit_store::append(
            scoped.conn(),
            audit_store::NewEntry {
                office: Some(*office),
                actor: None,
                event: &event,
                client: &client,
                at: now,
            },
        )
        .await?;
        tx = scoped.into_tx();
    }
    tx.commit().await?;
    Ok(CreatedOrganisation {
        organisation,
        offices: office_ids,
        people: user_ids,
    })
}
