package io.audittrail.revert;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type.PersistenceType;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ReflectionUtils;

import tools.jackson.databind.json.JsonMapper;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.core.AuditEvent;
import io.audittrail.envers.AuditRevision;
import io.audittrail.query.EnversReader;
import io.audittrail.store.EventQuery;

/**
 * Reverts the change an event recorded: every entity of the event's Envers revision goes back to
 * its state at its previous revision (modified entities are restored, created ones deleted,
 * deleted ones re-created), in a transaction of its own, recorded as {@code audit.revert}. The
 * revert is itself a revision, so it can be reverted in turn.
 */
public class RevertService {

	private final EventQuery events;

	private final OperationCatalog catalog;

	private final EntityManager entityManager;

	private final JsonMapper json;

	/**
	 * @param events reads the event to revert
	 * @param catalog tells which operations may be reverted
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param json renders entity states
	 */
	public RevertService(EventQuery events, OperationCatalog catalog, EntityManager entityManager, JsonMapper json) {
		this.events = events;
		this.catalog = catalog;
		this.entityManager = entityManager;
		this.json = json;
	}

	/**
	 * Checks that the event's change can be reverted, without changing anything.
	 * @throws RevertRefusedException with the reason when it cannot
	 */
	@Transactional(readOnly = true)
	public void check(AuditEvent event) {
		plan(event, new EnversReader(this.entityManager, this.json));
	}

