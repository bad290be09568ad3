package io.audittrail.benchmarks.read;

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
 * store, schema and integrity beans as the auto-configuration makes them, and the query
 * and export the JSON API serves, made as the web auto-configuration and the API
 * controller make them.
 */
@Configuration(proxyBeanMethods = false)
@ImportReadAutoConfiguration
public class ReadApplication {

	static ConfigurableApplicationContext start(Database database) {
		return new SpringApplicationBuilder(ReadApplication.class).web(WebApplicationType.NONE)
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
