-- The Merkle tree of the events retention removed, as its frontier at the last purged position (the
-- roots of its perfect subtrees, largest first, as comma-separated hex): every proof of an event still
-- stored needs only these roots of the removed part. Empty when an earlier release purged the chain,
-- which kept no frontier.
alter table audit_chain_checkpoint add column frontier varchar(4200);
