package io.audittrail.web;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.persistence.metamodel.Type.PersistenceType;
import org.hibernate.Hibernate;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.ReflectionUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import io.audittrail.capture.StarterOperation;
import io.audittrail.capture.StarterOperations;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.catalog.TargetDefinition;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.TenantScope;
import io.audittrail.capture.AuditRevision;
import io.audittrail.spi.RevertGuard;
import io.audittrail.store.EventQuery;

/**
 * Reverts the change an event recorded, field by field: every entity of the event's
 * Envers revision gets back the values the change replaced (modified entities get their
 * changed fields back, created ones are deleted, deleted ones re-created), in a
 * transaction of its own, recorded as {@code audit.revert}. A revert is refused only when
 * a field it would restore has another value now than the change left it with; later
 * changes of other fields, of collections the entity does not own, and of other entities
 * do not block it. The entities are locked while the revert checks and writes them, so
 * that of two reverts of one change exactly one succeeds. The revert is itself a
 * revision, so it can be reverted in turn.
 */
class RevertService {

	private final EventQuery events;

	private final OperationCatalog catalog;

	private final EntityManager entityManager;

	private final JsonMapper json;

	private final List<RevertGuard> guards;

	private final StarterOperations operations;

	/**
	 * @param events reads the event to revert and the events of later changes
	 * @param catalog tells which operations may be reverted, and with which authorities
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param json renders entity states
	 * @param guards asked for every entity a revert would change
	 * @param operations runs and records each revert
	 */
	public RevertService(EventQuery events, OperationCatalog catalog, EntityManager entityManager, JsonMapper json,
			List<RevertGuard> guards, StarterOperations operations) {
		this.events = events;
		this.catalog = catalog;
		this.entityManager = entityManager;
		this.json = json;
		this.guards = List.copyOf(guards);
		this.operations = operations;
	}

	/**
	 * The authorities a reader needs, in the event's tenant, to revert it: the catalog's
	 * {@code authority} of its operation (or target), and of the target of every entity
	 * its revision changed. Empty when the catalog names none.
	 */
	@Transactional(readOnly = true)
	public Set<String> requiredAuthorities(AuditEvent event) {
		Set<String> authorities = new LinkedHashSet<>();
		String operationAuthority = this.catalog.find(event.operation())
			.map(OperationDefinition::authority)
			.orElseGet(() -> this.catalog.target(event.target()).map(TargetDefinition::authority).orElse(null));
		if (operationAuthority != null) {
			authorities.add(operationAuthority);
		}
		if (event.revision() != null) {
			AuditRevision revision = this.entityManager.find(AuditRevision.class, event.revision());
			String types = (revision != null) ? revision.getEntityTypes() : null;
			if (types != null && !types.isBlank()) {
				for (String type : types.split(",")) {
					String authority = this.catalog.revertAuthorityOfEntity(type.strip());
					if (authority != null) {
						authorities.add(authority);
					}
				}
			}
		}
		return authorities;
	}

	/**
	 * Checks that the event's change can be reverted, without changing anything.
	 * @throws RevertRefusedException with the reason when it cannot
	 */
	@Transactional(readOnly = true)
	public void check(AuditEvent event) {
		EnversReader reader = new EnversReader(this.entityManager, this.json);
		for (EnversReader.Entry entry : plan(event, reader)) {
			verify(event, reader, entry, current(entry, false));
		}
	}

	/**
	 * Reverts the event's change in a transaction of its own, recorded as
	 * {@code audit.revert}.
	 * @param event the event whose change to revert; the revert is recorded in its tenant
	 * @return the entry that records the revert, as stored, with the revert's Envers
	 * revision; empty when it could not be written and the failure policy {@code log} let
	 * the revert go on
	 * @throws RevertRefusedException with the reason when it cannot be reverted, also
	 * when another revert or change of the same entities won the race
	 */
	public Optional<AuditEvent> revert(AuditEvent event) {
		return this.operations.perform(StarterOperation.revert(event), () -> {
			try {
				apply(event);
			}
			catch (PersistenceException ex) {
				throw new RevertRefusedException("The entities of entry " + event.id()
						+ " changed while it was being reverted (another revert or change ran at the same time): "
						+ "reload the entry and try again.");
			}
		});
	}

