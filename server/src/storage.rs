//! File storage over `object_store`: the local file system by default, any S3-compatible
//! store in production. Files are content-addressed (`files/ab/abcdef…`, the SHA-256 of the
//! bytes), so a file is stored once however often it is sent. A large upload streams through a
//! staging key and is renamed into place once its hash is known; a small one is held in memory
//! and written straight to its key, unless the office already stored the same bytes. Keys never
//! contain a user's file name.

use crate::error::{InfraError, InfraResult};
use bytes::Bytes;
use futures_util::stream::BoxStream;
use futures_util::StreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, WriteMultipart};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// Where files are kept.
#[derive(Clone, Debug)]
pub enum StorageConfig {
    /// A folder on this machine.
    Local(std::path::PathBuf),
    /// An S3-compatible bucket.
    S3 {
        /// Bucket name.
        bucket: String,
        /// Endpoint URL (`http://127.0.0.1:8333` for a local server); `None` for AWS itself.
        endpoint: Option<String>,
        /// Region.
        region: String,
        /// Access key id and secret; when absent, the usual AWS_* variables (or instance
        /// credentials) are used.
        credentials: Option<(String, String)>,
    },
}

/// The object store handle.
#[derive(Clone, Debug)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
}

/// A file received, with what was measured on the way: a large one streamed to the store's
/// staging area, a small one held in memory. It becomes permanent with [`Storage::promote`],
/// or goes with [`Storage::discard`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StagedBlob {
    /// Where the bytes are until the file is promoted.
    pub content: Received,
    /// SHA-256 of the bytes, hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// The first bytes (for magic-number checks).
    pub head: Vec<u8>,
}

/// Where a received file's bytes are until [`Storage::promote`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Received {
    /// A small file (at most [`SMALL_FILE_BYTES`]), whole: it is checked without reading it
    /// back, and written by [`Storage::promote`].
    Held(Bytes),
    /// A larger file, streamed to this staging key (unique to the upload).
    Staged(String),
}

impl StagedBlob {
    /// The whole file, when it is held in memory.
    pub fn held(&self) -> Option<&Bytes> {
        match &self.content {
            Received::Held(bytes) => Some(bytes),
            Received::Staged(_) => None,
        }
    }
}

/// Files up to this size are collected while they arrive, checked from memory and written
/// with one `put` straight to their content-addressed key when the upload is accepted (on the
/// local file system no staging file to create, rename and replace; on S3 one request), or not
/// at all when the office already stored the same bytes. Larger files stream to the store in
/// parts. `WriteMultipart` holds up to a 5 MB part in memory anyway, so an upload of 30 small
/// files holds no more than one large one.
pub const SMALL_FILE_BYTES: u64 = 256 * 1024;

/// Why a streamed write stopped.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The file grew past the limit (nothing is kept).
    #[error("file larger than {limit} bytes")]
    TooLarge {
        /// The limit in bytes.
        limit: u64,
    },
    /// The client's stream broke (nothing is kept).
    #[error("upload interrupted: {0}")]
    Interrupted(String),
    /// The store failed.
    #[error(transparent)]
    Infra(#[from] InfraError),
}

const HEAD_BYTES: usize = 16;

impl Storage {
    /// Opens the configured store (creating the local folder).
    pub fn open(config: &StorageConfig) -> InfraResult<Self> {
        let store: Arc<dyn ObjectStore> = match config {
            StorageConfig::Local(dir) => {
                std::fs::create_dir_all(dir)?;
                Arc::new(LocalFileSystem::new_with_prefix(dir)?)
            }
            StorageConfig::S3 {
                bucket,
                endpoint,
                region,
                credentials,
            } => {
                let mut builder = AmazonS3Builder::from_env()
                    .with_bucket_name(bucket)
                    .with_region(region);
                if let Some((key, secret)) = credentials {
                    builder = builder
                        .with_access_key_id(key)
                        .with_secret_access_key(secret);
                }
                if let Some(endpoint) = endpoint {
                    builder = builder
                        .with_endpoint(endpoint)
                        .with_allow_http(endpoint.starts_with("http://"));
                }
                Arc::new(builder.build()?)
            }
        };
        Ok(Self { store })
    }

    /// Wraps any store (tests use `InMemory`).
    pub fn from_store(store: Arc<dyn ObjectStore>) -> Self {
        Self { store }
    }

