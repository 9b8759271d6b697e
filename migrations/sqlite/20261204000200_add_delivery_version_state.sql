-- The 版 column of the 受信 and 送信済み lists, kept on the delivery by the send that changes
-- it: the state of the delivery's document versions that the list shows (最新, or the states
-- that link to the newest version). Before, every list page read every version row of its
-- fifty items (ten persons each make five hundred rows) to derive it.
-- Ranked as the list shows them: a replaced document (旧計画, 更新済) before 最新 before 取消.
alter table delivery add column version_state text;
update delivery set version_state = (
    select case max(case v.state when 'old_plan' then 4 when 'superseded' then 3
                                 when 'latest' then 2 when 'withdrawn' then 1 else 0 end)
             when 4 then 'old_plan' when 3 then 'superseded' when 2 then 'latest' when 1 then 'withdrawn' end
      from doc_version v
     where v.delivery_id = delivery.delivery_id and v.action = 'upsert');
