//! `spawn_app`: the real router on port 0 with a fresh database (a new SQLite file, or a new
//! PostgreSQL database on `TEST_DATABASE_URL`'s server), a manual clock and seeded offices:
//! A (居宅介護支援, admin + care managers CM1/CM2), B (訪問介護, another organisation, plus a
//! second office B2 its admin also belongs to) and C (unrelated).

use app::types::{Email, OfficeId, OfficeNumber, Role, ServiceTypeCode, UserId};
use server::auth::password::Password;
use server::clock::Clock;
use server::config::{Config, DatabaseConfig, Environment, LinkConfig, SessionConfig};
use server::db::{Backend, Db};
use server::mail::{MailConfig, MailTransportConfig};
use server::offices::create::{create_organisation, NewOffice, NewPerson};
use server::startup::App;
use server::startup::AppState;
use std::time::Duration;

/// Password of every seeded account.
pub const PASSWORD: &str = "test-password-long-enough";

/// Where the server's admin connection for PostgreSQL tests points.
fn postgres_admin_url() -> String {
    std::env::var("TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

/// A running test server.
pub struct TestApp {
    pub base: String,
    pub db: Db,
    pub clock: Clock,
    pub backend: Backend,
    pub database_url: String,
    pub storage_dir: std::path::PathBuf,
    pub office_a: OfficeId,
    pub office_b: OfficeId,
    pub office_b2: OfficeId,
    pub cm1: UserId,
    pub b_staff: UserId,
    /// The running app's state (mail worker, services).
    pub state: AppState,
    /// Where the file mailer writes `.eml` files.
    pub mail_dir: std::path::PathBuf,
    config: Config,
    _guard: Guard,
}

/// Drops the throwaway database (PostgreSQL) or folder (SQLite) when the test ends.
struct Guard {
    backend: Backend,
    name: String,
    dir: std::path::PathBuf,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
        if self.backend == Backend::Postgres {
            let name = self.name.clone();
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                rt.block_on(async move {
                    use sqlx::Connection;
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&postgres_admin_url()).await {
                        let _ = sqlx::query(&format!(
                            "drop database if exists \"{name}\" with (force)"
                        ))
                        .execute(&mut conn)
                        .await;
                    }
                });
            })
            .join();
        }
    }
}

async fn fresh_database(backend: Backend, dir: &std::path::Path) -> (String, String) {
    match backend {
        Backend::Sqlite => (
            format!("sqlite://{}/portal.db", dir.display()),
            String::new(),
        ),
        Backend::Postgres => {
            use sqlx::Connection;
            let admin = postgres_admin_url();
            let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
            let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap_or_else(|e| {
                panic!("PostgreSQL is not reachable at {admin} ({e}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start")
            });
            sqlx::query(&format!("create database \"{name}\""))
                .execute(&mut conn)
                .await
                .expect("create test database");
            let mut url = url::Url::parse(&admin).expect("TEST_DATABASE_URL");
            url.set_path(&name);
            (url.to_string(), name)
        }
    }
}

fn office(number: &str, service: &str, name: &str) -> NewOffice {
    NewOffice {
        number: OfficeNumber::parse(number).unwrap(),
        service_type: ServiceTypeCode::parse(service).unwrap(),
        name: name.into(),
        address: String::new(),
    }
}

fn person(name: &str, login: &str, roles: Vec<(usize, Role)>) -> NewPerson {
    NewPerson {
        display_name: name.into(),
        login_id: login.into(),
        email: Email::parse(&format!("{login}@example.jp")).unwrap(),
        password: Password::new(PASSWORD.into()),
        roles,
    }
}

/// Starts the server on `backend` with seeded offices and local file storage.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, None).await
}

