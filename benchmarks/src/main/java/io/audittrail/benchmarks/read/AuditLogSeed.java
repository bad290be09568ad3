package io.audittrail.benchmarks.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.audittrail.benchmarks.app.Database;
import io.audittrail.store.AuditSchemaInitializer;

/**
 * The audit log the read benchmarks read: {@value #EVENTS} sealed events in a database of
 * their own, with the starter's schema from its own migrations. It is loaded once and
 * then reused: on H2 a file under {@code target/}, kept from run to run; on PostgreSQL a
 * database in the server the benchmarks share. Rows are loaded in bulk (PostgreSQL
 * {@code COPY}, H2 JDBC batches), with the secondary indexes built afterwards, and linked
 * into their chains with the starter's digest as they are made, so that verification
 * accepts them.
 */
public final class AuditLogSeed {

	/** How many events the log holds. */
	public static final int EVENTS = 1_000_000;

	private static final String POSTGRES_DATABASE = "bench_read";

	private static final Path H2_FILE = Path.of("target", "read-benchmark", "audit-log-v3").toAbsolutePath();

	private static final int BATCH = 5_000;

	/** What {@link #ensure(Database)} did. */
	public record Seeding(Database database, boolean loaded, Duration took) {

		@Override
		public String toString() {
			return this.database + " " + (this.loaded ? "loaded in " + this.took.toSeconds() + " s" : "reused");
		}

	}

	private AuditLogSeed() {
	}

	/** The JDBC URL of the database that holds the log. */
	public static String url(Database database) {
		return switch (database) {
			case H2 -> "jdbc:h2:file:" + H2_FILE + ";LAZY_QUERY_EXECUTION=1";
			case POSTGRESQL -> postgresUrl(POSTGRES_DATABASE);
		};
	}

	/** The user name for {@link #url(Database)}; the password is the same. */
	public static String user(Database database) {
		return (database == Database.H2) ? "sa" : "postgres";
	}

