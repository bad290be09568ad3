package io.audittrail.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded PostgreSQL server for all tests of a JVM, started on first use; each test
 * context gets a fresh database of its own.
 */
public final class TestPostgres {

	private static EmbeddedPostgres server;

	private TestPostgres() {
	}

	/** Points the context's data source at a fresh database of the shared server. */
	public static void register(DynamicPropertyRegistry registry, String database) {
		String url = createDatabase(database);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

	/**
	 * Creates an empty database on the shared server, dropping one of that name first.
	 * @return its JDBC URL, for the user {@code postgres} with the password
	 * {@code postgres}
	 */
	public static synchronized String createDatabase(String database) {
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database);
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the database " + database, ex);
		}
		return server.getJdbcUrl("postgres", database);
	}

	private static EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return server;
	}

}
