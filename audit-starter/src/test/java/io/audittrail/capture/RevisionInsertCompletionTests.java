package io.audittrail.capture;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionInsertCompletionTests {

	private final RevisionInsertCompletion completion = new RevisionInsertCompletion();

	@Test
	void skipsARevisionUpdateThatWritesNothingNew() {
		Object[] state = { "SYSTEM", "Article,Note" };
		assertThat(this.completion.onPreUpdate(update(new AuditRevision(), state, state.clone()))).isTrue();
	}

	@Test
	void keepsARevisionUpdateThatChangesTheRow() {
		Object[] before = { "SYSTEM", "Article" };
		Object[] after = { "SYSTEM", "Article,Note" };
		assertThat(this.completion.onPreUpdate(update(new AuditRevision(), after, before))).isFalse();
	}

	@Test
	void leavesUpdatesOfOtherEntitiesAlone() {
		Object[] state = { "same" };
		assertThat(this.completion.onPreUpdate(update(new Object(), state, state.clone()))).isFalse();
	}

	@Test
	void addsItselfToTheApplicationsIntegrators() {
		Integrator own = new Integrator() {
		};
		Map<String, Object> properties = new HashMap<>(
				Map.of(RevisionInsertCompletion.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> List.of(own)));
		this.completion.customize(properties);
		IntegratorProvider provider = (IntegratorProvider) properties.get(RevisionInsertCompletion.INTEGRATOR_PROVIDER);
		assertThat(provider.getIntegrators()).containsExactly(own, this.completion);
	}

	private static PreUpdateEvent update(Object entity, Object[] state, Object[] oldState) {
		return new PreUpdateEvent(entity, 1L, state, oldState, null, null);
	}

}
