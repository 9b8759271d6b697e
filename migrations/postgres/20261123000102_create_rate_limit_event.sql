-- Rate limits and login lockout, kept in the database so they survive a restart and hold across
-- several server instances. One row per counted attempt; a limit counts rows of its bucket in
-- the window ('login_fail:user:…', 'login_ip:…', 'reset_ip:…', …). Old rows are pruned.
create table rate_limit_event (
    bucket text not null,
    occurred_at bigint not null
);
create index rate_limit_event_bucket_idx on rate_limit_event (bucket, occurred_at);

grant select, insert, delete on rate_limit_event to portal_app;
