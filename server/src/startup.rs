//! `App::build`: pools, services, ports, router. Tests call it with port 0.

use crate::accounts::two_factor::TwoFactorService;
use crate::accounts::{AccountService, LifecycleService, SessionsService};
use crate::audit::AuditService;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::{self, Backend, Db};
use crate::error::{InfraError, InfraResult};
use crate::exchange::ExchangeService;
use crate::mail::worker::Pass;
use crate::mail::Mailer;
use crate::offices::OfficeService;
use crate::reconcile::ReconcileService;
use crate::sessions::SessionStoreAny;
use crate::storage::Storage;
use app::ports::Ports;
use axum::extract::FromRef;
use axum::http::{header, HeaderValue, Request};
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use tokio::net::TcpListener;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// Services behind the ports and form handlers.
#[derive(Clone, Debug)]
pub struct Services {
    /// Staff accounts.
    pub accounts: AccountService,
    /// Offices.
    pub offices: OfficeService,
    /// Audit log.
    pub audit: AuditService,
    /// 送受信.
    pub exchange: ExchangeService,
    /// Invitations, password reset, one-time links.
    pub lifecycle: LifecycleService,
    /// ログイン中の端末.
    pub sessions: SessionsService,
    /// 2段階認証.
    pub two_factor: TwoFactorService,
    /// 予実突合.
    pub reconcile: ReconcileService,
    /// 担当の振り分け.
    pub routing: crate::routing::RoutingService,
    /// 版の管理.
    pub versions: crate::versions::VersionService,
}

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState {
    /// Configuration.
    pub config: Arc<Config>,
    /// Database.
    pub db: Db,
    /// Time.
    pub clock: Clock,
    /// Services.
    pub services: Services,
    /// `scheme://host[:port]` of the base URL.
    pub origin: String,
    /// Leptos settings.
    pub leptos: LeptosOptions,
    /// Mail transport (the outbox worker uses it).
    pub mailer: Mailer,
}

impl AppState {
    /// Queues the 実績未着 reminders that are due now (tests call this instead of waiting).
    pub async fn run_due_reminders(&self) -> InfraResult<usize> {
        self.services.reconcile.run_due_reminders().await
    }

    /// Sends every queued mail that is due now (tests call this instead of waiting).
    pub async fn run_pending_mail(&self) -> InfraResult<Pass> {
        crate::mail::worker::run_pending(
            &self.db,
            &self.mailer,
            &self.config.mail.from,
            &self.clock,
        )
        .await
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos.clone()
    }
}

/// A built application bound to its listener.
pub struct App {
    listener: TcpListener,
    router: Router,
    /// The shared state (tests reach the database through it).
    pub state: AppState,
    session_store: SessionStoreAny,
}

impl App {
    /// Migrates, connects and builds the router. `listener` is already bound (port 0 in tests).
    pub async fn build(config: Config, clock: Clock, listener: TcpListener) -> InfraResult<Self> {
        db::migrate(&config.database.url).await?;
        let db = db::connect(&config.database).await?;
        let session_store = SessionStoreAny::connect(&config.database, &db).await?;
        let storage = Storage::open(&config.storage)?;
        let services = Services {
            reconcile: ReconcileService::new(
                db.clone(),
                clock.clone(),
                storage.clone(),
                &config.base_url,
            ),
            accounts: AccountService::new(db.clone(), clock.clone()),
            offices: OfficeService::new(db.clone(), clock.clone()),
            audit: AuditService::new(db.clone()),
            exchange: ExchangeService::new(
                db.clone(),
                clock.clone(),
                storage.clone(),
                config.limits,
                &config.base_url,
            ),
            lifecycle: LifecycleService::new(
                db.clone(),
                clock.clone(),
                &config.base_url,
                config.links,
            ),
            sessions: SessionsService::new(db.clone(), clock.clone(), config.session),
            two_factor: TwoFactorService::new(db.clone(), clock.clone()),
            routing: crate::routing::RoutingService::new(
                db.clone(),
                clock.clone(),
                &config.base_url,
            ),
            versions: crate::versions::VersionService::new(db.clone(), clock.clone(), storage),
        };
        let mailer = Mailer::from_config(&config.mail)?;
        let leptos = LeptosOptions::builder()
            .output_name("app")
            .site_addr(config.bind)
            .build();
        let state = AppState {
            origin: config.origin(),
            config: Arc::new(config),
            db,
            clock,
            services,
            leptos,
            mailer,
        };
        let router = build_router(state.clone(), session_store.clone());
        Ok(Self {
            listener,
            router,
            state,
            session_store,
        })
    }

