package io.audittrail.sample.support;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded PostgreSQL server for all tests of a JVM, started on first use.
 */
public final class EmbeddedPostgres {

	private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

	private EmbeddedPostgres() {
	}

	/** Points the context's data source at a fresh database of the shared server. */
	public static synchronized void register(DynamicPropertyRegistry registry, String database) {
		try {
			if (server == null) {
				server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start();
			}
			try (var connection = server.getPostgresDatabase().getConnection();
					var statement = connection.createStatement()) {
				statement.execute("drop database if exists " + database);
				statement.execute("create database " + database);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		String url = server.getJdbcUrl("postgres", database);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
	}

}
