-- Append-only audit log with a hash chain per office ('system' for events without an office,
-- such as logins). Each row stores SHA-256(previous row's hash + its own content), so an edited,
-- removed or reordered row breaks verification from that row on.

create table audit_chain (
    -- office id, or 'system'
    chain text primary key,
    last_seq bigint not null,
    last_hash text not null
);

create table audit_log (
    audit_id text primary key,
    chain text not null,
    seq bigint not null,
    office_id text references office (office_id),
    actor_user_id text references staff_account (user_id),
    action text not null,
    object text not null default '',
    detail text not null default '',
    occurred_at bigint not null,
    ip text not null default '',
    user_agent text not null default '',
    prev_hash text not null,
    hash text not null,
    unique (chain, seq)
);
create index audit_log_office_idx on audit_log (office_id);
create index audit_log_actor_idx on audit_log (actor_user_id);

-- Each office sees and extends only its own chain; unscoped work (login) only the system chain.
alter table audit_chain enable row level security;
alter table audit_chain force row level security;
create policy audit_chain_scope on audit_chain
    using (chain = coalesce(nullif(current_setting('app.office_id', true), ''), 'system'));

alter table audit_log enable row level security;
alter table audit_log force row level security;
create policy audit_log_scope on audit_log
    using (chain = coalesce(nullif(current_setting('app.office_id', true), ''), 'system'));

-- Append-only for the app: it may add rows, never change or remove them.
grant select, insert, update on audit_chain to portal_app;
grant select, insert on audit_log to portal_app;
