-- The chains' signed checkpoints, inserted and never updated nor purged: per chain ('*' for
-- system-level events, '=' and the tenant for a tenant's) and tree size, the Merkle root, the signed
-- note as published, the id of the key that signed it, the tree's frontier at that size (the roots
-- of its perfect subtrees, largest first, as comma-separated hex) so that the tree goes on and
-- proves consistency without the leaves retention removed, and the consistency proof from the
-- chain's previous checkpoint (comma-separated hex; empty for the first).
create table audit_checkpoint (
    chain varchar(256) not null,
    tree_size bigint not null,
    root_hash varchar(64) not null,
    note varchar(4000) not null,
    key_id varchar(8) not null,
    created_at timestamp with time zone not null,
    frontier varchar(4200) not null,
    previous_size bigint,
    consistency_proof varchar(8400),
    primary key (chain, tree_size)
);
