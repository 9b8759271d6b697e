-- The chain head follows every appended entry inside the engine: an appended row's hash becomes
-- its chain's `last_hash` in the same statement, where the app used to send an `update` of its
-- own after each insert (one statement fewer per audited action). The head's sequence number is
-- still taken by the app's upsert before the row is built. The function runs with the rights
-- of the role that inserts (portal_app may update audit_chain, within its office's policy).
create function audit_log_advance_head() returns trigger language plpgsql as $$
begin
    update audit_chain set last_hash = new.hash where chain = new.chain;
    return null;
end;
$$;

create trigger audit_log_advance_head after insert on audit_log
    for each row execute function audit_log_advance_head();