	private void apply(AuditEvent event) {
		EnversReader reader = new EnversReader(this.entityManager, this.json);
		List<EnversReader.Entry> entries = plan(event, reader);
		Map<EnversReader.Entry, Object> current = new LinkedHashMap<>();
		Map<EnversReader.Entry, List<Attribute<?, ?>>> restore = new LinkedHashMap<>();
		for (EnversReader.Entry entry : entries) {
			Object now = current(entry, true);
			current.put(entry, now);
			restore.put(entry, verify(event, reader, entry, now));
		}
		long revision = event.revision();
		for (EnversReader.Entry entry : entries) {
			if (entry.kind() == RevisionType.MOD) {
				Object before = reader.stateBefore(entry.type(), entry.id(), revision);
				Object now = current.get(entry);
				for (Attribute<?, ?> attribute : restore.get(entry)) {
					write(attribute, now, managed(attribute, EnversReader.read(attribute, before),
							EnversReader.read(attribute, now)));
				}
			}
		}
		List<EnversReader.Entry> newestFirst = new ArrayList<>(entries);
		Collections.reverse(newestFirst);
		for (EnversReader.Entry entry : newestFirst) {
			if (entry.kind() == RevisionType.ADD) {
				this.entityManager.remove(current.get(entry));
			}
		}
		for (EnversReader.Entry entry : entries) {
			if (entry.kind() == RevisionType.DEL) {
				Object recreated = instantiate(entry.type().getJavaType());
				copyAll(reader, entry.type(), reader.stateBefore(entry.type(), entry.id(), revision), recreated);
				this.entityManager.persist(recreated);
			}
		}
		this.entityManager.flush();
		// the revert is a revision of its own, to which its entry is bound
		AuditReaderFactory.get(this.entityManager).getCurrentRevision(AuditRevision.class, true);
	}

	private List<EnversReader.Entry> plan(AuditEvent event, EnversReader reader) {
		if (event.revision() == null) {
			throw new RevertRefusedException(
					"Entry " + event.id() + " changed no entity, so there is nothing to revert.");
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
			throw new RevertRefusedException("The change deleted entities of other types too ("
					+ String.join(", ", cascaded) + "): a cascading deletion cannot be reverted.");
		}
		for (EnversReader.Entry entry : entries) {
			if (entry.kind() == RevisionType.DEL && generatedId(entry.type())) {
				throw new RevertRefusedException(entry.type().getName() + " " + entry.id()
						+ " was deleted and its id is generated, so it cannot be re-created with the same id.");
			}
		}
		return entries;
	}

	/**
	 * The entity as it is now, locked against other writers when asked; {@code null} when
	 * it does not exist.
	 */
	private Object current(EnversReader.Entry entry, boolean lock) {
		Object now = this.entityManager.find(entry.type().getJavaType(), entry.id());
		if (now != null && lock) {
			// lock first, then read again: a concurrent revert that held the lock has
			// committed by now
			this.entityManager.lock(now, LockModeType.PESSIMISTIC_WRITE);
			this.entityManager.refresh(now);
		}
		return now;
	}

	/**
	 * Checks one entity of the revision against its current state and the guards.
	 * @return the attributes to restore (for a modified entity)
	 */
	private List<Attribute<?, ?>> verify(AuditEvent event, EnversReader reader, EnversReader.Entry entry, Object now) {
		String name = entry.type().getName() + " " + entry.id();
		long revision = event.revision();
		List<Attribute<?, ?>> restore = new ArrayList<>();
		switch (entry.kind()) {
			case MOD -> {
				if (now == null) {
					throw new RevertRefusedException(name + " has been deleted since"
							+ laterChange(event, reader, entry) + ", so its change cannot be reverted.");
				}
				guard(event, now);
				Object before = reader.stateBefore(entry.type(), entry.id(), revision);
				if (before == null) {
					throw new RevertRefusedException(name + ": its state before revision " + revision
							+ " is no longer kept, so its change cannot be reverted.");
				}
				for (Attribute<?, ?> attribute : restorable(reader, entry.type())) {
					JsonNode after = comparable(attribute, EnversReader.read(attribute, entry.state()));
					if (same(comparable(attribute, EnversReader.read(attribute, before)), after)) {
						continue;
					}
					requireUnchanged(event, reader, entry, attribute, after, now);
					restore.add(attribute);
				}
			}
			case ADD -> {
				if (now == null) {
					throw new RevertRefusedException(name + " no longer exists" + laterChange(event, reader, entry)
							+ ", so there is nothing to delete.");
				}
				guard(event, now);
				for (Attribute<?, ?> attribute : restorable(reader, entry.type())) {
					requireUnchanged(event, reader, entry, attribute,
							comparable(attribute, EnversReader.read(attribute, entry.state())), now);
				}
			}
			case DEL -> {
				if (now != null) {
					throw new RevertRefusedException(name + " exists again" + laterChange(event, reader, entry)
							+ ", so it cannot be re-created.");
				}
				guard(event, reader.stateBefore(entry.type(), entry.id(), revision));
			}
		}
		return restore;
	}

