package io.audittrail.envers;

import jakarta.persistence.Entity;
import org.hibernate.envers.EntityTrackingRevisionListener;
import org.hibernate.envers.RevisionType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;

import io.audittrail.capture.EventContext;
import io.audittrail.capture.EventContextResolver;
import io.audittrail.capture.TransactionalEventWriter;
import io.audittrail.core.Action;

/**
 * Fills each Envers revision with the current call's context and tells the event writer about the
 * revision and its changed entities, so that events reference their revision. Created by Hibernate
 * through Spring; its collaborators are looked up on first use because the listener is built with
 * the entity manager factory.
 */
public class AuditRevisionListener implements EntityTrackingRevisionListener {

	private final ObjectProvider<EventContextResolver> contexts;

	private final ObjectProvider<TransactionalEventWriter> writer;

	public AuditRevisionListener(ObjectProvider<EventContextResolver> contexts,
			ObjectProvider<TransactionalEventWriter> writer) {
		this.contexts = contexts;
		this.writer = writer;
	}

	@Override
	public void newRevision(Object revisionEntity) {
		AuditRevision revision = (AuditRevision) revisionEntity;
		EventContextResolver resolver = this.contexts.getIfAvailable();
		if (resolver == null) {
			return;
		}
		EventContext context = resolver.current();
		TransactionalEventWriter writer = this.writer.getIfAvailable();
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
		TransactionalEventWriter writer = this.writer.getIfAvailable();
		if (writer != null) {
			writer.entityChanged(type, String.valueOf(entityId), action(revisionType));
		}
	}

	static String entityType(Class<?> entityClass, String entityName) {
		if (entityClass != null) {
			Entity entity = entityClass.getAnnotation(Entity.class);
			return (entity != null && StringUtils.hasText(entity.name())) ? entity.name() : entityClass.getSimpleName();
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
