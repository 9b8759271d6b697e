//! `server create-org`: the system operator registers an organisation (法人), its offices and
//! its first admin, who then adds everyone else in the browser.

use crate::auth::password::Password;
use crate::clock::Clock;
use crate::db::Db;
use crate::offices::create::{create_organisation, CreatedOrganisation, NewOffice, NewPerson};
use app::types::{Email, OfficeNumber, Role, ServiceTypeCode};

/// Arguments of `create-org`.
#[derive(Debug, clap::Args)]
pub struct CreateOrgArgs {
    /// 法人名, e.g. 社会福祉法人さくら会
    #[arg(long)]
    pub name: String,
    /// An office as NUMBER:TYPE:NAME[:ADDRESS], e.g. 1371234567:43:ケアプランセンターさくら (repeatable)
    #[arg(long = "office", required = true)]
    pub offices: Vec<String>,
    /// 氏名 of the first admin
    #[arg(long)]
    pub admin_name: String,
    /// ログインID of the first admin
    #[arg(long)]
    pub admin_login: String,
    /// メールアドレス of the first admin
    #[arg(long)]
    pub admin_email: String,
    /// Initial password of the first admin (13+ characters); read from the environment so it
    /// never shows in the process list or shell history
    #[arg(long, env = "PORTAL_ADMIN_PASSWORD", hide_env_values = true)]
    pub admin_password: String,
}

/// Parses `NUMBER:TYPE:NAME[:ADDRESS]`.
pub fn parse_office(spec: &str) -> Result<NewOffice, String> {
    let mut parts = spec.splitn(4, ':');
    let number = parts.next().unwrap_or_default();
    let service = parts.next().unwrap_or_default();
    let name = parts.next().unwrap_or_default().trim();
    let address = parts.next().unwrap_or_default().trim();
    let number = OfficeNumber::parse(number).map_err(|e| format!("{spec}: {e}"))?;
    let service_type = ServiceTypeCode::parse(service).map_err(|e| format!("{spec}: {e}"))?;
    if name.is_empty() {
        return Err(format!(
            "{spec}: 事業所名がありません (NUMBER:TYPE:NAME[:ADDRESS])"
        ));
    }
    Ok(NewOffice {
        number,
        service_type,
        name: name.to_string(),
        address: address.to_string(),
    })
}

/// Runs the command.
pub async fn run(
    db: &Db,
    clock: &Clock,
    args: CreateOrgArgs,
) -> Result<CreatedOrganisation, String> {
    let offices = args
        .offices
        .iter()
        .map(|s| parse_office(s))
        .collect::<Result<Vec<_>, _>>()?;
    let email = Email::parse(&args.admin_email).map_err(|e| e.to_string())?;
    if args.admin_password.chars().count() < crate::accounts::password_policy::MIN_CHARS {
        return Err("PORTAL_ADMIN_PASSWORD: 13文字以上にしてください".into());
    }
    let admin = NewPerson {
        display_name: args.admin_name,
        login_id: crate::accounts::new_staff::normalise_login_id(&args.admin_login),
        email,
        password: Password::new(args.admin_password),
        roles: (0..offices.len()).map(|i| (i, Role::Admin)).collect(),
    };
    create_organisation(db, clock, &args.name, &offices, vec![admin])
        .await
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_spec_with_address_parses() {
        let office =
            parse_office("1371234567:43:ケアプランセンターさくら:東京都千代田区1-1").unwrap();
        assert_eq!(office.number.as_str(), "1371234567");
        assert_eq!(office.service_type.as_str(), "43");
        assert_eq!(office.address, "東京都千代田区1-1");
    }

    #[test]
    fn a_nine_digit_office_number_is_refused() {
        assert!(parse_office("137123456:43:x").is_err());
    }
}
