-- How far the relay has published each hash chain to each destination (a Kafka topic): the last
-- position the broker acknowledged. A relay holds a chain's row lock while it publishes the chain.
create table audit_stream_position (
    destination varchar(255) not null,
    chain_key varchar(256) not null,
    position bigint not null,
    published_at timestamp(6) with time zone,
    primary key (destination, chain_key)
);
