-- One-time links for password reset and invitations. Only SHA-256 of the token is stored; the
-- token itself exists in the mail alone. A token is valid while unused, unrevoked, unexpired and
-- issued at the account's current password_version (so any password change kills it).
create table account_token (
    token_hash text primary key,
    user_id text not null references staff_account (user_id),
    purpose text not null check (purpose in ('password_reset', 'invitation')),
    password_version bigint not null,
    created_at bigint not null,
    expires_at bigint not null,
    used_at bigint,
    -- A newer token, a password change or a withdrawn invitation ends it.
    revoked_at bigint
);
create index account_token_user_idx on account_token (user_id);

-- Invited staff have no password until they follow their link; the invitation is pending while
-- this is null and the password hash is empty.
alter table staff_account add column activated_at bigint;
update staff_account set activated_at = created_at;
