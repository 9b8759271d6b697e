//! Storage against a real S3-compatible server (moto, started by the test) and the cleanup of
//! abandoned objects.

use crate::exchange_helpers::{first_file_link, listed_deliveries, B_NUMBER};
use crate::helpers::{spawn_app_with, TestApp};
use futures_util::StreamExt;
use server::db::Backend;
use server::storage::{Storage, StorageConfig};
use sha2::{Digest, Sha256};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A moto S3 server on a free loopback port, killed when dropped.
struct Moto {
    child: Child,
    endpoint: String,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start_moto() -> Moto {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new("python3")
        .args([
            "-m",
            "moto.server",
            "-H",
            "127.0.0.1",
            "-p",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("python3 with moto[server] (scripts/ensure-test-deps installs it)");
    let endpoint = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..100 {
        if client.get(&endpoint).send().await.is_ok() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Buckets are created with an unsigned PUT (moto accepts any credentials).
    let created = client
        .put(format!("{endpoint}/portal-test"))
        .send()
        .await
        .expect("moto answers");
    assert!(
        created.status().is_success(),
        "bucket creation: {}",
        created.status()
    );
    Moto { child, endpoint }
}

fn s3_config(moto: &Moto) -> StorageConfig {
    StorageConfig::S3 {
        bucket: "portal-test".into(),
        endpoint: Some(moto.endpoint.clone()),
        region: "us-east-1".into(),
        credentials: Some(("test".into(), "test".into())),
    }
}

fn chunks(
    bytes: &[u8],
) -> impl futures_util::Stream<Item = Result<bytes::Bytes, std::io::Error>> + Unpin + '_ {
    futures_util::stream::iter(
        bytes
            .chunks(64 * 1024)
            .map(|c| Ok(bytes::Bytes::copy_from_slice(c))),
    )
}

#[tokio::test]
async fn s3_storage_streams_in_and_out_byte_for_byte() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let moto = start_moto().await;
    let storage = Storage::open(&s3_config(&moto)).unwrap();
    // 18 MB: several multipart parts.
    let original: Vec<u8> = (0..18 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect();
    let staged = storage
        .write_stream(chunks(&original), 20 * 1024 * 1024)
        .await
        .unwrap();
    assert_eq!(staged.sha256, hex::encode(Sha256::digest(&original)));
    let key = storage.promote(&staged, false).await.unwrap();
    let mut read = Vec::new();
    let mut stream = storage.read_stream(&key).await.unwrap();
    while let Some(chunk) = stream.next().await {
        read.extend_from_slice(&chunk.unwrap());
    }
    assert_eq!(read.len(), original.len());
    assert!(
        read == original,
        "the bytes read back are the bytes written"
    );
    assert!(
        storage.list("staging").await.unwrap().is_empty(),
        "staging is emptied by promote"
    );
}

/// Small files are held in memory for the upload's checks and written in one piece when
/// promoted; larger ones stream to staging in parts. Either way, the file reads back byte for
/// byte, on both stores.
async fn small_and_large_files_round_trip(storage: &Storage) {
    let small = server::storage::SMALL_FILE_BYTES as usize;
    for (len, kept) in [
        (1, true),
        (small, true),
        (small + 1, false),
        (3 * small, false),
    ] {
        let original: Vec<u8> = (0..len).map(|i| (i % 241) as u8).collect();
        let staged = storage
            .write_stream(chunks(&original), 20 * 1024 * 1024)
            .await
            .unwrap();
        assert_eq!(staged.size, len as u64);
        assert_eq!(staged.sha256, hex::encode(Sha256::digest(&original)));
        assert_eq!(
            staged.held().map(|b| b.as_ref()),
            kept.then_some(original.as_slice()),
            "{len} bytes"
        );
        assert_eq!(
            storage.list("staging").await.unwrap().len(),
            usize::from(!kept),
            "{len} bytes: only a large file is in staging before it is promoted"
        );
        let key = storage.promote(&staged, false).await.unwrap();
        assert!(
            storage.read_all(&key).await.unwrap() == original,
            "{len} bytes read back as written"
        );
    }
    assert!(storage.list("staging").await.unwrap().is_empty());
}

#[tokio::test]
async fn small_and_large_files_round_trip_on_the_local_store() {
    let dir = std::env::temp_dir().join(format!("portal-test-{}", uuid::Uuid::new_v4().simple()));
    let storage = Storage::open(&StorageConfig::Local(dir.clone())).unwrap();
    small_and_large_files_round_trip(&storage).await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn small_and_large_files_round_trip_on_s3() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let moto = start_moto().await;
    let storage = Storage::open(&s3_config(&moto)).unwrap();
    small_and_large_files_round_trip(&storage).await;
}

#[tokio::test]
async fn an_oversized_stream_to_s3_leaves_no_object() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let moto = start_moto().await;
    let storage = Storage::open(&s3_config(&moto)).unwrap();
    let data = vec![7u8; 300_000];
    let refused = storage.write_stream(chunks(&data), 100_000).await;
    assert!(matches!(
        refused,
        Err(server::storage::WriteError::TooLarge { .. })
    ));
    assert!(storage.list("staging").await.unwrap().is_empty());
    assert!(storage.list("files").await.unwrap().is_empty());
}

#[tokio::test]
async fn the_app_on_sqlite_with_s3_round_trips_byte_for_byte() {
    let moto = start_moto().await;
    let app = spawn_app_with(Backend::Sqlite, Some(s3_config(&moto))).await;
    round_trip(&app).await;
}

async fn round_trip(app: &TestApp) {
    let cm1 = app.login("a-cm1").await;
    let pdf = (
        "計画書.pdf".to_string(),
        [b"%PDF-1.7\n".to_vec(), vec![42u8; 2 * 1024 * 1024]].concat(),
    );
    let path = cm1
        .upload(
            "/uploads",
            vec![pdf.clone()],
            &[("attachment_office", B_NUMBER), ("attachment_type", "11")],
        )
        .await
        .location
        .unwrap();
    cm1.post(&format!("{path}/send"), &[]).await;
    let b = app.login("b-staff").await;
    let inbox = b.get("/inbox").await;
    let delivery = listed_deliveries(&inbox.body)
        .into_iter()
        .next()
        .expect("a delivery in the inbox");
    let page = b.get(&delivery).await;
    let file = first_file_link(&page.body);
    let (status, bytes, _) = b.get_bytes(&file).await;
    assert_eq!(status, 200);
    assert!(bytes == pdf.1, "downloaded bytes equal the upload");
}

both!(
    abandoned_uploads_and_unreferenced_objects_are_swept_after_the_grace_period,
    |app| {
        let storage = app.storage();
        // A referenced file (sent normally) …
        let cm1 = app.login("a-cm1").await;
        let kept = cm1
            .upload(
                "/uploads",
                vec![("memo.txt".into(), b"keep me".to_vec())],
                &[("attachment_office", B_NUMBER), ("attachment_type", "11")],
            )
            .await;
        assert_eq!(kept.status, 303);
        // … an orphan (stored, but the rows never committed) and an abandoned staging object.
        let orphan = storage
            .write_stream(chunks(b"orphan bytes"), 1024)
            .await
            .unwrap();
        storage.promote(&orphan, false).await.unwrap();
        // (Only a large file is staged before its upload is accepted.)
        let large = vec![b'x'; server::storage::SMALL_FILE_BYTES as usize + 1];
        storage
            .write_stream(chunks(&large), 1024 * 1024)
            .await
            .unwrap();
        let swept_now = server::exchange::cleanup::sweep(
            &app.db,
            &storage,
            wall_clock_ms(),
            server::exchange::cleanup::GRACE_MS,
        )
        .await
        .unwrap();
        assert_eq!(
            swept_now,
            Default::default(),
            "nothing younger than the grace period is touched"
        );
        let later = wall_clock_ms() + server::exchange::cleanup::GRACE_MS + 60_000;
        let swept = server::exchange::cleanup::sweep(
            &app.db,
            &storage,
            later,
            server::exchange::cleanup::GRACE_MS,
        )
        .await
        .unwrap();
        assert_eq!((swept.staging, swept.orphans), (1, 1));
        assert_eq!(
            storage.list("files").await.unwrap().len(),
            1,
            "the referenced file stays"
        );
    }
);

both!(
    bytes_an_office_sends_again_are_not_written_again_and_download_as_sent,
    |app| {
        let storage = app.storage();
        let memo = (
            "連絡.txt".to_string(),
            "同じ内容の連絡です。".as_bytes().to_vec(),
        );
        let send = |user: &'static str| {
            let memo = memo.clone();
            let (app, storage) = (&app, &storage);
            async move {
                let sender = app.login(user).await;
                let partner = [("attachment_office", B_NUMBER), ("attachment_type", "11")];
                let path = sender.upload("/uploads", vec![memo], &partner).await;
                sender
                    .post(&format!("{}/send", path.location.unwrap()), &[])
                    .await;
                storage.list("files").await.unwrap()
            }
        };
        let first = send("a-cm1").await;
        assert_eq!(first.len(), 1);
        // The same office again: the stored object is the one it already has.
        assert_eq!(send("a-cm1").await, first, "not written again");
        // Another office with the same bytes: written under its own upload (one key still).
        let other = send("c-staff").await;
        assert_eq!(other.len(), 1);
        assert_ne!(other[0].1, first[0].1, "written again for another office");
        let b = app.login("b-staff").await;
        let inbox = b.get("/inbox").await;
        let deliveries = listed_deliveries(&inbox.body);
        assert_eq!(deliveries.len(), 3);
        for delivery in deliveries {
            let page = b.get(&delivery).await;
            let file = first_file_link(&page.body);
            assert_eq!(b.get_bytes(&file).await.1, memo.1, "{delivery}");
        }
    }
);

fn wall_clock_ms() -> i64 {
    i64::try_from(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis(),
    )
    .unwrap()
}

#[tokio::test]
async fn the_app_on_postgres_with_s3_round_trips_too() {
    let moto = start_moto().await;
    let app = spawn_app_with(Backend::Postgres, Some(s3_config(&moto))).await;
    round_trip(&app).await;
}
