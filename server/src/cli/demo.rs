//! `--demo`: two organisations with a 居宅介護支援 office and two service offices, seeded once
//! into an empty database, and their logins printed.

use crate::auth::password::Password;
use crate::clock::Clock;
use crate::db::Db;
use crate::error::InfraResult;
use crate::offices::create::{create_organisation, CreateError, NewOffice, NewPerson};
use app::types::{Email, OfficeNumber, Role, ServiceTypeCode};

/// Password of every demo account (13+ characters, as the policy asks).
pub const DEMO_PASSWORD: &str = "demo-password-2026";

/// One demo login, for the printed table.
pub struct DemoLogin {
    /// ログインID.
    pub login_id: &'static str,
    /// Who and where.
    pub description: &'static str,
}

/// Every demo login.
pub const DEMO_LOGINS: &[DemoLogin] = &[
    DemoLogin { login_id: "sakura-admin", description: "山田 花子: ケアプランセンターさくら（居宅介護支援 43）の管理者" },
    DemoLogin { login_id: "sakura-cm1", description: "佐藤 一郎: 同 ケアマネジャー（職員）" },
    DemoLogin { login_id: "sakura-cm2", description: "鈴木 美咲: 同 ケアマネジャー（職員）" },
    DemoLogin { login_id: "himawari-admin", description: "田中 健: ひまわり訪問介護（11）とひまわりデイサービス（15）の管理者（事業所の切り替えあり）" },
    DemoLogin { login_id: "himawari-helper", description: "高橋 由美: ひまわり訪問介護（11）の職員" },
    DemoLogin { login_id: "himawari-day", description: "伊藤 誠: ひまわりデイサービス（15）の管理職" },
];

fn office(
    number: &str,
    service: &str,
    name: &str,
    address: &str,
) -> Result<NewOffice, CreateError> {
    let corrupt =
        |what: &str| CreateError::Infra(crate::error::InfraError::Corrupt(what.to_string()));
    Ok(NewOffice {
        number: OfficeNumber::parse(number).map_err(|_| corrupt(number))?,
        service_type: ServiceTypeCode::parse(service).map_err(|_| corrupt(service))?,
        name: name.into(),
        address: address.into(),
    })
}

fn person(name: &str, login: &str, roles: Vec<(usize, Role)>) -> Result<NewPerson, CreateError> {
    let email = Email::parse(&format!("{login}@demo.example.jp"))
        .map_err(|_| CreateError::Infra(crate::error::InfraError::Corrupt(login.to_string())))?;
    Ok(NewPerson {
        display_name: name.into(),
        login_id: login.into(),
        email,
        password: Password::new(DEMO_PASSWORD.into()),
        roles,
    })
}

/// Seeds the demo organisations unless any organisation exists. Returns true if it seeded.
pub async fn seed(db: &Db, clock: &Clock) -> Result<bool, CreateError> {
    if has_organisations(db).await? {
        return Ok(false);
    }
    create_organisation(
        db,
        clock,
        "社会福祉法人さくら会",
        &[office(
            "1371234567",
            "43",
            "ケアプランセンターさくら",
            "東京都千代田区霞が関1-2-2",
        )?],
        vec![
            person("山田 花子", "sakura-admin", vec![(0, Role::Admin)])?,
            person("佐藤 一郎", "sakura-cm1", vec![(0, Role::Staff)])?,
            person("鈴木 美咲", "sakura-cm2", vec![(0, Role::Staff)])?,
        ],
    )
    .await?;
    create_organisation(
        db,
        clock,
        "株式会社ひまわりケア",
        &[
            office(
                "1372345678",
                "11",
                "ひまわり訪問介護",
                "東京都新宿区西新宿2-8-1",
            )?,
            office(
                "1372345679",
                "15",
                "ひまわりデイサービス",
                "東京都新宿区西新宿2-8-2",
            )?,
        ],
        vec![
            person(
                "田中 健",
                "himawari-admin",
                vec![(0, Role::Admin), (1, Role::Admin)],
            )?,
            person("高橋 由美", "himawari-helper", vec![(0, Role::Staff)])?,
            person("伊藤 誠", "himawari-day", vec![(1, Role::Manager)])?,
        ],
    )
    .await?;
    Ok(true)
}

async fn has_organisations(db: &Db) -> InfraResult<bool> {
    let row: Option<(String,)> = sqlx::query_as("select organisation_id from organisation limit 1")
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some())
}

/// The table printed at start-up.
pub fn logins_text(base_url: &str) -> String {
    let mut text =
        format!("\nデモ用ログイン（パスワードはすべて {DEMO_PASSWORD}）: {base_url}/login\n");
    for login in DEMO_LOGINS {
        text.push_str(&format!("  {:<16} {}\n", login.login_id, login.description));
    }
    text
}
