//! `loadtest`: drives a running portal over loopback and prints throughput and latency.
//!
//! - `send`: logged-in clients each upload a send unit of 3 CSVs (~60 KB: 第6表 予定, 第7表,
//!   利用者補足) and confirm it, in a loop; the sends take turns over 2,000 persons.
//! - `inbox`: logged-in clients load the 50-row 受信 page in a loop.
//! - `hello`: the same client against an axum hello-world (`hello-server`), the baseline.
//! - `upload-rss`: one upload of N large files, for the peak-memory measurement.
//!
//! Every run is bounded by `--seconds` and `--requests`, and only ever talks to the `--base`
//! URL it is given (loopback in scripts/load-test).

mod cpu;
mod units;

use clap::{Parser, Subcommand};
use cpu::server_ticks;
use std::io::Write;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Upload-and-confirm sends.
    Send(Run),
    /// 受信 page loads.
    Inbox(Run),
    /// GET / against the hello-world server.
    Hello(Run),
    /// Serve an axum hello-world on ADDR (the baseline).
    HelloServer {
        /// Listen address.
        addr: String,
    },
    /// One upload of `count` files of `mb` MB each (attachments), then exit.
    UploadRss {
        #[arg(long)]
        base: String,
        #[arg(long)]
        login: String,
        #[arg(long, default_value = "demo-password-2026")]
        password: String,
        #[arg(long, default_value_t = 30)]
        count: usize,
        #[arg(long, default_value_t = 10)]
        mb: usize,
        /// Wait this long after logging in before uploading (the script reads idle memory then).
        #[arg(long, default_value_t = 0)]
        delay_ms: u64,
    },
}

#[derive(clap::Args, Clone)]
struct Run {
    /// Portal (or hello-world) base URL, e.g. http://127.0.0.1:3000.
    #[arg(long)]
    base: String,
    /// Login id of the clients (ignored by `hello`).
    #[arg(long, default_value = "sakura-cm1")]
    login: String,
    #[arg(long, default_value = "demo-password-2026")]
    password: String,
    /// Concurrent clients.
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// Stop after this many seconds.
    #[arg(long, default_value_t = 15)]
    seconds: u64,
    /// Stop after this many requests in total.
    #[arg(long, default_value_t = 200_000)]
    requests: usize,
    /// Also report the CPU time this process used during the timed window, per completed
    /// operation: the server-side cost of one operation.
    #[arg(long)]
    server_pid: Option<u32>,
    /// With `--server-pid`: add the PostgreSQL backends serving this database.
    #[arg(long)]
    postgres_db: Option<String>,
    /// Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`).
    #[arg(long, default_value_t = 100)]
    clock_ticks: u64,
    /// First ファイル連番 number of `send` (a run after a warm-up starts above the warm-up's,
    /// so its sends stay in order).
    #[arg(long, default_value_t = 0)]
    sequence_start: u64,
}

type Failure = Box<dyn std::error::Error + Send + Sync>;

async fn client(run: &Run, login: bool) -> Result<reqwest::Client, Failure> {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(4)
        .build()?;
    if login {
        let response = client
            .post(format!("{}/login", run.base))
            .header("origin", &run.base)
            .form(&[
                ("login_id", run.login.as_str()),
                ("password", run.password.as_str()),
            ])
            .send()
            .await?;
        if response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            != Some("/")
        {
            return Err(format!("login as {} failed", run.login).into());
        }
    }
    Ok(client)
}

async fn one_send(
    client: &reqwest::Client,
    base: &str,
    files: Vec<(String, Vec<u8>)>,
) -> Result<(), Failure> {
    let mut form = reqwest::multipart::Form::new();
    for (name, bytes) in files {
        form = form.part(
            "files",
            reqwest::multipart::Part::bytes(bytes).file_name(name),
        );
    }
    let uploaded = client
        .post(format!("{base}/uploads"))
        .header("origin", base)
        .multipart(form)
        .send()
        .await?;
    let location = uploaded
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let Some(draft) = location.filter(|l| l.starts_with("/uploads/")) else {
        return Err(format!("upload refused: {}", uploaded.status()).into());
    };
    let sent = client
        .post(format!("{base}{draft}/send"))
        .header("origin", base)
        .send()
        .await?;
    if sent.status().as_u16() != 303 {
        return Err(format!("send refused: {}", sent.status()).into());
    }
    Ok(())
}

async fn one_get(client: &reqwest::Client, url: &str) -> Result<(), Failure> {
    let response = client.get(url).send().await?;
    if !response.status().is_success() {
        return Err(format!("GET {url}: {}", response.status()).into());
    }
    response.bytes().await?;
    Ok(())
}

