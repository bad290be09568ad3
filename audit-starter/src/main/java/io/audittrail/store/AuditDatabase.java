package io.audittrail.store;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The databases the starter ships a schema and SQL for.
 */
enum AuditDatabase {

	H2("h2"), POSTGRESQL("postgresql");

	private final String id;

	AuditDatabase(String id) {
		this.id = id;
	}

	/** The folder name of this database's migrations, as Flyway's {@code {vendor}}. */
	public String id() {
		return this.id;
	}

	/**
	 * The database behind the data source, or empty when it cannot be told or is another
	 * database that holds the starter's tables: the caller then keeps to portable SQL.
	 */
	public static Optional<AuditDatabase> find(DataSource dataSource) {
		try {
			return Optional.of(of(dataSource));
		}
		catch (IllegalStateException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The database behind the data source.
	 * @throws IllegalStateException if it is neither H2 nor PostgreSQL
	 */
	public static AuditDatabase of(DataSource dataSource) {
		String product;
		try {
			product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the audit log is stored in", ex);
		}
		String name = String.valueOf(product).toLowerCase(Locale.ROOT);
		if (name.contains("h2")) {
			return H2;
		}
		if (name.contains("postgres")) {
			return POSTGRESQL;
		}
		throw new IllegalStateException("The audit log supports H2 and PostgreSQL, not " + product
				+ ". Create its tables with your own migrations (see the starter's db/audit folder) and set "
				+ "audit.store.initialize-schema=false.");
	}

}