	/** Makes sure the database holds the log, loading it unless it already does. */
	public static Seeding ensure(Database database) {
		long started = System.nanoTime();
		if (database == Database.POSTGRESQL) {
			createPostgresDatabase();
		}
		// a cache that holds the whole table while the indexes are built
		String url = (database == Database.H2) ? url(database) + ";CACHE_SIZE=1048576" : url(database);
		try {
			try (Connection connection = migrated(url, database)) {
				if (holdsLog(connection)) {
					return new Seeding(database, false, Duration.ZERO);
				}
			}
			if (database == Database.H2) {
				// a load cut short may have dropped the indexes it meant to rebuild:
				// start from the migrations
				deleteH2Files();
			}
			try (Connection connection = migrated(url, database)) {
				load(connection, database);
				if (!holdsLog(connection)) {
					throw new IllegalStateException("The audit log on " + database + " is incomplete after loading");
				}
				if (database == Database.H2) {
					// leaves a file without the garbage of the load, as a database in use
					// would be
					execute(connection, "shutdown compact");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot load the audit log on " + database, ex);
		}
		return new Seeding(database, true, Duration.ofNanos(System.nanoTime() - started));
	}

	/** A connection to the database, with the starter's schema migrated. */
	private static Connection migrated(String url, Database database) throws SQLException {
		Connection connection = DriverManager.getConnection(url, user(database), user(database));
		new AuditSchemaInitializer(new SingleConnectionDataSource(connection, true)).afterPropertiesSet();
		return connection;
	}

	private static void deleteH2Files() {
		for (String suffix : new String[] { ".mv.db", ".trace.db" }) {
			try {
				Files.deleteIfExists(Path.of(H2_FILE + suffix));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private static boolean holdsLog(Connection connection) throws SQLException {
		return count(connection, "select count(*) from audit_event") == EVENTS
				&& count(connection,
						"select count(*) from audit_seal where encoding = '" + SeedChains.ENCODING + "'") == EVENTS
				&& count(connection, "select coalesce(sum(seq), 0) from audit_chain_head") == EVENTS;
	}

	private static void load(Connection connection, Database database) throws SQLException {
		execute(connection, "delete from audit_chain_head");
		execute(connection, "delete from audit_chain_checkpoint");
		execute(connection, "truncate table audit_seal");
		execute(connection, "truncate table audit_request_status");
		execute(connection, "truncate table audit_event");
		Map<String, String> indexes = secondaryIndexes(connection, database);
		for (String index : indexes.keySet()) {
			execute(connection, "drop index " + index);
		}
		GeneratedEvents events = new GeneratedEvents();
		if (database == Database.POSTGRESQL) {
			copy(connection, "audit_event", SeedChains.EVENT_COLUMNS, events, false);
			// the same events again, made the same way, for their seals
			events = new GeneratedEvents();
			copy(connection, "audit_seal", SeedChains.SEAL_COLUMNS, events, true);
			execute(connection, "set maintenance_work_mem = '256MB'");
		}
		else {
			insert(connection, events);
		}
		for (String index : indexes.values()) {
			execute(connection, index);
		}
		try (PreparedStatement insert = connection
			.prepareStatement("insert into audit_chain_head (chain_key, tenant, seq, hash) values (?, ?, ?, ?)")) {
			for (Map.Entry<String, SeedChains.Head> head : events.heads().entrySet()) {
				insert.setString(1, head.getKey());
				insert.setString(2, head.getValue().tenant());
				insert.setLong(3, head.getValue().seq());
				insert.setString(4, head.getValue().hash());
				insert.executeUpdate();
			}
		}
		// new events, if any, take the next ids; the planner knows the table as it would
		// in use
		if (database == Database.POSTGRESQL) {
			execute(connection, "select setval(pg_get_serial_sequence('audit_event', 'id'), " + EVENTS + ")");
			execute(connection, "vacuum analyze audit_event");
			execute(connection, "vacuum analyze audit_seal");
		}
		else {
			execute(connection, "alter table audit_event alter column id restart with " + (EVENTS + 1));
			execute(connection, "analyze");
		}
	}

	/**
	 * The indexes of {@code audit_event} other than its primary key, by name, with the
	 * statements that create them.
	 */
	private static Map<String, String> secondaryIndexes(Connection connection, Database database) throws SQLException {
		Map<String, String> indexes = new LinkedHashMap<>();
		String query = (database == Database.POSTGRESQL)
				? "select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = "
						+ "'audit_event' and indexname not in (select conname from pg_constraint)"
				: "select i.index_name, c.column_name || ' ' || c.ordering_specification from information_schema.indexes i "
						+ "join information_schema.index_columns c on c.index_schema = i.index_schema and "
						+ "c.index_name = i.index_name where i.table_schema = current_schema and "
						+ "i.table_name = 'AUDIT_EVENT' and i.index_type_name = 'INDEX' order by i.index_name, "
						+ "c.ordinal_position";
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			while (rows.next()) {
				String name = rows.getString(1);
				if (database == Database.POSTGRESQL) {
					indexes.put(name, rows.getString(2));
				}
				else {
					// one row per column, in order
					String column = rows.getString(2);
					indexes.merge(name, "create index " + name + " on audit_event (" + column + ")",
							(columns, next) -> columns.substring(0, columns.length() - 1) + ", " + column + ")");
				}
			}
		}
		return indexes;
	}

	/** PostgreSQL: one {@code COPY} of every event row, or of every seal row. */
	private static void copy(Connection connection, String table, String columns, GeneratedEvents events, boolean seals)
			throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)");
		StringBuilder csv = new StringBuilder(BATCH * 512);
		for (int i = 1; i <= EVENTS; i++) {
			Object[] event = events.next();
			csvRow(csv, seals ? events.lastSeal() : event);
			if (i % BATCH == 0 || i == EVENTS) {
				byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
				copy.writeToCopy(bytes, 0, bytes.length);
				csv.setLength(0);
			}
		}
		copy.endCopy();
	}

	private static void csvRow(StringBuilder csv, Object[] row) {
		for (int i = 0; i < row.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			Object value = row[i];
			if (value instanceof String text) {
				csv.append('"').append(text.replace("\"", "\"\"")).append('"');
			}
			else if (value != null) {
				csv.append(value);
			}
		}
		csv.append('\n');
	}

	/** H2: JDBC batches, in transactions of 100,000 rows. */
	private static void insert(Connection connection, GeneratedEvents events) throws SQLException {
		connection.setAutoCommit(false);
		try (PreparedStatement insert = connection.prepareStatement("insert into audit_event ("
				+ SeedChains.EVENT_COLUMNS + ") values (" + "?, ".repeat(SeedChains.EVENT_COLUMN_COUNT - 1) + "?)");
				PreparedStatement seal = connection.prepareStatement(
						"insert into audit_seal (" + SeedChains.SEAL_COLUMNS + ") values (?, ?, ?, ?, ?, ?)")) {
			for (int i = 1; i <= EVENTS; i++) {
				add(insert, events.next());
				add(seal, events.lastSeal());
				if (i % BATCH == 0 || i == EVENTS) {
					insert.executeBatch();
					seal.executeBatch();
				}
				if (i % 100_000 == 0) {
					connection.commit();
				}
			}
		}
		connection.commit();
		connection.setAutoCommit(true);
	}

	private static void add(PreparedStatement statement, Object[] row) throws SQLException {
		for (int column = 0; column < row.length; column++) {
			statement.setObject(column + 1, row[column]);
		}
		statement.addBatch();
	}

	private static void createPostgresDatabase() {
		try (Connection connection = DriverManager.getConnection(postgresUrl("postgres"), "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("select 1 from pg_database where datname = '" + POSTGRES_DATABASE + "'")) {
				if (exists.next()) {
					return;
				}
			}
			statement.execute("create database " + POSTGRES_DATABASE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database " + POSTGRES_DATABASE, ex);
		}
	}

	private static String postgresUrl(String name) {
		return "jdbc:postgresql://localhost:" + Database.postgresPort() + "/" + name;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
