-- ログイン中の端末: one row per signed-in session, kept beside tower-sessions' opaque records so a
-- person can see where they are signed in and end a session. The session stores its handle; the
-- per-request gate refuses a session whose row is ended (or gone).
create table user_session (
    session_handle text primary key,
    user_id text not null references staff_account (user_id),
    created_at bigint not null,
    last_seen_at bigint not null,
    ip text not null default '',
    user_agent text not null default '',
    -- Logout, 「このログインを終了する」, or a password change.
    ended_at bigint
);
create index user_session_user_idx on user_session (user_id);
