package io.audittrail.benchmarks.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database a benchmark writes to; each benchmarked context gets a database of its
 * own.
 */
public enum Database {

	/**
	 * H2 in memory; emptied first, since a database of that name lives on in this JVM
	 * after a trial.
	 */
	H2 {

		@Override
		public String createDatabase(String name) {
			String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
			try (Connection connection = DriverManager.getConnection(url, "sa", "");
					Statement statement = connection.createStatement()) {
				statement.execute("drop all objects");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot empty the database " + name, ex);
			}
			return url;
		}

	},

	/**
	 * PostgreSQL 18, embedded: the server whose port the system property
	 * {@value #POSTGRES_PORT_PROPERTY} names (the report starts one and shares it with
	 * the benchmark forks), else a server of this JVM started on first use.
	 */
	POSTGRESQL {

		@Override
		public String createDatabase(String name) {
			String url = "jdbc:postgresql://localhost:" + postgresPort() + "/%s?user=postgres";
			try (Connection connection = DriverManager.getConnection(url.formatted("postgres"));
					Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + name + " with (force)");
				statement.execute("create database " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot create the database " + name, ex);
			}
			return url.formatted(name);
		}

	};

	/** The system property that names the port of a running PostgreSQL server to use. */
	public static final String POSTGRES_PORT_PROPERTY = "benchmark.postgres.port";

	private static EmbeddedPostgres postgres;

	/**
	 * Creates an empty database and returns its JDBC URL (user and password
	 * {@code postgres}).
	 */
	public abstract String createDatabase(String name);

	/** The port of the PostgreSQL server, started in this JVM unless one is named. */
	public static int postgresPort() {
		String port = System.getProperty(POSTGRES_PORT_PROPERTY);
		return (port != null) ? Integer.parseInt(port) : postgres().getPort();
	}

	private static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				// loaded for the statement figures of SealCpu, which switches tracking on
				// while it reads them
				postgres = EmbeddedPostgres.builder()
					.setServerConfig("shared_preload_libraries", "pg_stat_statements")
					.setServerConfig("pg_stat_statements.track", "none")
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(Database::stopPostgres));
		}
		return postgres;
	}

	private static synchronized void stopPostgres() {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is going away; the data directory is temporary
		}
	}

}