	private void requireUnchanged(AuditEvent event, EnversReader reader, EnversReader.Entry entry,
			Attribute<?, ?> attribute, JsonNode after, Object now) {
		JsonNode current = comparable(attribute, EnversReader.read(attribute, now));
		if (same(current, after)) {
			return;
		}
		Long changedIn = lastChangeOf(reader, entry, attribute, after, event.revision());
		Long changedBy = (changedIn != null) ? eventOf(changedIn, event) : null;
		String by = (changedBy != null) ? " by entry " + changedBy
				: (changedIn != null) ? " in revision " + changedIn + ", which no entry describes" : "";
		throw new RevertRefusedException(
				entry.type().getName() + " " + entry.id() + ": field '" + attribute.getName()
						+ "' has been changed since" + by + "; it is now " + current + ", not " + after + " as entry "
						+ event.id() + " left it. Revert that change first, or change the field back.",
				new RevertRefusedException.FieldConflict(entry.type().getName(), String.valueOf(entry.id()),
						attribute.getName(), current.toString(), changedBy, changedIn));
	}

	/**
	 * The revision after the given one that last changed the attribute, or {@code null}.
	 */
	private Long lastChangeOf(EnversReader reader, EnversReader.Entry entry, Attribute<?, ?> attribute, JsonNode after,
			long revision) {
		Long last = null;
		JsonNode previous = after;
		for (Object[] row : reader.revisionsOf(entry.type(), entry.id())) {
			long number = ((AuditRevision) row[1]).getId();
			if (number <= revision) {
				continue;
			}
			JsonNode value = (row[2] == RevisionType.DEL || row[0] == null) ? this.json.nullNode()
					: comparable(attribute, EnversReader.read(attribute, row[0]));
			if (!same(value, previous)) {
				last = number;
				previous = value;
			}
		}
		return last;
	}

	/** Where the entity's latest later revision comes from, for a refusal's message. */
	private String laterChange(AuditEvent event, EnversReader reader, EnversReader.Entry entry) {
		Long latest = reader.latestRevision(entry.type(), entry.id());
		if (latest == null || latest <= event.revision()) {
			return "";
		}
		Long by = eventOf(latest, event);
		return (by != null) ? " (by entry " + by + ")" : " (in revision " + latest + ")";
	}

	/**
	 * The entry of a revision in the reverted entry's tenant, preferring one about an
	 * entity.
	 */
	private Long eventOf(long revision, AuditEvent reverted) {
		TenantScope scope = (reverted.tenant() != null) ? TenantScope.only(Set.of(reverted.tenant()))
				: TenantScope.everything();
		List<AuditEvent> found = this.events.forRevisions(List.of(revision), scope);
		return found.stream()
			.filter((event) -> event.entity() != null)
			.findFirst()
			.or(() -> found.stream().findFirst())
			.map(AuditEvent::id)
			.orElse(null);
	}

	private void guard(AuditEvent event, Object entity) {
		if (entity == null) {
			return;
		}
		for (RevertGuard guard : this.guards) {
			Optional<String> refusal = guard.refusal(event, entity);
			if (refusal.isPresent()) {
				throw new RevertRefusedException(refusal.get());
			}
		}
	}

