package io.audittrail.testapp;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import io.audittrail.spi.RevertGuard;
import io.audittrail.spi.TenantResolver;

/**
 * A small application with two Envers-audited entities, used by the starter's integration
 * tests.
 */
@SpringBootApplication
public class TestApplication {

	/** The tenant of the current test call. */
	public static final ThreadLocal<String> TENANT = new ThreadLocal<>();

	/** Ids of articles that a test has handed over to another tenant. */
	public static final Set<Long> MOVED_ARTICLES = ConcurrentHashMap.newKeySet();

	@Bean
	TenantResolver testTenantResolver() {
		return TENANT::get;
	}

	/** Reverts never touch an article that belongs to another tenant now. */
	@Bean
	RevertGuard movedArticlesGuard() {
		return (event, entity) -> (entity instanceof Article article && MOVED_ARTICLES.contains(article.getId()))
				? Optional.of("Article " + article.getId() + " belongs to another tenant now.") : Optional.empty();
	}

}
