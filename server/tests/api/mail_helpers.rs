//! Reading the mail the portal sent: the test file mailer writes `<mail id>.eml`; the outbox
//! row gives the template and order. Also a second server instance on the same database.

use crate::helpers::{Browser, TestApp};
use base64::Engine;
use server::startup::App;

/// The `token` query value of a link path.
pub fn token_of(path: &str) -> String {
    path.split_once("token=").unwrap().1.to_string()
}

/// One delivered mail, decoded.
#[derive(Clone, Debug)]
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub template: String,
}

impl Mail {
    /// The portal path (with query) of the first link to `base` in the body.
    pub fn link_path(&self, base: &str) -> String {
        let start = self
            .body
            .find(base)
            .unwrap_or_else(|| panic!("no link in {}", self.body));
        let rest = &self.body[start + base.len()..];
        rest.split_whitespace().next().unwrap().to_string()
    }
}

/// Parses a message as lettre writes it: headers, blank line, base64 text.
pub fn parse_eml(raw: &str) -> (String, String, String) {
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    let header = |name: &str| {
        unfolded
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}: ")))
            .unwrap_or_default()
            .to_string()
    };
    let compact: String = body.split_whitespace().collect();
    let body = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(compact)
            .unwrap(),
    )
    .unwrap();
    (header("To"), decode_words(&header("Subject")), body)
}

/// Decodes RFC 2047 `=?utf-8?b?…?=` words (what lettre uses for Japanese subjects).
pub fn decode_words(value: &str) -> String {
    let mut bytes = Vec::new();
    let mut plain = String::new();
    for word in value.split_whitespace() {
        let lower = word.to_ascii_lowercase();
        if lower.starts_with("=?utf-8?b?") && word.ends_with("?=") {
            let inner = &word[10..word.len() - 2];
            bytes.extend(
                base64::engine::general_purpose::STANDARD
                    .decode(inner)
                    .unwrap(),
            );
        } else {
            plain.push_str(word);
        }
    }
    format!("{}{}", String::from_utf8(bytes).unwrap(), plain)
}

impl TestApp {
    /// Sends every due mail (as the worker would) and returns how many went.
    pub async fn deliver_mail(&self) -> usize {
        self.state.run_pending_mail().await.unwrap().sent
    }

    /// Every mail delivered to `to`, oldest first (queued mail is delivered first).
    pub async fn mails_to(&self, to: &str) -> Vec<Mail> {
        self.deliver_mail().await;
        let mut conn = self.owner_connection().await;
        let rows: Vec<(String, String)> = sqlx::query_as(
            "select mail_id, template from mail_outbox where to_address = $1 and sent_at is not null
              order by created_at, sent_at",
        )
        .bind(to)
        .fetch_all(&mut conn)
        .await
        .unwrap();
        rows.into_iter()
            .map(|(id, template)| {
                let raw = std::fs::read_to_string(self.mail_dir.join(format!("{id}.eml"))).unwrap();
                let (to, subject, body) = parse_eml(&raw);
                Mail {
                    to,
                    subject,
                    body,
                    template,
                }
            })
            .collect()
    }

    /// The last mail to `to` of `template`.
    pub async fn last_mail(&self, to: &str, template: &str) -> Mail {
        self.mails_to(to)
            .await
            .into_iter()
            .rev()
            .find(|m| m.template == template)
            .unwrap_or_else(|| panic!("no {template} mail to {to}"))
    }

    /// Count of mails queued or sent to `to`.
    pub async fn mail_count(&self, to: &str) -> i64 {
        let mut conn = self.owner_connection().await;
        let (n,): (i64,) = sqlx::query_as("select count(*) from mail_outbox where to_address = $1")
            .bind(to)
            .fetch_one(&mut conn)
            .await
            .unwrap();
        n
    }

    /// Starts another server on the same database (a restart, or a second instance) and
    /// returns a fresh browser for it.
    pub async fn another_instance(&self) -> Browser {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let base = format!("http://{addr}");
        let mut config = self.config_clone();
        config.bind = addr;
        config.base_url = url::Url::parse(&base).unwrap();
        let app = App::build(config, self.clock.clone(), listener)
            .await
            .unwrap();
        tokio::spawn(app.run());
        let client = reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Browser { client, base }
    }
}
