-- A content is found by its API and id, and a new one goes after the largest order of its API:
-- both are index look-ups, not scans of every content.
create index content_api_content_id on content (api_ref, content_id);
create index content_api_sort_order on content (api_ref, sort_order);