	/**
	 * The attributes a revert restores: all audited ones but the id, the version and
	 * collections the entity does not own.
	 */
	private static List<Attribute<?, ?>> restorable(EnversReader reader, EntityType<?> type) {
		List<Attribute<?, ?>> attributes = new ArrayList<>();
		for (Attribute<?, ?> attribute : reader.attributes(type).values()) {
			if (attribute instanceof SingularAttribute<?, ?> singular && (singular.isVersion() || singular.isId())) {
				continue;
			}
			if (inverse(attribute)) {
				continue;
			}
			attributes.add(attribute);
		}
		return attributes;
	}

	/**
	 * Whether the attribute is the inverse side of a relation, which the related entities
	 * own.
	 */
	private static boolean inverse(Attribute<?, ?> attribute) {
		if (attribute.getJavaMember() instanceof Field field) {
			OneToMany oneToMany = field.getAnnotation(OneToMany.class);
			ManyToMany manyToMany = field.getAnnotation(ManyToMany.class);
			return (oneToMany != null && !oneToMany.mappedBy().isEmpty())
					|| (manyToMany != null && !manyToMany.mappedBy().isEmpty());
		}
		return false;
	}

	/**
	 * A value in a form that compares by meaning: related entities by id, unordered
	 * collections sorted.
	 */
	private JsonNode comparable(Attribute<?, ?> attribute, Object value) {
		if (value == null) {
			return this.json.nullNode();
		}
		if (attribute instanceof PluralAttribute<?, ?, ?> plural) {
			boolean entities = plural.getElementType().getPersistenceType() == PersistenceType.ENTITY;
			Collection<?> members = (value instanceof Map<?, ?> map) ? map.values() : (Collection<?>) value;
			List<JsonNode> rendered = new ArrayList<>();
			for (Object member : members) {
				rendered.add(entities ? this.json.valueToTree(identifier(member)) : this.json.valueToTree(member));
			}
			if (!(value instanceof List<?>)) {
				rendered.sort((a, b) -> a.toString().compareTo(b.toString()));
			}
			ArrayNode list = this.json.createArrayNode();
			rendered.forEach(list::add);
			return list;
		}
		if (attribute.isAssociation()) {
			return this.json.valueToTree(identifier(value));
		}
		return this.json.valueToTree(value);
	}

	private Object identifier(Object entity) {
		return (entity != null)
				? this.entityManager.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity) : null;
	}

	private static boolean same(JsonNode a, JsonNode b) {
		boolean aEmpty = a == null || a.isNull() || (a.isArray() && a.isEmpty());
		boolean bEmpty = b == null || b.isNull() || (b.isArray() && b.isEmpty());
		if (aEmpty || bEmpty) {
			return aEmpty == bEmpty;
		}
		return a.equals(b);
	}

	private void copyAll(EnversReader reader, EntityType<?> type, Object from, Object to) {
		for (Attribute<?, ?> attribute : reader.attributes(type).values()) {
			if (attribute instanceof SingularAttribute<?, ?> singular && singular.isVersion()) {
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
				Map target = (current instanceof Map<?, ?> existing) ? (Map) existing : new LinkedHashMap<>();
				target.clear();
				map.forEach((key, element) -> target.put(key, entities ? reference(element) : element));
				return target;
			}
			Collection target = (current instanceof Collection<?> existing) ? (Collection) existing
					: (value instanceof Set<?>) ? new LinkedHashSet<>() : new ArrayList<>();
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
		return this.entityManager.getReference(Hibernate.getClass(related), identifier(related));
	}

	private static void write(Attribute<?, ?> attribute, Object entity, Object value) {
		if (attribute.getJavaMember() instanceof Field field) {
			ReflectionUtils.makeAccessible(field);
			Object target = Hibernate.unproxy(entity);
			if (!Objects.equals(ReflectionUtils.getField(field, target), value) || value instanceof Collection
					|| value instanceof Map) {
				ReflectionUtils.setField(field, target, value);
			}
			return;
		}
		throw new RevertRefusedException(
				"Attribute " + attribute.getName() + " is not field-mapped and cannot be restored.");
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
			throw new RevertRefusedException(
					type.getSimpleName() + " has no no-argument constructor to re-create it with.");
		}
	}

}
