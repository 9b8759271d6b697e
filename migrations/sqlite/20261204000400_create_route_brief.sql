-- The 担当 column of the 受信 list and the navigation's 未割当 count, kept per received item
-- by the writes that change its routes (`routing::brief::refresh`): the 担当 in routing order,
-- how many persons have none, and the routing version (the sum of the routes' versions).
-- Before, every list page grouped every route of its fifty items (ten persons each make five
-- hundred rows), and the navigation read every unassigned route to count items.
-- The receiving office's own, like the routes: the sending office never reads it.
create table route_brief (
    delivery_id text primary key references delivery (delivery_id),
    -- The receiving office.
    office_id text not null references office (office_id),
    -- The 担当's user ids in routing order, separated by spaces (empty: none).
    assignees text not null,
    -- Persons without a 担当.
    unassigned bigint not null,
    version bigint not null
);
-- The items with persons in 未割当, in delivery order (the navigation's count and the queue).
-- No other index on office_id: a list page looks its items' briefs up by delivery_id, and
-- SQLite, which plans without statistics, would otherwise prefer to scan the whole office.
create index route_brief_unassigned_idx on route_brief (office_id, delivery_id)
    where unassigned > 0;

insert into route_brief (delivery_id, office_id, assignees, unassigned, version)
select g.delivery_id, g.office_id,
       coalesce(group_concat(g.assignee_id, ' ' order by g.routed_at, g.insurer, g.insured, g.assignee_id), ''),
       cast(sum(case when g.assignee_id is null then g.persons else 0 end) as bigint),
       cast(sum(g.version) as bigint)
  from (select delivery_id, office_id, assignee_id, count(*) as persons, sum(version) as version,
               min(routed_at) as routed_at, min(insurer) as insurer, min(insured) as insured
          from delivery_route
         group by delivery_id, office_id, assignee_id) g
 group by g.delivery_id, g.office_id;

