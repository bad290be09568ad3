package io.audittrail.capture;

import jakarta.persistence.Entity;
import org.hibernate.envers.EntityTrackingRevisionListener;
import org.hibernate.envers.RevisionType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

import io.audittrail.core.Action;

/**
 * Fills each Envers revision with the current call's context and reports the revision and
 * its changed entities to the {@link RevisionRecorder}, so that events reference their
 * revision. Created by Hibernate through Spring; its collaborators are looked up on first
 * use because the listener is built with the entity manager factory.
 */
class AuditRevisionListener implements EntityTrackingRevisionListener {

	private static final ClassValue<String> ENTITY_TYPES = new ClassValue<>() {

		@Override
		protected String computeValue(Class<?> entityClass) {
			Entity entity = entityClass.getAnnotation(Entity.class);
			return (entity != null && StringUtils.hasText(entity.name())) ? entity.name() : entityClass.getSimpleName();
		}

	};

	private final SingletonSupplier<EventContextResolver> contexts;

	private final SingletonSupplier<RevisionRecorder> revisions;

	AuditRevisionListener(ObjectProvider<EventContextResolver> contexts, ObjectProvider<RevisionRecorder> revisions) {
		this.contexts = SingletonSupplier.of(contexts::getIfAvailable);
		this.revisions = SingletonSupplier.of(revisions::getIfAvailable);
	}

	@Override
	public void newRevision(Object revisionEntity) {
		AuditRevision revision = (AuditRevision) revisionEntity;
		EventContextResolver resolver = this.contexts.get();
		if (resolver == null) {
			return;
		}
		EventContext context = resolver.current();
		RevisionRecorder revisions = this.revisions.get();
		if (revisions != null) {
			context = revisions.revisionCreated(revision::getId, context);
		}
		revision.describe(context);
	}

	@Override
	public void entityChanged(Class entityClass, String entityName, Object entityId, RevisionType revisionType,
			Object revisionEntity) {
		String type = entityType(entityClass, entityName);
		((AuditRevision) revisionEntity).entityTypeChanged(type);
		RevisionRecorder revisions = this.revisions.get();
		if (revisions != null) {
			revisions.entityChanged(type, String.valueOf(entityId), action(revisionType));
		}
	}

	static String entityType(Class<?> entityClass, String entityName) {
		if (entityClass != null) {
			return ENTITY_TYPES.get(entityClass);
		}
		return StringUtils.unqualify(entityName);
	}

	private static Action action(RevisionType type) {
		return switch (type) {
			case ADD -> Action.CREATE;
			case MOD -> Action.UPDATE;
			case DEL -> Action.DELETE;
		};
	}

}
