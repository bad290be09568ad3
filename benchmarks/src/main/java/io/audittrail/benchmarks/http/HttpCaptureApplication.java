package io.audittrail.benchmarks.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockServletContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.support.GenericWebApplicationContext;

import io.audittrail.benchmarks.app.Database;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.AuditEventStore;

/**
 * A JDBC application with an API, run in a web application context on a mock servlet
 * context (no server, no network), so that requests go through its filters and
 * {@code DispatcherServlet} as a server would send them. The audit store is wrapped to
 * count the events whose transaction committed.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(
		excludeName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
				"org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration" })
@Import(OrderController.class)
public class HttpCaptureApplication {

	static final String DISCARD_EVENTS_PROPERTY = "benchmark.discard-events";

	/** Starts the application with a capture setting, on a new database. */
	static ConfigurableApplicationContext start(Database database, Capture capture) {
		return start(database, capture, false);
	}

	/**
	 * Starts the application with a capture setting, on a new database, optionally with
	 * an audit store that discards the events instead of writing them.
	 */
	static ConfigurableApplicationContext start(Database database, Capture capture, boolean discardEvents) {
		String url = database.createDatabase("bench_http_" + capture.name().toLowerCase());
		boolean postgres = url.startsWith("jdbc:postgresql:");
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", url);
		properties.put("spring.datasource.username", postgres ? "postgres" : "sa");
		properties.put("spring.datasource.password", postgres ? "postgres" : "");
		properties.put("spring.datasource.hikari.maximum-pool-size", "4");
		properties.put("spring.main.banner-mode", "off");
		properties.put("spring.main.log-startup-info", "false");
		properties.put("logging.level.root", "warn");
		// A benchmark round ends by waiting for the writer: it should not idle for a
		// batch that cannot fill.
		properties.put("audit.http.flush-interval", "10ms");
		properties.putAll(capture.properties());
		properties.put(DISCARD_EVENTS_PROPERTY, String.valueOf(discardEvents));
		return new SpringApplicationBuilder(HttpCaptureApplication.class).web(WebApplicationType.SERVLET)
			.contextFactory(
					ApplicationContextFactory.of(() -> new GenericWebApplicationContext(new MockServletContext())))
			.properties(properties)
			.run();
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	@Bean
	@ConditionalOnBooleanProperty(DISCARD_EVENTS_PROPERTY)
	AuditEventStore discardingAuditEventStore() {
		return (List<AuditEvent> events) -> {
		};
	}

	@Bean
	CommittedEvents committedEvents() {
		return new CommittedEvents();
	}

	@Bean
	static BeanPostProcessor countingAuditEventStore(ObjectProvider<CommittedEvents> committed) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof AuditEventStore store) ? committed.getObject().counting(store) : bean;
			}

		};
	}

	/** The number of audit events whose transaction committed. Thread-safe. */
	static final class CommittedEvents {

		private final LongAdder count = new LongAdder();

		long count() {
			return this.count.sum();
		}

		AuditEventStore counting(AuditEventStore store) {
			return (List<AuditEvent> events) -> {
				store.append(events);
				int appended = events.size();
				if (TransactionSynchronizationManager.isSynchronizationActive()) {
					TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

						@Override
						public void afterCommit() {
							CommittedEvents.this.count.add(appended);
						}

					});
				}
				else {
					this.count.add(appended);
				}
			};
		}

	}

}
