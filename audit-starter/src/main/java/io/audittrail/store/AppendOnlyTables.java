package io.audittrail.store;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Makes the database refuse updates of the write-once tables
 * ({@code audit.store.append-only}): on PostgreSQL, a trigger on each table raises an
 * error for any {@code UPDATE}, whoever sends it; deletes (retention) are untouched.
 * Other databases fail the start-up, as they cannot enforce it.
 */
final class AppendOnlyTables implements InitializingBean {

	private static final Log logger = LogFactory.getLog(AppendOnlyTables.class);

	private final DataSource dataSource;

	private final StoreDialect dialect;

	AppendOnlyTables(DataSource dataSource, StoreDialect dialect) {
		this.dataSource = dataSource;
		this.dialect = dialect;
	}

	@Override
	public void afterPropertiesSet() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		for (String statement : this.dialect.appendOnlyStatements()) {
			jdbc.execute(statement);
		}
		logger.info("The audit tables " + StoreDialect.WRITE_ONCE_TABLES + " refuse updates");
	}

}
