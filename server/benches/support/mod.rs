//! What the service benchmarks share: a SQLite database with a local store, offices and
//! people made as the admin pages make them, deliveries written straight into the exchange's
//! tables, and the caller a page would pass.

#![allow(dead_code)]

use app::types::{
    Caller, CurrentOffice, Email, OfficeId, OfficeNumber, Role, ServiceTypeCode, UserId,
};
use server::auth::password::Password;
use server::clock::Clock;
use server::config::DatabaseConfig;
use server::db::{Batch, Db, OfficeTx};
use server::exchange::delivery_store::{insert_delivery, NewDelivery};
use server::exchange::store::{
    add_outgoing_files, insert_blobs, insert_files, insert_outgoing, NewFile,
};
use server::offices::create::{NewOffice, NewPerson};
use server::storage::{Storage, StorageConfig};
use std::path::{Path, PathBuf};

/// A fresh directory under the system's temporary directory, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("{name}-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A multi-threaded runtime like the server's, on two workers.
pub fn runtime() -> tokio::runtime::Runtime {
    let _ = rustls::crypto::ring::default_provider().install_default();
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// A migrated SQLite database and a local object store in `dir`.
pub async fn sqlite(dir: &Path) -> (Db, Storage) {
    let url = format!("sqlite://{}/bench.db", dir.display());
    server::db::migrate(&url).await.unwrap();
    let db = server::db::connect(&DatabaseConfig {
        url,
        app_role: None,
        max_connections: 5,
    })
    .await
    .unwrap();
    let storage = Storage::open(&StorageConfig::Local(dir.join("objects"))).unwrap();
    (db, storage)
}

/// The bench's fixed clock.
pub fn clock() -> Clock {
    Clock::manual(1_746_000_000_000)
}

/// An admin of the organisation's first office.
pub fn person(name: &str, login: &str) -> NewPerson {
    NewPerson {
        display_name: name.into(),
        login_id: login.into(),
        email: Email::parse(&format!("{login}@example.jp")).unwrap(),
        password: Password::new("bench-password-long-enough".into()),
        roles: vec![(0, Role::Admin)],
    }
}

pub fn office(number: &str, service_type: &str, name: &str) -> NewOffice {
    NewOffice {
        number: OfficeNumber::parse(number).unwrap(),
        service_type: ServiceTypeCode::parse(service_type).unwrap(),
        name: name.into(),
        address: String::new(),
    }
}

/// An admin acting in `office`.
pub fn caller(user: UserId, office: OfficeId, number: &str, service_type: &str) -> Caller {
    Caller {
        user_id: user,
        display_name: "ベンチ 利用者".into(),
        office: CurrentOffice {
            id: office,
            name: "ベンチ事業所".into(),
            number: OfficeNumber::parse(number).unwrap(),
            service_type: ServiceTypeCode::parse(service_type).unwrap(),
        },
        role: Role::Admin,
        office_count: 1,
    }
}

async fn store(storage: &Storage, bytes: &[u8]) -> (String, String, i64) {
    let chunk: Result<bytes::Bytes, std::io::Error> = Ok(bytes::Bytes::copy_from_slice(bytes));
    let staged = storage
        .write_stream(futures_util::stream::iter([chunk]), u64::MAX)
        .await
        .expect("stage");
    let key = storage.promote(&staged, false).await.expect("promote");
    (staged.sha256, key, staged.size as i64)
}

/// One standard file of a delivery.
pub struct BenchFile<'a> {
    /// Prefix (UPPLAN …).
    pub kind: &'a str,
    pub name: String,
    pub bytes: Vec<u8>,
    /// ファイル連番.
    pub stamp: &'a str,
    /// 対象年月, if the kind has one.
    pub month: Option<&'a str>,
}

/// Sends `files` from the transaction's office to `to` as one delivery; returns its id.
/// `persons` is the files' person list as the exchange stores it (JSON).
pub async fn deliver(
    tx: &mut OfficeTx,
    storage: &Storage,
    by: &str,
    to: &str,
    files: Vec<BenchFile<'_>>,
    persons: &str,
    at: i64,
) -> String {
    let outgoing = uuid::Uuid::new_v4().to_string();
    let office = tx.office_id();
    let mut batch = Batch::new();
    insert_outgoing(&mut batch, office, &outgoing, by, at);
    batch.run(tx.conn()).await.expect("outgoing");
    let mut ids = Vec::new();
    let months: Vec<&str> = files.iter().filter_map(|f| f.month).collect();
    for f in files {
        let (sha, key, size) = store(storage, &f.bytes).await;
        let id = uuid::Uuid::new_v4().to_string();
        let file = NewFile {
            file_id: &id,
            sha256: &sha,
            size,
            original_name: &f.name,
            content_type: "text/csv",
            kind: f.kind,
            target_month: f.month,
            send_stamp: Some(f.stamp),
            dest_number: None,
            dest_type: None,
            error_count: 0,
            warning_count: 0,
            report_json: "[]",
            persons_json: persons,
            at,
        };
        // The send is new: its files take positions 1, 2 … in the order given.
        let position = i64::try_from(ids.len()).expect("position") + 1;
        let mut batch = Batch::new();
        insert_blobs(&mut batch, &[(&sha, &key, size)], at);
        insert_files(&mut batch, office, &[file]);
        add_outgoing_files(&mut batch, office, &outgoing, position, &[&id]);
        batch.run(tx.conn()).await.expect("file");
        ids.push(id);
    }
    let delivery = uuid::Uuid::new_v4().to_string();
    let new = NewDelivery {
        delivery_id: &delivery,
        outgoing_id: &outgoing,
        to_office: to,
        sent_by: by,
        sent_at: at,
        file_ids: &ids,
        kinds: "",
        target_months: &months.join(" "),
        persons_text: "",
        persons_label: "",
    };
    let mut batch = Batch::new();
    insert_delivery(&mut batch, office, new);
    batch.run(tx.conn()).await.expect("delivery");
    delivery
}

/// Shift_JIS (MS932) bytes of `text`, as the standard files are written.
pub fn encode(text: &str) -> Vec<u8> {
    encoding_rs::SHIFT_JIS.encode(text).0.into_owned()
}

/// One 第6表 / 実績 record (spec.md §2: one record per service per date) of `insured` with
/// insurer 131016, from care manager `care_manager` for provider `partner`.
pub struct UsageLine<'a> {
    pub care_manager: &'a str,
    pub partner: &'a str,
    pub insured: &'a str,
    /// 対象年月 `YYYYMM`.
    pub month: &'a str,
    pub day: u32,
    /// Start hour; the visit lasts an hour.
    pub start: u32,
    pub service_code: &'a str,
    pub units: usize,
}

impl UsageLine<'_> {
    pub fn push_to(&self, out: &mut String) {
        let UsageLine {
            care_manager,
            partner,
            insured,
            month,
            day,
            start,
            service_code,
            units,
        } = self;
        out.push_str(&format!(
            "202407,131016,{insured},20250325,{month},{care_manager},\"介護　花子\",{units},,{month}{day:02},,{start:02}00,{:02}00,1,{service_code},,,,,{partner},\"訪問介護ステーション\",,0,{care_manager},\r\n",
            start + 1,
        ));
    }
}
