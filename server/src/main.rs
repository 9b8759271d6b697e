//! `server`: runs the portal (default), or a system-operator command.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use server::clock::Clock;
use server::config::Config;
use server::startup::App;
use std::io::Write;
use std::process::ExitCode;

/// mimalloc instead of the system allocator: page rendering and row decoding allocate many small
/// strings, and glibc's malloc was a fifth of the CPU time of an inbox page under load. With the
/// crate's `override` feature it also serves C code's `malloc` (the bundled SQLite copies every
/// value of every row it returns), which otherwise still went to glibc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// ケアプラン連携ポータル: the web portal for ケアプランデータ連携.
#[derive(Debug, Parser)]
#[command(name = "server", version)]
struct Cli {
    /// Seed demo organisations and offices into an empty database and print their logins.
    #[arg(long)]
    demo: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Register an organisation (法人) with its offices and first admin.
    CreateOrg(server::cli::create_org::CreateOrgArgs),
    /// Check standard-spec files (or folders of them): prints a Japanese validation report and
    /// exits with 1 when any file has an error.
    Check {
        /// Files or folders.
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Write sample send units between the demo offices into a folder, to try uploading.
    DemoFiles {
        /// Folder to write into.
        dir: std::path::PathBuf,
    },
}

fn main() -> ExitCode {
    let matches = Cli::command().after_help(Config::env_help()).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    };
    if let Some(Command::DemoFiles { dir }) = &cli.command {
        return match server::cli::demo_files::write(dir) {
            Ok(names) => {
                let _ = writeln!(
                    std::io::stdout(),
                    "{}件のファイルを {} に書き出しました。",
                    names.len(),
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("demo-files failed: {error}");
                ExitCode::FAILURE
            }
        };
    }
    if let Some(Command::Check { files }) = &cli.command {
        // Pure and offline: no configuration, database or runtime needed.
        return match server::cli::check::run(files, &mut std::io::stdout()) {
            Ok(false) => ExitCode::SUCCESS,
            Ok(true) => ExitCode::from(1),
            Err(error) => {
                eprintln!("check failed: {error}");
                ExitCode::from(2)
            }
        };
    }
    // Several crates compile rustls; pick ring explicitly so TLS never panics on first use.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("configuration error: {error}");
            return ExitCode::from(2);
        }
    };
    server::telemetry::init(config.log_json);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(run(cli, config))
}

async fn run(cli: Cli, config: Config) -> ExitCode {
    let clock = Clock::System;
    match cli.command {
        Some(Command::CreateOrg(args)) => {
            let result = async {
                server::db::migrate(&config.database.url)
                    .await
                    .map_err(|e| e.to_string())?;
                let db = server::db::connect(&config.database)
                    .await
                    .map_err(|e| e.to_string())?;
                server::cli::create_org::run(&db, &clock, args).await
            }
            .await;
            match result {
                Ok(created) => {
                    let _ = writeln!(
                        std::io::stdout(),
                        "created organisation {} with {} office(s)",
                        created.organisation,
                        created.offices.len()
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("create-org failed: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        Some(Command::Check { .. } | Command::DemoFiles { .. }) => ExitCode::SUCCESS,
        None => serve(config, clock, cli.demo).await,
    }
}

async fn serve(config: Config, clock: Clock, demo: bool) -> ExitCode {
    let listener = match tokio::net::TcpListener::bind(config.bind).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("cannot listen on {}: {error}", config.bind);
            return ExitCode::FAILURE;
        }
    };
    let base_url = config.base_url.as_str().trim_end_matches('/').to_string();
    let mail_note = match &config.mail.transport {
        server::config::MailTransportConfig::Files { dir } => {
            format!(
                "メールは送信せず、{} に .eml ファイルとして保存します。\n",
                dir.display()
            )
        }
        server::config::MailTransportConfig::Smtp { .. } => String::new(),
    };
    let app = match App::build(config, clock.clone(), listener).await {
        Ok(app) => app,
        Err(error) => {
            eprintln!("start-up failed: {error}");
            return ExitCode::FAILURE;
        }
    };
    if demo {
        match server::cli::demo::seed(&app.state.db, &clock).await {
            Ok(seeded) => {
                if seeded {
                    tracing::info!("demo data seeded");
                }
                let _ = write!(
                    std::io::stdout(),
                    "{}{mail_note}",
                    server::cli::demo::logins_text(&base_url)
                );
            }
            Err(error) => {
                eprintln!("demo seed failed: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    if let server::config::MailTransportConfig::Files { dir } = &app.state.config.mail.transport {
        tracing::info!(mail.dir = %dir.display(), "mail is written to files, not sent");
    }
    tracing::info!(url = %base_url, "portal listening");
    match app.run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error.cause = %error, "server stopped");
            ExitCode::FAILURE
        }
    }
}
