//! Real SMTP (aiosmtpd, started by the test): delivery, and a mail queued while the server was
//! down is delivered once it is back, with back-off in between.

use crate::helpers::TestApp;
use crate::mail_helpers::parse_eml;
use server::mail::{MailConfig, MailTransportConfig, Mailer};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// An aiosmtpd writing a maildir; killed on drop.
struct SmtpServer {
    child: Child,
    dir: std::path::PathBuf,
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

impl SmtpServer {
    async fn start(port: u16) -> Self {
        let dir =
            std::env::temp_dir().join(format!("portal-smtp-{}", uuid::Uuid::new_v4().simple()));
        let child = Command::new("python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 -m aiosmtpd (scripts/ensure-test-deps installs it)");
        let server = Self { child, dir };
        // Wait until it accepts connections (process start-up, not test time).
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("aiosmtpd did not start on port {port}");
    }

    /// Messages received, decoded: (to, subject, body).
    fn received(&self) -> Vec<(String, String, String)> {
        let Ok(entries) = std::fs::read_dir(self.dir.join("new")) else {
            return Vec::new();
        };
        entries
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .map(|raw| parse_eml(&raw.replace("\r\n", "\n").replace('\n', "\r\n")))
            .collect()
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn smtp_mailer(port: u16) -> Mailer {
    let mut config = MailConfig::files(std::path::PathBuf::new());
    config.transport = MailTransportConfig::Smtp {
        url: format!("smtp://127.0.0.1:{port}"),
    };
    Mailer::from_config(&config).unwrap()
}

async fn run(app: &TestApp, mailer: &Mailer) -> server::mail::worker::Pass {
    server::mail::worker::run_pending(
        &app.db,
        mailer,
        "ケアプラン連携ポータル <no-reply@portal.example.jp>",
        &app.clock,
    )
    .await
    .unwrap()
}

both!(
    a_mail_queued_while_the_smtp_server_is_down_is_delivered_when_it_is_back,
    |app| {
        let port = free_port();
        let mailer = smtp_mailer(port);
        app.browser()
            .post("/password/forgot", &[("login", "a-cm1")])
            .await;

        let down = run(&app, &mailer).await;
        assert_eq!((down.sent, down.failed), (0, 1));
        let smtp = SmtpServer::start(port).await;
        let not_due = run(&app, &mailer).await;
        assert_eq!(
            (not_due.sent, not_due.failed),
            (0, 0),
            "retried after the back-off, not at once"
        );
        app.clock.advance(Duration::from_secs(61));
        let back = run(&app, &mailer).await;
        assert_eq!((back.sent, back.failed), (1, 0));
        assert_eq!(run(&app, &mailer).await.sent, 0, "sent once");

        let received = smtp.received();
        assert_eq!(received.len(), 1);
        let (to, subject, body) = &received[0];
        assert_eq!(to, "a-cm1@example.jp");
        assert_eq!(subject, "パスワード再設定のご案内");
        assert!(body.contains(&format!("{}/password/reset?token=", app.base)));
        let mut conn = app.owner_connection().await;
        let (attempts, body_left): (i64, String) =
            sqlx::query_as("select attempts, body_text from mail_outbox")
                .fetch_one(&mut conn)
                .await
                .unwrap();
        assert_eq!(attempts, 2);
        assert_eq!(body_left, "", "the link leaves the database once sent");
    }
);

both!(a_rolled_back_action_sends_nothing, |app| {
    // An invitation refused for a taken login id queues no mail.
    let admin = app.login("a-admin").await;
    let form = [
        ("display_name", "重複"),
        ("login_id", "a-cm1"),
        ("email", "dup@example.jp"),
        ("role", "staff"),
    ];
    admin.post("/admin/staff", &form).await;
    assert_eq!(app.mail_count("dup@example.jp").await, 0);
});
