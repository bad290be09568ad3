package io.audittrail.benchmarks.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The database a benchmark writes to; each benchmarked context gets a database of its own. */
public enum Database {

	/** H2 in memory. */
	H2 {

		@Override
		public String createDatabase(String name) {
			return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
		}

	},

	/** PostgreSQL 18, embedded: one server per JVM, started on first use. */
	POSTGRESQL {

		@Override
		public String createDatabase(String name) {
			EmbeddedPostgres server = postgres();
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("drop database if exists " + name);
				statement.execute("create database " + name);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot create the database " + name, ex);
			}
			return server.getJdbcUrl("postgres", name);
		}

	};

	private static EmbeddedPostgres postgres;

	/** Creates an empty database and returns its JDBC URL (user and password {@code postgres}). */
	public abstract String createDatabase(String name);

	private static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
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
