//! Helpers of the exchange tests: the seeded offices' numbers, standard files, uploads.

use crate::helpers::{Browser, Page};

/// Test offices' numbers (as seeded above).
pub const A_NUMBER: &str = "1310000001";
pub const B_NUMBER: &str = "1320000002";
pub const B2_NUMBER: &str = "1320000003";
pub const C_NUMBER: &str = "1330000004";

/// The first file download link of an item page.
pub fn first_file_link(body: &str) -> String {
    body.split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.contains("/files/"))
        .expect("a file link on the page")
        .to_string()
}

/// The deliveries a 受信 or 送信済み page lists, top to bottom, as their item pages' paths: each
/// row's own link (a replaced version's 「最新版へ」 link points to another delivery).
pub fn listed_deliveries(body: &str) -> Vec<String> {
    let mut paths: Vec<String> = body
        .split("href=\"/deliveries/")
        .skip(1)
        .filter(|s| !s.get(36..).unwrap_or_default().starts_with("\">最新版へ"))
        .filter_map(|s| s.get(..36))
        .map(|id| format!("/deliveries/{id}"))
        .collect();
    paths.dedup();
    paths
}

/// A valid standard file of `kind` between two offices, with its name.
pub fn spec_file(
    kind: server::spec_csv::FileKind,
    from: (&str, &str),
    to: (&str, &str),
    stamp: &str,
) -> (String, Vec<u8>) {
    server::cli::demo_files::unit_file(kind, from, to, stamp).unwrap()
}

impl Browser {
    /// Uploads files like the 「ファイルを送る」 form (multipart, Origin set).
    pub async fn upload(
        &self,
        path: &str,
        files: Vec<(String, Vec<u8>)>,
        fields: &[(&str, &str)],
    ) -> Page {
        self.upload_with(path, files, fields, None).await
    }

    /// Uploads files as the form's script does (`style/upload.js`): with its header.
    pub async fn upload_from_script(&self, path: &str, files: Vec<(String, Vec<u8>)>) -> Page {
        self.upload_with(path, files, &[], Some(("x-portal-script", "upload")))
            .await
    }

    async fn upload_with(
        &self,
        path: &str,
        files: Vec<(String, Vec<u8>)>,
        fields: &[(&str, &str)],
        header: Option<(&str, &str)>,
    ) -> Page {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.to_string(), v.to_string());
        }
        for (name, bytes) in files {
            form = form.part(
                "files",
                reqwest::multipart::Part::bytes(bytes).file_name(name),
            );
        }
        let mut request = self
            .client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .multipart(form);
        if let Some((name, value)) = header {
            request = request.header(name, value);
        }
        Self::read(request.send().await.unwrap()).await
    }

    /// GET raw bytes (downloads).
    pub async fn get_bytes(&self, path: &str) -> (u16, Vec<u8>, reqwest::header::HeaderMap) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        (status, response.bytes().await.unwrap().to_vec(), headers)
    }
}
