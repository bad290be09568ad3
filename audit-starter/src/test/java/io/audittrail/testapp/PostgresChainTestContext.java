package io.audittrail.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import io.audittrail.testsupport.TestPostgres;

/**
 * The context shared by the PostgreSQL tests of the hash chains and retention: a database
 * of their own on the embedded server, sealing every 50 ms, and checkpoints signed and
 * retention run by the tests only (the checkpoint schedule runs once at start).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class,
		properties = { "audit.integrity.seal-interval=50ms", "audit.integrity.full-verification-interval=0s",
				"audit.integrity.checkpoint-interval=1h", "audit.retention.cron=-" })
@ContextConfiguration(initializers = PostgresChainTestContext.Database.class)
public @interface PostgresChainTestContext {

	/** Points the data source at the database {@code chain}. */
	class Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> properties = new LinkedHashMap<>();
			TestPostgres.register((name, value) -> properties.put(name, value.get()), "chain");
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("chainDatabase", properties));
		}

	}

}
