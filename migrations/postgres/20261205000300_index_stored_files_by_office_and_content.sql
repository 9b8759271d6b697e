-- An upload asks which of its files' bytes the office already stored (those are not written to
-- the store again): by office and SHA-256 together. The index by office alone made that a walk
-- over all the office's files; this one answers it from the index and still serves lookups by
-- office alone.
drop index stored_file_office_idx;
create index stored_file_office_sha256_idx on stored_file (office_id, sha256);
