package io.audittrail.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * Writes each {@link AuditRevision} with its entity types in its insert. Envers persists
 * the revision before it reports the changed entities, so Hibernate would insert the row
 * without them and update it at the same flush: one more statement in every audited
 * transaction. The insert takes the entity types known when it runs, and the update that
 * would write nothing new is skipped; a revision that changes after its insert (when
 * something flushes in between) is still updated.
 */
final class RevisionInsertCompletion
		implements HibernatePropertiesCustomizer, Integrator, PreInsertEventListener, PreUpdateEventListener {

	static final String INTEGRATOR_PROVIDER = "hibernate.integrator_provider";

	private static final String ENTITY_TYPES = "entityTypes";

	@Override
	public void customize(Map<String, Object> properties) {
		Object existing = properties.get(INTEGRATOR_PROVIDER);
		List<Integrator> integrators = new ArrayList<>();
		if (existing instanceof IntegratorProvider provider) {
			integrators.addAll(provider.getIntegrators());
		}
		integrators.add(this);
		List<Integrator> all = List.copyOf(integrators);
		properties.put(INTEGRATOR_PROVIDER, (IntegratorProvider) () -> all);
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		EventListenerRegistry listeners = sessionFactory.getEventListenerRegistry();
		listeners.appendListeners(EventType.PRE_INSERT, this);
		listeners.appendListeners(EventType.PRE_UPDATE, this);
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		if (event.getEntity() instanceof AuditRevision revision) {
			String[] names = event.getPersister().getPropertyNames();
			for (int i = 0; i < names.length; i++) {
				if (ENTITY_TYPES.equals(names[i])) {
					// the insert's state is also the row's loaded state: the later dirty
					// check compares with it
					event.getState()[i] = revision.getEntityTypes();
				}
			}
		}
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		return event.getEntity() instanceof AuditRevision && event.getOldState() != null
				&& Arrays.equals(event.getOldState(), event.getState());
	}

}
