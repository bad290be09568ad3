package io.audittrail.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

import io.audittrail.capture.http.RequestCompletion;
import io.audittrail.capture.http.RequestStatusStore;

/**
 * Sets response statuses on the {@code audit_event} rows of completed requests, one JDBC batch per
 * call.
 */
public final class JdbcRequestStatusStore implements RequestStatusStore {

	/*
	 * An event with a request part is complete once its status is set: an event is complete when
	 * "http_method is null or http_status is not null". Until then its row still changes, so that
	 * whatever links events into the hash chain leaves incomplete events for later (or seals them
	 * without a status once they are older than a grace period, as after a crash before this
	 * update). The method and start time narrow the match to the request, as a client may send the
	 * same X-Request-Id twice.
	 */
	static final String UPDATE = "update audit_event set http_status = ? where request_id = ? and http_method = ? "
			+ "and occurred_at >= ? and http_status is null";

	private final JdbcTemplate jdbc;

	public JdbcRequestStatusStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public void complete(List<RequestCompletion> completions) {
		if (completions.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(UPDATE, completions, completions.size(), (statement, completion) -> {
			statement.setInt(1, completion.status());
			statement.setString(2, completion.requestId());
			statement.setString(3, completion.method());
			statement.setObject(4, OffsetDateTime.ofInstant(completion.startedAt(), ZoneOffset.UTC));
		});
	}

}
