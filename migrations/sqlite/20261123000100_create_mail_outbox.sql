-- Mail outbox: a mail is written here in the same transaction as the action that causes it,
-- and a background worker delivers it with retries, so an SMTP outage loses nothing and a
-- rolled-back action sends nothing. Unscoped (no office_id): the worker serves every office.
-- The body may hold a one-time link, so it is blanked once the mail is sent or given up.
create table mail_outbox (
    mail_id text primary key,
    to_address text not null,
    subject text not null,
    body_text text not null,
    -- Template name, for logs and tests (never the body).
    template text not null,
    created_at bigint not null,
    attempts bigint not null default 0,
    -- Also the claim: a worker moves it forward before sending, so two instances never send
    -- the same due mail at once.
    next_attempt_at bigint not null,
    sent_at bigint,
    -- Set when the relay refused the mail permanently (5xx); it is not tried again.
    failed_at bigint,
    last_error text not null default ''
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at);