    /// Streams `chunks` into the store, hashing on the way; refuses more than `limit` bytes.
    /// On any failure the staged object is removed, so nothing half-written stays visible.
    pub async fn write_stream<S, E>(
        &self,
        mut chunks: S,
        limit: u64,
    ) -> Result<StagedBlob, WriteError>
    where
        S: futures_util::Stream<Item = Result<Bytes, E>> + Unpin,
        E: std::fmt::Display,
    {
        let staging = Path::from(format!("staging/{}", uuid::Uuid::new_v4().simple()));
        // A small file is collected here; past `SMALL_FILE_BYTES` it streams in parts.
        let mut small: Vec<Bytes> = Vec::new();
        let mut writer: Option<WriteMultipart> = None;
        let mut hasher = Sha256::new();
        let mut size: u64 = 0;
        let mut head = Vec::with_capacity(HEAD_BYTES);
        let outcome: Result<(), WriteError> = async {
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk.map_err(|e| WriteError::Interrupted(e.to_string()))?;
                size += chunk.len() as u64;
                if size > limit {
                    return Err(WriteError::TooLarge { limit });
                }
                if head.len() < HEAD_BYTES {
                    let take = (HEAD_BYTES - head.len()).min(chunk.len());
                    head.extend_from_slice(&chunk[..take]);
                }
                hasher.update(&chunk);
                if writer.is_none() && size > SMALL_FILE_BYTES {
                    let upload = self
                        .store
                        .put_multipart(&staging)
                        .await
                        .map_err(InfraError::from)?;
                    let mut parts = WriteMultipart::new(upload);
                    for collected in small.drain(..) {
                        parts.put(collected);
                    }
                    writer = Some(parts);
                }
                match writer.as_mut() {
                    Some(parts) => {
                        parts.wait_for_capacity(4).await.map_err(InfraError::from)?;
                        parts.put(chunk);
                    }
                    None => small.push(chunk),
                }
            }
            Ok(())
        }
        .await;
        if let Err(error) = outcome {
            if let Some(parts) = writer {
                let _ = parts.abort().await;
                let _ = self.store.delete(&staging).await;
            }
            return Err(error);
        }
        let content = match writer {
            Some(parts) => {
                parts.finish().await.map_err(InfraError::from)?;
                Received::Staged(staging.to_string())
            }
            None => {
                let mut whole = bytes::BytesMut::with_capacity(small.iter().map(Bytes::len).sum());
                for collected in &small {
                    whole.extend_from_slice(collected);
                }
                Received::Held(whole.freeze())
            }
        };
        let sha256 = hex::encode(hasher.finalize());
        Ok(StagedBlob {
            content,
            sha256,
            size,
            head,
        })
    }

    /// The permanent, content-addressed key of a hash.
    pub fn key_for(sha256: &str) -> String {
        format!("files/{}/{}", sha256.get(..2).unwrap_or("00"), sha256)
    }

    /// Puts a received file at its content-addressed key (identical content may already be
    /// there: it is the same bytes) and returns that key. Call before committing the rows.
    /// `stored`: a file row of the uploading office already names these bytes, so they are in
    /// place for good (blob rows are never deleted, and the cleanup keeps every object a row
    /// names): a small file is then not written again.
    pub async fn promote(&self, blob: &StagedBlob, stored: bool) -> InfraResult<String> {
        let key = Self::key_for(&blob.sha256);
        match &blob.content {
            Received::Staged(staging) => {
                self.store
                    .rename(&Path::from(staging.as_str()), &Path::from(key.as_str()))
                    .await?
            }
            Received::Held(_) if stored => {}
            // One atomic put: an object at this key is always whole.
            Received::Held(bytes) => {
                self.store
                    .put(&Path::from(key.as_str()), bytes.clone().into())
                    .await?;
            }
        }
        Ok(key)
    }

    /// The bytes of a received file: from memory when it is small, else from staging.
    pub async fn received_bytes(&self, blob: &StagedBlob) -> InfraResult<Bytes> {
        match &blob.content {
            Received::Held(bytes) => Ok(bytes.clone()),
            Received::Staged(staging) => self.read_all(staging).await,
        }
    }

    /// Removes a received file that will not be kept (a small one was never written).
    pub async fn discard(&self, blob: &StagedBlob) {
        if let Received::Staged(staging) = &blob.content {
            let _ = self.store.delete(&Path::from(staging.as_str())).await;
        }
    }

    /// The whole object (for validation of a CSV, at most the per-file limit).
    pub async fn read_all(&self, key: &str) -> InfraResult<Bytes> {
        Ok(self.store.get(&Path::from(key)).await?.bytes().await?)
    }

    /// The object as a stream of chunks (downloads never load a file whole).
    pub async fn read_stream(
        &self,
        key: &str,
    ) -> InfraResult<BoxStream<'static, Result<Bytes, object_store::Error>>> {
        Ok(self.store.get(&Path::from(key)).await?.into_stream())
    }

    /// Removes an object (cleanup of unreferenced blobs).
    pub async fn delete(&self, key: &str) -> InfraResult<()> {
        Ok(self.store.delete(&Path::from(key)).await?)
    }

    /// Every key under `prefix` (`files` or `staging`) with its last modification (Unix ms),
    /// for the cleanup job.
    pub async fn list(&self, prefix: &str) -> InfraResult<Vec<(String, i64)>> {
        let mut list = self.store.list(Some(&Path::from(prefix)));
        let mut out = Vec::new();
        while let Some(meta) = list.next().await {
            let meta = meta?;
            out.push((
                meta.location.to_string(),
                meta.last_modified.timestamp_millis(),
            ));
        }
        Ok(out)
    }
}
