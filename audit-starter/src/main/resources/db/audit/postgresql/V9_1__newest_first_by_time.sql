-- Newest first is by time, ties by id (an HTTP request's entry is inserted by a background writer,
-- after entries of requests that started later). The list's indexes end with (occurred_at, id), so
-- that a first page is still read from an index in order, with no sort, and a cursor's position
-- is an index range.
drop index audit_event_tenant;
create index audit_event_tenant on audit_event (tenant, occurred_at, id);
drop index audit_event_actor;
create index audit_event_actor on audit_event (tenant, actor_id, occurred_at, id);
drop index audit_event_operation;
create index audit_event_operation on audit_event (tenant, operation, occurred_at, id);
drop index audit_event_entity;
create index audit_event_entity on audit_event (entity_type, entity_id, occurred_at, id);
create index audit_event_time on audit_event (occurred_at, id);
