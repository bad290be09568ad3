package io.audittrail.capture;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.audittrail.testapp.Article;
import io.audittrail.testapp.ArticleService;
import io.audittrail.testapp.StoredEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under {@code audit.failure-policy=log}, a failing audit store does not fail the
 * business call: the change commits, and the loss is counted.
 */
abstract class FailOpenPolicyIntegrationTests {

	@Autowired
	ArticleService articles;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void signIn() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin@demo.test", null, List.of()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void businessChangeCommitsAndTheLossIsCounted() {
		StoredEvents events = new StoredEvents(this.jdbc);
		double lostBefore = lost();
		Article[] created = new Article[1];

		events.withBrokenStore(() -> created[0] = this.articles.create("Kept anyway", "n"));

		assertThat(this.articles.find(created[0].getId()).getTitle()).isEqualTo("Kept anyway");
		assertThat(events.forEntity(created[0].getId())).isEmpty();
		assertThat(lost() - lostBefore).isEqualTo(1.0);
	}

	@Test
	void recordsNormallyWhileTheStoreWorks() {
		Article article = this.articles.create("Recorded", "n");

		assertThat(new StoredEvents(this.jdbc).forEntity(article.getId())).hasSize(1);
	}

	private double lost() {
		var counter = this.meters.find("audit.events.lost").counter();
		return (counter != null) ? counter.count() : 0;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