	/**
	 * Reverts the event's change.
	 * @param event the event whose change to revert; the revert is recorded in its tenant
	 * @return the Envers revision of the revert
	 * @throws RevertRefusedException with the reason when it cannot be reverted
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	@Audited(value = "audit.revert", tenant = "#event.tenant()",
			details = @Detail(name = "reverted_event_id", value = "#event.id()"))
	public long revert(AuditEvent event) {
		EnversReader reader = new EnversReader(this.entityManager, this.json);
		List<EnversReader.Entry> entries = plan(event, reader);
		long revision = event.revision();
		for (EnversReader.Entry entry : entries) {
			if (entry.kind() == RevisionType.MOD) {
				Object current = this.entityManager.find(entry.type().getJavaType(), entry.id());
				copy(reader, entry.type(), reader.stateBefore(entry.type(), entry.id(), revision), current, false);
			}
		}
		List<EnversReader.Entry> newestFirst = new ArrayList<>(entries);
		java.util.Collections.reverse(newestFirst);
		for (EnversReader.Entry entry : newestFirst) {
			if (entry.kind() == RevisionType.ADD) {
				this.entityManager.remove(this.entityManager.find(entry.type().getJavaType(), entry.id()));
			}
		}
		for (EnversReader.Entry entry : entries) {
			if (entry.kind() == RevisionType.DEL) {
				Object recreated = instantiate(entry.type().getJavaType());
				copy(reader, entry.type(), reader.stateBefore(entry.type(), entry.id(), revision), recreated, true);
				this.entityManager.persist(recreated);
			}
		}
		this.entityManager.flush();
		return AuditReaderFactory.get(this.entityManager).getCurrentRevision(AuditRevision.class, true).getId();
	}

	private List<EnversReader.Entry> plan(AuditEvent event, EnversReader reader) {
		if (event.revision() == null) {
			throw new RevertRefusedException("Entry " + event.id() + " changed no entity, so there is nothing to revert.");
		}
		OperationDefinition operation = this.catalog.find(event.operation()).orElse(null);
		if (operation != null && !operation.revertible()) {
			throw new RevertRefusedException("The operation '" + event.operation() + "' is marked as not revertible.");
		}
		AuditRevision revision = reader.revision(event.revision())
			.orElseThrow(() -> new RevertRefusedException(
					"The entity history of revision " + event.revision() + " is no longer kept."));
		List<EnversReader.Entry> entries = reader.entries(revision);
		if (entries.isEmpty()) {
			throw new RevertRefusedException("Entry " + event.id() + " changed no audited entity.");
		}
		List<String> deletedTypes = entries.stream()
			.filter((entry) -> entry.kind() == RevisionType.DEL)
			.map((entry) -> entry.type().getName())
			.distinct()
			.toList();
		String ownType = (event.entity() != null) ? event.entity().type() : null;
		List<String> cascaded = new ArrayList<>(deletedTypes);
		if (ownType != null) {
			cascaded.remove(ownType);
		}
		else if (!cascaded.isEmpty()) {
			cascaded.remove(0);
		}
		if (!cascaded.isEmpty()) {
			throw new RevertRefusedException("The change deleted entities of other types too (" + String.join(", ", cascaded)
					+ "): a cascading deletion cannot be reverted.");
		}
		for (EnversReader.Entry entry : entries) {
			Long latest = reader.latestRevision(entry.type(), entry.id());
			if (latest != null && latest > event.revision()) {
				throw new RevertRefusedException(entry.type().getName() + " " + entry.id()
						+ " has changed since (revision " + latest + "): revert the later changes first.");
			}
			if (entry.kind() == RevisionType.DEL && generatedId(entry.type())) {
				throw new RevertRefusedException(entry.type().getName() + " " + entry.id()
						+ " was deleted and its id is generated, so it cannot be re-created with the same id.");
			}
		}
		return entries;
	}

	private void copy(EnversReader reader, EntityType<?> type, Object from, Object to, boolean withId) {
		for (Attribute<?, ?> attribute : reader.attributes(type).values()) {
			if (attribute instanceof SingularAttribute<?, ?> singular && (singular.isVersion() || (singular.isId() && !withId))) {
				continue;
			}
			Object value = EnversReader.read(attribute, from);
			write(attribute, to, managed(attribute, value, EnversReader.read(attribute, to)));
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Object managed(Attribute<?, ?> attribute, Object value, Object current) {
		if (value == null) {
			return null;
		}
		if (attribute instanceof PluralAttribute<?, ?, ?> plural) {
			boolean entities = plural.getElementType().getPersistenceType() == PersistenceType.ENTITY;
			if (value instanceof Map<?, ?> map) {
				Map target = (current instanceof Map<?, ?> existing) ? (Map) existing : new java.util.LinkedHashMap<>();
				target.clear();
				map.forEach((key, element) -> target.put(key, entities ? reference(element) : element));
				return target;
			}
			Collection target = (current instanceof Collection<?> existing) ? (Collection) existing
					: (value instanceof java.util.Set<?>) ? new java.util.LinkedHashSet<>() : new ArrayList<>();
			List<Object> elements = new ArrayList<>();
			for (Object element : (Collection<?>) value) {
				elements.add(entities ? reference(element) : element);
			}
			target.clear();
			target.addAll(elements);
			return target;
		}
		if (attribute.isAssociation()) {
			return reference(value);
		}
		return value;
	}

	private Object reference(Object related) {
		if (related == null) {
			return null;
		}
		Class<?> type = org.hibernate.Hibernate.getClass(related);
		Object id = this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(related);
		return this.entityManager.getReference(type, id);
	}

	private static void write(Attribute<?, ?> attribute, Object entity, Object value) {
		if (attribute.getJavaMember() instanceof Field field) {
			ReflectionUtils.makeAccessible(field);
			if (!Objects.equals(ReflectionUtils.getField(field, entity), value) || value instanceof Collection
					|| value instanceof Map) {
				ReflectionUtils.setField(field, entity, value);
			}
			return;
		}
		throw new RevertRefusedException("Attribute " + attribute.getName() + " is not field-mapped and cannot be restored.");
	}

	private static boolean generatedId(EntityType<?> type) {
		return type.getAttributes()
			.stream()
			.filter((attribute) -> attribute instanceof SingularAttribute<?, ?> singular && singular.isId())
			.anyMatch((attribute) -> attribute.getJavaMember() instanceof Field field
					&& field.isAnnotationPresent(GeneratedValue.class));
	}

	private static Object instantiate(Class<?> type) {
		try {
			return ReflectionUtils.accessibleConstructor(type).newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new RevertRefusedException(type.getSimpleName() + " has no no-argument constructor to re-create it with.");
		}
	}

}
