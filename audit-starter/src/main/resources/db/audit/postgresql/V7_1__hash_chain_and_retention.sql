-- The head of each hash chain: one chain per tenant, and one for system-level events (chain_key '*').
-- The sealer locks a chain's head row while it links events, so that chains never fork.
create table audit_chain_head (
    chain_key varchar(256) not null primary key,
    tenant varchar(255),
    seq bigint not null,
    hash varchar(64)
);

-- Where each chain resumes after retention removed its oldest events: the last purged position.
create table audit_chain_checkpoint (
    chain_key varchar(256) not null primary key,
    tenant varchar(255),
    seq bigint not null,
    hash varchar(64),
    purged_at timestamp(6) with time zone not null
);

-- One row per job that must not run on two instances at once; a run holds its row's lock.
create table audit_job_lock (
    name varchar(64) not null primary key
);

insert into audit_job_lock (name) values ('retention');

-- Verification and retention walk each chain in sequence order.
create index audit_event_chain on audit_event (tenant, chain_seq);
