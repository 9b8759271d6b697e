-- The lists show a short label of the persons ("山田 太郎、… ほか3人"); reading it from its own
-- column keeps the (long) search text out of every list query.
alter table delivery add column persons_label text not null default '';
update delivery
   set persons_label = case when instr(persons_text, char(10)) > 0
                            then substr(persons_text, 1, instr(persons_text, char(10)) - 1)
                            else persons_text end;
