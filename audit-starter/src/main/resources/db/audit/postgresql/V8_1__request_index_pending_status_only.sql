-- The response status is looked up by request id only for events of a captured request that still
-- wait for it; indexing only those rows spares every other insert and the sealer's update the work.
drop index audit_event_request;
create index audit_event_request on audit_event (request_id) where http_status is null and http_method is not null;
