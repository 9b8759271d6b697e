-- 2段階認証 (TOTP, RFC 6238). The secret must be readable to check codes, so it is stored as
-- is (base32); it is set while enrolling and counts once totp_enabled_at is set. The last
-- accepted time step refuses a code replayed within its window.
alter table staff_account add column totp_secret text;
alter table staff_account add column totp_enabled_at bigint;
alter table staff_account add column totp_last_step bigint;

-- An organisation can require 2段階認証 of all its staff (nullable time instead of a boolean).
alter table organisation add column require_two_factor_at bigint;

-- One-time recovery codes, SHA-256 stored, 10 per enrolment.
create table recovery_code (
    user_id text not null references staff_account (user_id),
    code_hash text not null,
    created_at bigint not null,
    used_at bigint,
    primary key (user_id, code_hash)
);
create index recovery_code_user_idx on recovery_code (user_id);

grant select, insert, update, delete on recovery_code to portal_app;
