-- Exchange core: files stored once (content-addressed object key + SHA-256), sends that stay
-- drafts until confirmed, one delivery per destination office, and receipts.

-- Content-addressed blobs: one object per distinct content, shared by every file row with that
-- hash. No office column: the cleanup job must see every reference before it removes an object.
create table blob (
    sha256 text primary key,
    storage_key text not null,
    size_bytes bigint not null,
    created_at bigint not null
);

create table stored_file (
    file_id text primary key,
    -- The office that uploaded it (the sender).
    office_id text not null references office (office_id),
    sha256 text not null references blob (sha256),
    size_bytes bigint not null,
    original_name text not null,
    content_type text not null,
    -- Standard prefix (UPPLAN, UP1KYO …) or 'attachment'.
    kind text not null,
    -- 対象年月 (YYYYMM) and ファイル連番 from the name, where it has them.
    target_month text,
    send_stamp text,
    -- Destination named in the file name (attachments: the chosen partner).
    dest_office_number text,
    dest_service_type text,
    error_count bigint not null,
    warning_count bigint not null,
    -- Validation findings and insured persons, as JSON, for the confirmation and item pages.
    report_json text not null,
    persons_json text not null,
    created_at bigint not null
);
create index stored_file_office_idx on stored_file (office_id);
create index stored_file_sha256_idx on stored_file (sha256);

-- 送信: a draft until a person confirms it; then sent exactly once.
create table outgoing (
    outgoing_id text primary key,
    office_id text not null references office (office_id),
    status text not null check (status in ('draft', 'sent', 'discarded')),
    created_by text not null references staff_account (user_id),
    created_at bigint not null,
    sent_by text references staff_account (user_id),
    sent_at bigint
);
create index outgoing_office_idx on outgoing (office_id, status);
create index outgoing_created_by_idx on outgoing (created_by);
create index outgoing_sent_by_idx on outgoing (sent_by);

create table outgoing_file (
    outgoing_id text not null references outgoing (outgoing_id),
    file_id text not null references stored_file (file_id),
    office_id text not null references office (office_id),
    position bigint not null,
    primary key (outgoing_id, file_id)
);
create index outgoing_file_file_idx on outgoing_file (file_id);
create index outgoing_file_office_idx on outgoing_file (office_id);

-- One delivery per destination office of a send. Both offices see it: the sender in its
-- 送信済み list with receipts, the recipient in its 受信 list.
create table delivery (
    delivery_id text primary key,
    outgoing_id text not null references outgoing (outgoing_id),
    from_office_id text not null references office (office_id),
    to_office_id text not null references office (office_id),
    sent_by text not null references staff_account (user_id),
    sent_at bigint not null,
    file_count bigint not null,
    -- Denormalised for filters and search: prefixes, months, persons (names and numbers).
    kinds text not null,
    target_months text not null,
    persons_text text not null,
    first_opened_at bigint,
    first_opened_by text references staff_account (user_id),
    imported_at bigint,
    imported_by text references staff_account (user_id)
);
create index delivery_to_idx on delivery (to_office_id, sent_at);
create index delivery_from_idx on delivery (from_office_id, sent_at);
create index delivery_outgoing_idx on delivery (outgoing_id);
create index delivery_sent_by_idx on delivery (sent_by);
create index delivery_first_opened_by_idx on delivery (first_opened_by);
create index delivery_imported_by_idx on delivery (imported_by);

create table delivery_file (
    delivery_id text not null references delivery (delivery_id),
    file_id text not null references stored_file (file_id),
    from_office_id text not null references office (office_id),
    to_office_id text not null references office (office_id),
    position bigint not null,
    primary key (delivery_id, file_id)
);
create index delivery_file_file_idx on delivery_file (file_id);
create index delivery_file_from_idx on delivery_file (from_office_id);
create index delivery_file_to_idx on delivery_file (to_office_id);

-- Receipts: opened, downloaded, marked 取込済 (who and when), shown to both offices.
create table delivery_event (
    event_id text primary key,
    delivery_id text not null references delivery (delivery_id),
    from_office_id text not null references office (office_id),
    to_office_id text not null references office (office_id),
    file_id text references stored_file (file_id),
    kind text not null check (kind in ('opened', 'downloaded', 'imported')),
    user_id text not null references staff_account (user_id),
    at bigint not null
);
create index delivery_event_delivery_idx on delivery_event (delivery_id, at);
create index delivery_event_from_idx on delivery_event (from_office_id);
create index delivery_event_to_idx on delivery_event (to_office_id);
create index delivery_event_file_idx on delivery_event (file_id);
create index delivery_event_user_idx on delivery_event (user_id);
