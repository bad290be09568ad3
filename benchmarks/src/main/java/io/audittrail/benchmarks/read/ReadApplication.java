package io.audittrail.benchmarks.read;

import java.nio.file.Path;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.benchmarks.app.Database;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.export.CsvExporter;
import io.audittrail.store.EventQuery;

/**
 * The starter on the database of {@link AuditLogSeed}, without a web server: its catalog,
 * store, schema, integrity and (when asked) evidence beans as the auto-configuration
 * makes them, and the query and export the JSON API serves, made as the web
 * auto-configuration and the API controller make them.
 */
@Configuration(proxyBeanMethods = false)
@ImportReadAutoConfiguration
public class ReadApplication {

	/**
	 * Without checkpoints: nothing signs in the background while the reads are measured.
	 */
	static ConfigurableApplicationContext start(Database database) {
		return start(database, "audit.integrity.signing.enabled=false");
	}

	/**
	 * With checkpoints signed by the key kept in the given directory, under the log name
	 * {@code audit-benchmark}, and signed only when asked (the schedule's interval is a
	 * day).
	 */
	static ConfigurableApplicationContext startWithEvidence(Database database, Path keys) {
		return start(database, "audit.integrity.log-name=audit-benchmark", "audit.integrity.signing.directory=" + keys,
				"audit.integrity.checkpoint-interval=1d");
	}

	private static ConfigurableApplicationContext start(Database database, String... properties) {
		return new SpringApplicationBuilder(ReadApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.properties("spring.datasource.url=" + AuditLogSeed.url(database),
					"spring.datasource.username=" + AuditLogSeed.user(database),
					"spring.datasource.password=" + AuditLogSeed.user(database),
					"spring.datasource.hikari.maximum-pool-size=4", "spring.main.banner-mode=off",
					"spring.main.log-startup-info=false", "logging.level.root=warn")
			.run();
	}

	@Bean
	EventQuery eventQuery(DataSource dataSource, PlatformTransactionManager transactionManager) {
		TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
		readOnly.setReadOnly(true);
		return new EventQuery(dataSource, readOnly, JsonMapper.builder().build());
	}

	@Bean
	CsvExporter csvExporter(EventQuery events, OperationCatalog catalog) {
		return new CsvExporter(events, catalog);
	}

}
