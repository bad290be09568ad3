package io.audittrail.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the columns each user shows in the list, in the table
 * {@code audit_column_preference}. Thread-safe.
 */
final class JdbcColumnPreferences implements ColumnPreferenceStore {

	private final JdbcTemplate jdbc;

	JdbcColumnPreferences(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	@Override
	public Optional<List<String>> find(String user) {
		return this.jdbc
			.query("select columns from audit_column_preference where user_name = ?", (rs, row) -> rs.getString(1),
					user)
			.stream()
			.findFirst()
			.map((columns) -> columns.isEmpty() ? List.of() : Arrays.asList(columns.split(",")));
	}

	@Override
	public void save(String user, List<String> columns) {
		String value = String.join(",", columns);
		Timestamp now = Timestamp.from(Instant.now());
		if (update(user, value, now) == 0) {
			try {
				this.jdbc.update(
						"insert into audit_column_preference (user_name, columns, updated_at) values (?, ?, ?)", user,
						value, now);
			}
			catch (DuplicateKeyException ex) {
				update(user, value, now);
			}
		}
	}

	private int update(String user, String value, Timestamp now) {
		return this.jdbc.update("update audit_column_preference set columns = ?, updated_at = ? where user_name = ?",
				value, now, user);
	}

}
