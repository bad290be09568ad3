package io.audittrail.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.EntityType;
import org.hibernate.envers.RevisionType;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;

import io.audittrail.core.Actor;
import io.audittrail.core.ActorType;
import io.audittrail.capture.AuditRevision;

/**
 * Reads entity changes from Hibernate Envers, each call through an entity manager of its
 * own.
 */
final class EnversEntityChanges implements EntityChanges {

	private final EntityManagerFactory entityManagerFactory;

	private final JsonMapper json;

	public EnversEntityChanges(EntityManagerFactory entityManagerFactory, JsonMapper json) {
		this.entityManagerFactory = entityManagerFactory;
		this.json = json;
	}

	@Override
	public List<EntityChange> ofRevision(long revision) {
		return read("revision " + revision, (reader) -> reader.revision(revision).map((found) -> {
			List<EntityChange> changes = new ArrayList<>();
			for (EnversReader.Entry entry : reader.entries(found)) {
				Object before = reader.stateBefore(entry.type(), entry.id(), revision);
				changes.add(reader.change(entry.type(), entry.id(), entry.kind(), before, entry.state()));
			}
			return changes;
		}).orElse(List.of()));
	}

	@Override
	public Optional<List<EntityRevision>> revisionsOf(String entityType, String entityId) {
		return read("the history of " + entityType + " " + entityId, (reader) -> {
			Optional<EntityType<?>> type = reader.entityType(entityType);
			Optional<Object> id = type.flatMap((found) -> reader.id(found, entityId));
			if (id.isEmpty()) {
				return Optional.empty();
			}
			List<EntityRevision> revisions = new ArrayList<>();
			Object previous = null;
			for (Object[] row : reader.revisionsOf(type.get(), id.get())) {
				AuditRevision revision = (AuditRevision) row[1];
				RevisionType kind = (RevisionType) row[2];
				Object state = (kind != RevisionType.DEL) ? row[0] : null;
				EntityChange change = reader.change(type.get(), id.get(), kind, previous, state);
				revisions.add(new EntityRevision(revision.getId(), Instant.ofEpochMilli(revision.getTimestamp()),
						revision.getTenant(), actor(revision), change));
				previous = state;
			}
			return Optional.of(revisions);
		});
	}

	private static Actor actor(AuditRevision revision) {
		ActorType type = (revision.getActorType() != null) ? ActorType.valueOf(revision.getActorType())
				: ActorType.SYSTEM;
		return new Actor(type, revision.getActorId(), revision.getActorName());
	}

	private <T> T read(String what, Function<EnversReader, T> work) {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			entityManager.getTransaction().begin();
			try {
				return work.apply(new EnversReader(entityManager, this.json));
			}
			finally {
				entityManager.getTransaction().rollback();
			}
		}
		catch (PersistenceException ex) {
			throw new EntityChangesUnavailableException("The entity history (Hibernate Envers) of " + what
					+ " cannot be loaded: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage()
					+ ". Check that the audited entities' *_aud tables have every column their Envers mapping "
					+ "names, and that their mapped superclasses are audited.", ex);
		}
		finally {
			entityManager.close();
		}
	}

}
