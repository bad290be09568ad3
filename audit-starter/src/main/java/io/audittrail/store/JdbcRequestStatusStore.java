package io.audittrail.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records the response statuses of completed requests as rows of
 * {@code audit_request_status}, one JDBC batch per call; the events themselves are never
 * updated.
 */
final class JdbcRequestStatusStore implements RequestStatusStore {

	/*
	 * An event with a request part and no status of its own is complete once its status
	 * row exists. The sealer waits for it (or seals without a status after a grace
	 * period, as after a crash before the response); a status that arrives after the
	 * event was sealed is not recorded, so a sealed event never changes. The method and
	 * start time narrow the match to the request, as a client may send the same
	 * X-Request-Id twice.
	 */
	static final String INSERT = """
			insert into audit_request_status (event_id, status)
			select e.id, ? from audit_event e
			where e.request_id = ? and e.http_method = ? and e.occurred_at >= ? and e.http_status is null
			and not exists (select 1 from audit_request_status st where st.event_id = e.id)
			and not exists (select 1 from audit_seal s where s.event_id = e.id)""";

	private final JdbcTemplate jdbc;

	JdbcRequestStatusStore(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public void complete(List<RequestCompletion> completions) {
		if (completions.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(INSERT, completions, completions.size(), (statement, completion) -> {
			statement.setInt(1, completion.status());
			statement.setString(2, completion.requestId());
			statement.setString(3, completion.method());
			statement.setObject(4, OffsetDateTime.ofInstant(completion.startedAt(), ZoneOffset.UTC));
		});
	}

}