/// Starts the server on `backend` with `storage` (default: a local folder of its own).
pub async fn spawn_app_with(
    backend: Backend,
    storage: Option<server::storage::StorageConfig>,
) -> TestApp {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let dir = std::env::temp_dir().join(format!("portal-test-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let (database_url, name) = fresh_database(backend, &dir).await;
    let guard = Guard {
        backend,
        name,
        dir: dir.clone(),
    };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let base = format!("http://{addr}");
    let mail_dir = dir.join("mail");
    let config = Config {
        environment: Environment::Development,
        bind: addr,
        base_url: url::Url::parse(&base).unwrap(),
        mail: MailConfig {
            transport: MailTransportConfig::Files {
                dir: mail_dir.clone(),
            },
            from: "ケアプラン連携ポータル <no-reply@portal.example.jp>".into(),
            // No background worker: tests send queued mail with `deliver_mail`.
            poll_interval: None,
        },
        links: LinkConfig::default(),
        database: DatabaseConfig {
            url: database_url.clone(),
            app_role: Some("portal_app".into()),
            max_connections: 5,
        },
        storage: storage
            .unwrap_or_else(|| server::storage::StorageConfig::Local(dir.join("objects"))),
        limits: server::config::UploadLimits::default(),
        session: SessionConfig {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 3600),
        },
        trust_proxy: false,
        log_json: false,
    };
    // 2026-04-01T00:00:00Z: a fixed start, moved only by the tests.
    let clock = Clock::manual(1_775_001_600_000);
    let app = App::build(config.clone(), clock.clone(), listener)
        .await
        .expect("app builds");
    let db = app.state.db.clone();
    let state = app.state.clone();
    tokio::spawn(app.run());

    let a = create_organisation(
        &db,
        &clock,
        "社会福祉法人テスト会",
        &[office("1310000001", "43", "テスト居宅介護支援事業所")],
        vec![
            person("管理 花子", "a-admin", vec![(0, Role::Admin)]),
            person("介護 一郎", "a-cm1", vec![(0, Role::Staff)]),
            person("介護 二郎", "a-cm2", vec![(0, Role::Staff)]),
        ],
    )
    .await
    .expect("seed A");
    let b = create_organisation(
        &db,
        &clock,
        "株式会社テストケア",
        &[
            office("1320000002", "11", "テスト訪問介護"),
            office("1320000003", "15", "テストデイサービス"),
        ],
        vec![
            person(
                "訪問 管理",
                "b-admin",
                vec![(0, Role::Admin), (1, Role::Admin)],
            ),
            person("訪問 職員", "b-staff", vec![(0, Role::Staff)]),
        ],
    )
    .await
    .expect("seed B");
    create_organisation(
        &db,
        &clock,
        "合同会社無関係",
        &[office("1330000004", "2A", "無関係事業所")],
        vec![person("無関係 職員", "c-staff", vec![(0, Role::Staff)])],
    )
    .await
    .expect("seed C");
    TestApp {
        base,
        db,
        clock,
        backend,
        database_url,
        storage_dir: dir.join("objects"),
        office_a: a.offices[0],
        office_b: b.offices[0],
        office_b2: b.offices[1],
        cm1: a.people[1],
        b_staff: b.people[1],
        state,
        mail_dir,
        config,
        _guard: guard,
    }
}

impl TestApp {
    /// The app's local object store, to check what it holds.
    pub fn storage(&self) -> server::storage::Storage {
        server::storage::Storage::open(&server::storage::StorageConfig::Local(
            self.storage_dir.clone(),
        ))
        .unwrap()
    }

    /// A fresh browser with no session.
    pub fn browser(&self) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            // A request that never answers fails its test instead of stalling the whole run.
            .timeout(std::time::Duration::from_secs(120))
            .build()
            .unwrap();
        Browser {
            client,
            base: self.base.clone(),
        }
    }

    /// A browser signed in as `login` (asserts the login worked).
    pub async fn login(&self, login: &str) -> Browser {
        let browser = self.browser();
        let page = browser
            .post("/login", &[("login_id", login), ("password", PASSWORD)])
            .await;
        assert_eq!(
            page.location.as_deref(),
            Some("/"),
            "login as {login} failed: {page:?}"
        );
        browser
    }

    /// The configuration this app was built with.
    pub fn config_clone(&self) -> Config {
        self.config.clone()
    }

    /// An owner connection that bypasses the app role (to play a hostile database admin).
    pub async fn owner_connection(&self) -> sqlx::AnyConnection {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        sqlx::AnyConnection::connect(&self.database_url)
            .await
            .unwrap()
    }

    /// Action codes recorded in an office's audit chain, oldest first.
    pub async fn audit_actions(&self, office: OfficeId) -> Vec<String> {
        let mut conn = self.owner_connection().await;
        let rows: Vec<(String,)> =
            sqlx::query_as("select action from audit_log where chain = $1 order by seq")
                .bind(office.to_string())
                .fetch_all(&mut conn)
                .await
                .unwrap();
        rows.into_iter().map(|r| r.0).collect()
    }

    /// Action codes of the system chain (logins without an office).
    pub async fn system_audit_actions(&self) -> Vec<String> {
        let mut conn = self.owner_connection().await;
        let rows: Vec<(String,)> =
            sqlx::query_as("select action from audit_log where chain = 'system' order by seq")
                .fetch_all(&mut conn)
                .await
                .unwrap();
        rows.into_iter().map(|r| r.0).collect()
    }
}

pub use crate::browser::{Browser, Page};
