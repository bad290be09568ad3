package io.audittrail.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.audittrail.core.TenantResolver;

/**
 * A small application with two Envers-audited entities, used by the starter's integration tests.
 */
@SpringBootApplication
public class TestApplication {

	/** The tenant of the current test call. */
	public static final ThreadLocal<String> TENANT = new ThreadLocal<>();

	@Bean
	TenantResolver testTenantResolver() {
		return TENANT::get;
	}

}
