-- Events are written once. The chain's positions and hashes, and the response statuses that arrive
-- after an event's transaction, go to rows of their own that are inserted and never updated.

alter table audit_event add column trace_id varchar(32);
alter table audit_event add column span_id varchar(16);

-- One row per sealed event: its position in its chain ('*' for system-level events, '=' and the
-- tenant for a tenant's), its predecessor's hash, its hash and the encoding the hash was made with.
create table audit_seal (
    chain varchar(256) not null,
    position bigint not null,
    event_id bigint not null,
    prev_hash varchar(64),
    hash varchar(64) not null,
    encoding varchar(32) not null,
    primary key (chain, position)
);

create unique index audit_seal_event on audit_seal (event_id);

-- The response status of an event whose request completed after the event's transaction.
create table audit_request_status (
    event_id bigint not null primary key,
    status integer not null
);

-- Chains sealed by earlier releases keep their hashes, marked with the encoding they were made with.
insert into audit_seal (chain, position, event_id, prev_hash, hash, encoding)
select case when tenant is null then '*' else '=' || tenant end, chain_seq, id, prev_hash, hash, 'audit-event-v1'
from audit_event where chain_seq is not null;

drop index audit_event_unsealed;
drop index audit_event_chain;
alter table audit_event drop column chain_seq;
alter table audit_event drop column prev_hash;
alter table audit_event drop column hash;
