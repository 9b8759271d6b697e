-- The lists show a short label of the persons ("山田 太郎、… ほか3人"); reading it from its own
-- column keeps the (long) search text out of every list query.
alter table delivery add column persons_label text not null default '';
-- Row-level security is forced even for the owner: lift it for the one-time backfill.
alter table delivery no force row level security;
update delivery set persons_label = split_part(persons_text, E'\n', 1);
alter table delivery force row level security;
