package io.audittrail.testapp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The context shared by the H2 tests of the hash chains and retention: a database of
 * their own, sealing every 50 ms, and checkpoints signed and retention run by the tests
 * only (the checkpoint schedule runs once at start). H2 waits up to 20 s for a row lock
 * instead of its default 2 s: the tests race several sealers for one chain head, and on a
 * loaded machine one may hold it longer than that.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class,
		properties = { "spring.datasource.url=jdbc:h2:mem:audit-chain;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
				"audit.integrity.seal-interval=50ms", "audit.integrity.full-verification-interval=0s",
				"audit.integrity.checkpoint-interval=1h", "audit.retention.cron=-" })
public @interface ChainTestContext {

}
