package io.audittrail.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What differs between the databases the audit log runs on: how many rows go in one
 * statement, how a job lock is taken without waiting, and whether the database enforces
 * append-only tables. The store asks its dialect; nothing outside the store branches on
 * the database.
 */
enum StoreDialect {

	/** H2: JDBC batches; no append-only enforcement. */
	H2,

	/**
	 * PostgreSQL: one statement over arrays for larger writes; triggers make tables
	 * append-only.
	 */
	POSTGRESQL,

	/** Another database that holds the starter's tables: portable SQL only. */
	PORTABLE;

	/** The tables whose rows are inserted once and only ever deleted by retention. */
	static final List<String> WRITE_ONCE_TABLES = List.of("audit_event", "audit_seal", "audit_request_status",
			"audit_checkpoint");

	/**
	 * From how many rows a write is one statement over arrays rather than a JDBC batch.
	 */
	private static final int ONE_STATEMENT_FROM = 8;

	static StoreDialect of(DataSource dataSource) {
		return AuditDatabase.find(dataSource)
			.map((database) -> (database == AuditDatabase.POSTGRESQL) ? POSTGRESQL : H2)
			.orElse(PORTABLE);
	}

	/**
	 * Whether this many rows are written as one statement over arrays, one per column.
	 */
	boolean writesInOneStatement(int rows) {
		return this == POSTGRESQL && rows >= ONE_STATEMENT_FROM;
	}

	/**
	 * Runs a statement whose parameters are arrays, one per column, of the given SQL
	 * element types.
	 * @return the rows the statement changed
	 */
	int executeOverArrays(JdbcTemplate jdbc, String sql, String[] elementTypes, Object[][] columns) {
		Integer count = jdbc.execute((Connection connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int column = 0; column < columns.length; column++) {
					statement.setArray(column + 1, connection.createArrayOf(elementTypes[column], columns[column]));
				}
				return statement.executeUpdate();
			}
		});
		return (count != null) ? count : 0;
	}

	/**
	 * The statement that takes a job's row lock, or finds nothing when another run holds
	 * it.
	 */
	String lockOrSkip() {
		return "select name from audit_job_lock where name = ? for update skip locked";
	}

	/** Whether {@code audit.store.append-only} can be enforced by this database. */
	boolean enforcesAppendOnly() {
		return this == POSTGRESQL;
	}

	/**
	 * The statements that make updates of the write-once tables fail in the database
	 * itself.
	 */
	List<String> appendOnlyStatements() {
		if (this != POSTGRESQL) {
			throw new IllegalStateException("audit.store.append-only=true is enforced on PostgreSQL only; "
					+ "this database cannot refuse updates of the audit tables. Remove the property.");
		}
		String function = """
				create or replace function audit_refuse_update() returns trigger language plpgsql as $$
				begin
				    raise exception 'The audit log is append-only: rows of % are never updated', TG_TABLE_NAME
				        using errcode = 'insufficient_privilege';
				end
				$$""";
		List<String> statements = new ArrayList<>();
		statements.add(function);
		for (String table : WRITE_ONCE_TABLES) {
			statements.add("drop trigger if exists " + table + "_append_only on " + table);
			statements.add("create trigger " + table + "_append_only before update on " + table
					+ " for each row execute function audit_refuse_update()");
		}
		return statements;
	}

}