    /// The bound address.
    pub fn local_addr(&self) -> InfraResult<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// Serves until the process is stopped; expired sessions and abandoned uploads are swept,
    /// queued mail is sent and SQLite's WAL is checkpointed, in the background.
    pub async fn run(self) -> InfraResult<()> {
        let sweeper = self.session_store.clone().spawn_sweeper();
        let cleaner = spawn_storage_cleanup(self.state.clone());
        let digest = crate::routing::digest::spawn(self.state.services.routing.clone());
        let checkpointer = db::spawn_checkpointer(self.state.db.clone());
        let state = &self.state;
        let mail_worker = state.config.mail.poll_interval.map(|interval| {
            crate::mail::worker::spawn(
                state.db.clone(),
                state.mailer.clone(),
                state.config.mail.from.clone(),
                state.clock.clone(),
                interval,
            )
        });
        // The reminder scheduler runs where the mail worker runs (both are background jobs).
        let reminders = mail_worker
            .is_some()
            .then(|| crate::reconcile::reminder::spawn(state.services.reconcile.clone()));
        let service = self
            .router
            .into_make_service_with_connect_info::<SocketAddr>();
        let served = axum::serve(self.listener, service)
            .with_graceful_shutdown(shutdown_signal())
            .await;
        sweeper.abort();
        cleaner.abort();
        digest.abort();
        if let Some(worker) = mail_worker {
            worker.abort();
        }
        if let Some(reminders) = reminders {
            reminders.abort();
        }
        if let Some(checkpointer) = checkpointer {
            checkpointer.abort();
        }
        served.map_err(InfraError::from)
    }
}

/// Sweeps storage hourly (see `exchange::cleanup`).
fn spawn_storage_cleanup(state: AppState) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every.tick().await;
            let storage = &state.services.exchange.storage;
            let now = state.clock.now();
            if let Err(error) = crate::exchange::cleanup::sweep(
                &state.db,
                storage,
                now,
                crate::exchange::cleanup::GRACE_MS,
            )
            .await
            {
                tracing::error!(error.cause = %error, "storage cleanup failed");
            }
        }
    })
}

/// Stops on Ctrl-C or SIGTERM (systemd, docker stop), letting requests in flight finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

fn ports(services: &Services) -> Ports {
    Ports {
        offices: Arc::new(services.offices.clone()),
        staff: Arc::new(services.accounts.clone()),
        audit: Arc::new(services.audit.clone()),
        exchange: Arc::new(services.exchange.clone()),
        forms: Arc::new(services.exchange.clone()),
        links: Arc::new(services.lifecycle.clone()),
        sessions: Arc::new(services.sessions.clone()),
        two_factor: Arc::new(services.two_factor.clone()),
        reconcile: Arc::new(services.reconcile.clone()),
        routing: Arc::new(services.routing.clone()),
        versions: Arc::new(services.versions.clone()),
    }
}

/// The app's routes, generated once per process. Generating runs the app with resource
/// loading suppressed by a process-wide flag (leptos_server), so a page of another app in the
/// same process (parallel tests) that started loading meanwhile would wait forever.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(app::App)).clone()
}

fn build_router(state: AppState, store: SessionStoreAny) -> Router {
    let ports = ports(&state.services);
    let context = move || {
        // Pages render once on the server and are never hydrated: resources need not be
        // serialised into the page (that JSON, escaped again into a script, cost more CPU than
        // the page itself).
        if let Some(shared) = leptos::prelude::Owner::current_shared_context() {
            shared.set_is_hydrating(false);
        }
        provide_context(ports.clone());
    };
    let routes = route_list();
    let leptos_options = state.leptos.clone();
    let shell = move || app::shell(leptos_options.clone());
    let fallback = leptos_axum::render_app_async_with_context(context.clone(), shell.clone());
    let session_layer = session_layer(&state.config, store);
    Router::new()
        .leptos_routes_with_context(&state, routes, context, shell)
        .merge(crate::http::routes())
        .merge(crate::http::upload_routes(state.services.exchange.limits))
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::auth::caller::resolve_caller))
        .layer(session_layer)
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::http::origin_check::origin_check))
        .layer(axum::extract::DefaultBodyLimit::max(64 * 1024))
        .layer(security_headers())
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
            let request_id = uuid::Uuid::new_v4().simple().to_string();
            tracing::info_span!("request", request.id = %&request_id[..12], method = %req.method(), path = %req.uri().path())
        }))
        .with_state(state)
}

fn session_layer(config: &Config, store: SessionStoreAny) -> SessionManagerLayer<SessionStoreAny> {
    let secure = config.secure_cookies();
    // `__Host-` makes the browser refuse the cookie unless it is Secure, host-only and path=/.
    let name = if secure {
        "__Host-portal_session"
    } else {
        "portal_session"
    };
    let idle = time::Duration::try_from(config.session.idle).unwrap_or(time::Duration::minutes(30));
    SessionManagerLayer::new(store)
        .with_name(name)
        .with_secure(secure)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle))
}

type HeaderLayer = SetResponseHeaderLayer<HeaderValue>;

fn security_headers() -> tower::layer::util::Stack<
    HeaderLayer,
    tower::layer::util::Stack<HeaderLayer, tower::layer::util::Stack<HeaderLayer, HeaderLayer>>,
> {
    let csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    tower::layer::util::Stack::new(
        SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(csp),
        ),
        tower::layer::util::Stack::new(
            SetResponseHeaderLayer::if_not_present(
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
            tower::layer::util::Stack::new(
                SetResponseHeaderLayer::if_not_present(
                    header::REFERRER_POLICY,
                    HeaderValue::from_static("same-origin"),
                ),
                SetResponseHeaderLayer::if_not_present(
                    header::X_FRAME_OPTIONS,
                    HeaderValue::from_static("DENY"),
                ),
            ),
        ),
    )
}

/// True for the PostgreSQL backend (used by tests to pick assertions).
pub fn is_postgres(db: &Db) -> bool {
    db.backend() == Backend::Postgres
}
