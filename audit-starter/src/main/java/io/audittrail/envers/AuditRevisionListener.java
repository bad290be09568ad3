package io.audittrail.envers;

import jakarta.persistence.Entity;
import org.hibernate.envers.EntityTrackingRevisionListener;
import org.hibernate.envers.RevisionType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;

import io.audittrail.capture.EventContext;
import io.audittrail.capture.EventContextResolver;
import io.audittrail.capture.ResolvedOnce;
import io.audittrail.capture.TransactionalEventWriter;
import io.audittrail.core.Action;

/**
 * Fills each Envers revision with the current call's context and tells the event writer about the
 * revision and its changed entities, so that events reference their revision. Created by Hibernate
 * through Spring; its collaborators are looked up on first use because the listener is built with
 * the entity manager factory.
 */
public class AuditRevisionListener implements EntityTrackingRevisionListener {

	private static final ClassValue<String> ENTITY_TYPES = new ClassValue<>() {

		@Override
		protected String computeValue(Class<?> entityClass) {
			Entity entity = entityClass.getAnnotation(Entity.class);
			return (entity != null && StringUtils.hasText(entity.name())) ? entity.name() : entityClass.getSimpleName();
		}

	};

	private final ResolvedOnce<EventContextResolver> contexts;

	private final ResolvedOnce<TransactionalEventWriter> writer;

	public AuditRevisionListener(ObjectProvider<EventContextResolver> contexts,
			ObjectProvider<TransactionalEventWriter> writer) {
		this.contexts = new ResolvedOnce<>(contexts::getIfAvailable);
		this.writer = new ResolvedOnce<>(writer::getIfAvailable);
	}

	@Override
	public void newRevision(Object revisionEntity) {
		AuditRevision revision = (AuditRevision) revisionEntity;
		EventContextResolver resolver = this.contexts.get();
		if (resolver == null) {
			return;
		}
		EventContext context = resolver.current();
		TransactionalEventWriter writer = this.writer.get();
		if (writer != null) {
			context = writer.revisionCreated(revision::getId, context);
		}
		revision.describe(context);
	}

	@Override
	public void entityChanged(Class entityClass, String entityName, Object entityId, RevisionType revisionType,
			Object revisionEntity) {
		String type = entityType(entityClass, entityName);
		((AuditRevision) revisionEntity).entityTypeChanged(type);
		TransactionalEventWriter writer = this.writer.get();
		if (writer != null) {
			writer.entityChanged(type, String.valueOf(entityId), action(revisionType));
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
