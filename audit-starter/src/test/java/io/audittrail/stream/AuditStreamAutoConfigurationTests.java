package io.audittrail.stream;

import static io.audittrail.StarterAutoConfigurations.auditAutoConfiguration;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaTemplate;

import io.audittrail.core.AuditEventStore;
import io.audittrail.integrity.ChainSealing;
import io.audittrail.store.SealedEvent;
import io.audittrail.store.SealedEventSource;
import io.audittrail.store.StreamPositions;

import static org.assertj.core.api.Assertions.assertThat;

class AuditStreamAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				auditAutoConfiguration("AuditStoreAutoConfiguration"), auditAutoConfiguration("AuditAutoConfiguration"),
				auditAutoConfiguration("AuditIntegrityAutoConfiguration"), KafkaAutoConfiguration.class,
				AuditStreamAutoConfiguration.class));

	@Test
	void publishesNothingByDefault() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(StreamSchedule.class)
			.doesNotHaveBean(SealedEventSource.class)
			.doesNotHaveBean(StreamPositions.class)
			.hasSingleBean(AuditEventStore.class)
			.hasSingleBean(ChainSealing.SEALER));
	}

	@Test
	void runsTheRelayWhenSwitchedOn() {
		this.runner.withPropertyValues("audit.stream.kafka.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(SealedEventSource.class).hasSingleBean(StreamPositions.class);
			assertThat(context.getBean(StreamSchedule.class).isRunning()).isTrue();
			assertThat(context.getBean(StreamPositions.class).positions("audit-events")).isEmpty();
		});
	}

	@Test
	void letsOneRelayAtATimePublishAChainAndKeepsWhereItGot() {
		this.runner.withPropertyValues("audit.stream.kafka.enabled=true").run((context) -> {
			StreamPositions positions = context.getBean(StreamPositions.class);
			CountDownLatch publishing = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			CompletableFuture<Boolean> first = CompletableFuture
				.supplyAsync(() -> positions.publish("topic", "=acme", (from) -> {
					publishing.countDown();
					await(release);
					return from + 5;
				}));
			await(publishing);
			AtomicBoolean secondRan = new AtomicBoolean();
			assertThat(positions.publish("topic", "=acme", (from) -> {
				secondRan.set(true);
				return from + 1;
			})).isFalse();
			assertThat(secondRan).isFalse();
			assertThat(positions.publish("topic", "=globex", (from) -> from + 2)).isTrue();
			release.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
			assertThat(positions.positions("topic")).containsEntry("=acme", 5L).containsEntry("=globex", 2L);
			assertThat(positions.publish("topic", "=acme", (from) -> from)).isTrue();
			assertThat(positions.positions("topic")).containsEntry("=acme", 5L);
			assertThat(positions.positions("other-topic")).isEmpty();
		});
	}

	@Test
	void backsOffWithoutSpringForApacheKafka() {
		this.runner.withPropertyValues("audit.stream.kafka.enabled=true")
			.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(StreamSchedule.class)
				.doesNotHaveBean(SealedEventSource.class)
				.hasSingleBean(AuditEventStore.class)
				.hasSingleBean(ChainSealing.SEALER));
	}

	@Test
	void backsOffWhenUserDefinesTheSource() {
		SealedEventSource none = new SealedEventSource() {

			@Override
			public List<Chain> chains() {
				return List.of();
			}

			@Override
			public List<SealedEvent> after(Chain chain, long position, int limit) {
				return List.of();
			}

		};
		this.runner.withPropertyValues("audit.stream.kafka.enabled=true")
			.withBean(SealedEventSource.class, () -> none)
			.run((context) -> assertThat(context).getBean(SealedEventSource.class).isSameAs(none));
	}

	@Test
	void refusesABatchSizeBelowOne() {
		this.runner.withPropertyValues("audit.stream.kafka.enabled=true", "audit.stream.kafka.batch-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("audit.stream.kafka.batch-size must be at least 1"));
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
