package io.audittrail.capture;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.Action;
import io.audittrail.core.Actor;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.EntityRef;
import io.audittrail.core.FailurePolicy;
import io.audittrail.core.Outcome;
import io.audittrail.core.RequestOrigin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The writer and the revision recorder in real transactions, without Envers: what each
 * transaction holds is written when it completes, in its revision.
 */
class TransactionalEventWriterTests {

	private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

	private final OperationCatalog catalog = OperationCatalog.load(new PathMatchingResourcePatternResolver(),
			List.of(OperationCatalog.DEFAULT_LOCATION));

	private final List<AuditEvent> stored = new ArrayList<>();

	private final TransactionalEventWriter writer = new TransactionalEventWriter(this.stored::addAll, this.catalog,
			new TransactionalEventWriter.Settings(FailurePolicy.FAIL, true), null, null, null,
			Clock.fixed(NOW, ZoneOffset.UTC), RequestCapture.none());

	private final RevisionRecorder revisions = RevisionRecorder.of(this.writer);

	private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(
			new DriverManagerDataSource("jdbc:h2:mem:transactional-event-writer;DB_CLOSE_DELAY=-1")));

	private final EventContext context = new EventContext(Actor.apiKey("k1", "CI key"), "demo",
			new RequestOrigin("198.51.100.4", "r1"), null);

	@Test
	void eventsAreWrittenWhenTheirTransactionCommitsInItsRevision() {
		this.transaction.executeWithoutResult((status) -> {
			this.writer.write(List.of(event("content.update")));
			this.revisions.revisionCreated(() -> 42L, this.context);
			assertThat(this.stored).isEmpty();
		});

		assertThat(this.stored).singleElement().satisfies((event) -> {
			assertThat(event.operation()).isEqualTo("content.update");
			assertThat(event.outcome()).isEqualTo(Outcome.SUCCESS);
			assertThat(event.revision()).isEqualTo(42L);
		});
	}

	@Test
	void eventsOfATransactionThatRollsBackAreWrittenAsFailures() {
		this.transaction.executeWithoutResult((status) -> {
			this.writer.write(List.of(event("content.update")));
			this.revisions.revisionCreated(() -> 42L, this.context);
			status.setRollbackOnly();
		});

		assertThat(this.stored).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(Outcome.FAILURE);
			assertThat(event.error()).isEqualTo("TransactionRolledBack");
			assertThat(event.revision()).isNull();
		});
	}

	@Test
	void aTransactionOfItsOwnWritesItsEventsApartFromTheSurroundingOne() {
		TransactionTemplate inner = new TransactionTemplate(this.transaction.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.transaction.executeWithoutResult((status) -> {
			this.writer.write(List.of(event("content.update")));
			inner.executeWithoutResult((innerStatus) -> this.writer.write(List.of(event("content.create"))));
			assertThat(this.stored).extracting(AuditEvent::operation).containsExactly("content.create");
		});

		assertThat(this.stored).extracting(AuditEvent::operation).containsExactly("content.create", "content.update");
	}

	@Test
	void entityChangesNoCallCoversAreRecordedOncePerEntityInTheRevision() {
		this.transaction.executeWithoutResult((status) -> {
			this.revisions.revisionCreated(() -> 7L, this.context);
			this.revisions.entityChanged("Note", "1", Action.CREATE);
			this.revisions.entityChanged("Note", "1", Action.UPDATE);
			this.revisions.entityChanged("Tag", "t", Action.DELETE);
		});

		assertThat(this.stored)
			.extracting(AuditEvent::operation, AuditEvent::entity, AuditEvent::tenant, AuditEvent::revision)
			.containsExactly(tuple("note.create", new EntityRef("Note", "1", null), "demo", 7L),
					tuple("tag.delete", new EntityRef("Tag", "t", null), "demo", 7L));
	}

	@Test
	void entityChangesOfATransactionWithEventsAreNotRecordedApart() {
		this.transaction.executeWithoutResult((status) -> {
			this.writer.write(List.of(event("content.update")));
			this.revisions.revisionCreated(() -> 7L, this.context);
			this.revisions.entityChanged("Note", "1", Action.UPDATE);
		});

		assertThat(this.stored).extracting(AuditEvent::operation).containsExactly("content.update");
	}

	@Test
	void outsideATransactionEventsAreWrittenAtOnceAndRevisionsChangeNothing() {
		this.writer.write(List.of(event("content.update")));

		assertThat(this.stored).extracting(AuditEvent::operation).containsExactly("content.update");
		assertThat(this.revisions.revisionCreated(() -> 7L, this.context)).isEqualTo(this.context);
	}

	private AuditEvent event(String operation) {
		return new AuditEvent(null, NOW, "demo", operation, "content", Action.UPDATE, Outcome.SUCCESS,
				this.context.actor(), null, null, null, null, null, null, null, null);
	}

}
