-- Finds the events of a request, to set their response status once the request completes.
create index audit_event_request on audit_event (request_id);
