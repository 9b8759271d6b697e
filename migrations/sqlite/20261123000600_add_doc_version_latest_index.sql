-- The current version of a document (state 'latest') found directly: the inbox's 版 column
-- and the "latest of" lookups join each replaced version to it, and a chain can hold hundreds
-- of rows.
create index doc_version_latest_idx on doc_version (from_office_id, to_office_id, insurer, insured, entity)
    where state = 'latest' and action = 'upsert';