async fn drive(kind: &'static str, run: Run) -> Result<(), Failure> {
    let login = kind != "hello";
    let stop = Arc::new(AtomicBool::new(false));
    // Log every client in first: the timed window holds only the measured operation.
    let mut clients = Vec::with_capacity(run.concurrency);
    for _ in 0..run.concurrency {
        clients.push(client(&run, login).await?);
    }
    // The send units' files are made before the timed window (only their names change per send).
    let units = Arc::new(if kind == "send" {
        units::Units::make()?
    } else {
        units::Units::default()
    });
    let database = run.postgres_db.as_deref();
    let cpu_before = run.server_pid.map(|pid| server_ticks(pid, database));
    let started = Instant::now();
    let mut tasks = Vec::new();
    let per_client = run.requests.div_ceil(run.concurrency);
    // One sequence for all clients: each send is the next ファイル連番, as when an office sends
    // new versions over time (per-client sequences would arrive out of order and make every
    // send renumber the versions after it).
    let sequence = Arc::new(AtomicU64::new(run.sequence_start));
    for client in clients {
        let run = run.clone();
        let stop = stop.clone();
        let sequence = sequence.clone();
        let units = units.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0usize;
            while !stop.load(Ordering::Relaxed) && latencies.len() + errors < per_client {
                let n = sequence.fetch_add(1, Ordering::Relaxed) + 1;
                let t = Instant::now();
                let result = match kind {
                    "send" => one_send(&client, &run.base, units.unit(n)).await,
                    "inbox" => one_get(&client, &format!("{}/inbox", run.base)).await,
                    _ => one_get(&client, &format!("{}/", run.base)).await,
                };
                match result {
                    Ok(()) => latencies.push(t.elapsed()),
                    Err(error) => {
                        if errors == 0 {
                            let _ = writeln!(std::io::stderr(), "first error: {error}");
                        }
                        errors += 1;
                    }
                }
            }
            (latencies, errors)
        }));
    }
    let watcher = stop.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_secs(run.seconds)).await;
        watcher.store(true, Ordering::Relaxed);
    });
    let mut all = Vec::new();
    let mut errors = 0;
    for task in tasks {
        let (latencies, e) = task.await?;
        all.extend(latencies);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let cpu = run
        .server_pid
        .zip(cpu_before)
        .map(|(pid, before)| server_ticks(pid, database).saturating_sub(before));
    all.sort_unstable();
    let pct = |p: f64| {
        all.get(((all.len() as f64 * p) as usize).min(all.len().saturating_sub(1)))
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    };
    let mut out = std::io::stdout();
    writeln!(
        out,
        "{kind}: {} ok, {errors} errors in {elapsed:.1}s = {:.0}/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms (concurrency {})",
        all.len(),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.99),
        pct(1.0),
        run.concurrency
    )?;
    if let (Some(ticks), false) = (cpu, all.is_empty()) {
        writeln!(
            out,
            "{kind}: server-side CPU {:.2} ms per operation (portal process, plus its PostgreSQL backends if any)",
            ticks as f64 * 1000.0 / run.clock_ticks as f64 / all.len() as f64
        )?;
    }
    Ok(())
}

async fn upload_rss(
    base: String,
    login: String,
    password: String,
    count: usize,
    mb: usize,
    delay_ms: u64,
) -> Result<(), Failure> {
    let run = Run {
        base: base.clone(),
        login,
        password,
        concurrency: 1,
        seconds: 0,
        requests: 0,
        server_pid: None,
        postgres_db: None,
        clock_ticks: 100,
        sequence_start: 0,
    };
    let client = client(&run, true).await?;
    tokio::time::sleep(Duration::from_millis(delay_ms)).await;
    let mut form = reqwest::multipart::Form::new()
        .text("attachment_office", "1372345678")
        .text("attachment_type", "11");
    for i in 0..count {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.resize(mb * 1024 * 1024, b'x');
        form = form.part(
            "files",
            reqwest::multipart::Part::bytes(bytes).file_name(format!("large-{i:02}.pdf")),
        );
    }
    let t = Instant::now();
    let response = client
        .post(format!("{base}/uploads"))
        .header("origin", &base)
        .multipart(form)
        .send()
        .await?;
    writeln!(
        std::io::stdout(),
        "upload of {count} × {mb} MB: {} in {:.1}s",
        response.status(),
        t.elapsed().as_secs_f64()
    )?;
    Ok(())
}

async fn hello_server(addr: String) -> Result<(), Failure> {
    let app = axum::Router::new().route("/", axum::routing::get(|| async { "hello" }));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<(), Failure> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    match Cli::parse().command {
        Command::Send(run) => drive("send", run).await,
        Command::Inbox(run) => drive("inbox", run).await,
        Command::Hello(run) => drive("hello", run).await,
        Command::HelloServer { addr } => hello_server(addr).await,
        Command::UploadRss {
            base,
            login,
            password,
            count,
            mb,
            delay_ms,
        } => upload_rss(base, login, password, count, mb, delay_ms).await,
    }
}
