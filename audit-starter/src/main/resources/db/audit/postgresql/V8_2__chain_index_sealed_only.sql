-- Events enter the chain index when they are sealed; an unsealed event no longer adds an empty
-- entry at its insert that the sealer's update then replaces.
drop index audit_event_chain;
create index audit_event_chain on audit_event (tenant, chain_seq) where chain_seq is not null;
