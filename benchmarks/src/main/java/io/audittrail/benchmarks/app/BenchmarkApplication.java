package io.audittrail.benchmarks.app;

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.javers.core.Javers;
import org.javers.core.JaversBuilder;
import org.javers.repository.sql.DialectName;
import org.javers.repository.sql.SqlRepositoryBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmarked application. {@link #start(Database, Mode)} runs it on a fresh database
 * of its own.
 */
@SpringBootApplication
public class BenchmarkApplication {

	static final String JAVERS_PROPERTY = "benchmark.javers";

	static final String COUNT_ROUND_TRIPS_PROPERTY = "benchmark.count-round-trips";

	/** The property that gives the application a meter registry of its own. */
	public static final String METERS_PROPERTY = "benchmark.meters";

	/** Starts the application in a mode, on a new database named after the mode. */
	public static ConfigurableApplicationContext start(Database database, Mode mode) {
		return start(database, mode, false);
	}

	/**
	 * Starts the application in a mode, on a new database named after the mode,
	 * optionally counting its JDBC round trips in the bean {@link JdbcRoundTrips}.
	 */
	public static ConfigurableApplicationContext start(Database database, Mode mode, boolean countRoundTrips) {
		return start(database, mode, "bench_" + mode.name().toLowerCase(),
				Map.of(COUNT_ROUND_TRIPS_PROPERTY, String.valueOf(countRoundTrips)));
	}

	/**
	 * Starts the application in a mode, on a new database of that name, with more
	 * properties.
	 */
	public static ConfigurableApplicationContext start(Database database, Mode mode, String name,
			Map<String, Object> more) {
		Map<String, Object> properties = new HashMap<>(common(database.createDatabase(name)));
		properties.putAll(mode.properties());
		properties.putAll(more);
		return new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	static Map<String, Object> common(String url) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", url.startsWith("jdbc:postgresql:") ? "postgres" : "sa");
		properties.put("spring.datasource.password", url.startsWith("jdbc:postgresql:") ? "postgres" : "");
		properties.put("spring.datasource.hikari.maximum-pool-size", "4");
		properties.put("spring.jpa.hibernate.ddl-auto", "update");
		properties.put("spring.jpa.open-in-view", "false");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.log-startup-info", "false");
		properties.put("logging.level.root", "warn");
		properties.put("logging.level.org.hibernate.orm.deprecation", "error");
		properties.put("logging.level.org.javers", "warn");
		return properties;
	}

	@Bean
	@ConditionalOnBooleanProperty(COUNT_ROUND_TRIPS_PROPERTY)
	static JdbcRoundTrips jdbcRoundTrips() {
		return new JdbcRoundTrips();
	}

	@Bean
	@ConditionalOnBooleanProperty(COUNT_ROUND_TRIPS_PROPERTY)
	static BeanPostProcessor countingDataSource(ObjectProvider<JdbcRoundTrips> roundTrips) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource) ? roundTrips.getObject().wrap(dataSource) : bean;
			}

		};
	}

	@Bean
	@ConditionalOnBooleanProperty(METERS_PROPERTY)
	static SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = JAVERS_PROPERTY, havingValue = false, matchIfMissing = true)
	ChangeRecorder noChangeRecorder() {
		return ChangeRecorder.none();
	}

	@Bean
	@ConditionalOnBooleanProperty(JAVERS_PROPERTY)
	ChangeRecorder javersChangeRecorder(DataSource dataSource, PlatformTransactionManager transactions) {
		String url = new JdbcTemplate(dataSource).execute((Connection connection) -> connection.getMetaData().getURL());
		DialectName dialect = url.startsWith("jdbc:postgresql:") ? DialectName.POSTGRES : DialectName.H2;
		// JaVers uses the connection of the Spring transaction, so that it commits with
		// the change
		var repository = SqlRepositoryBuilder.sqlRepository()
			.withConnectionProvider(() -> DataSourceUtils.getConnection(dataSource))
			.withDialect(dialect)
			.withSchemaManagementEnabled(true)
			.build();
		Javers javers = new TransactionTemplate(transactions)
			.execute((status) -> JaversBuilder.javers().registerJaversRepository(repository).build());
		return new JaversChangeRecorder(javers);
	}

}
