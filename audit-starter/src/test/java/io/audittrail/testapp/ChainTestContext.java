package io.audittrail.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The context shared by the H2 tests of the hash chains and retention: a database of their own,
 * sealing every 50 ms and retention run by the tests only.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-chain;DB_CLOSE_DELAY=-1",
				"audit.integrity.seal-interval=50ms", "audit.retention.cron=-" })
public @interface ChainTestContext {

}
