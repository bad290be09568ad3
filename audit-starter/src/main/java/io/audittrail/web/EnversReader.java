package io.audittrail.web;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.PluralAttribute;
import jakarta.persistence.metamodel.Type;
import org.hibernate.Hibernate;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.util.ReflectionUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.audittrail.capture.AuditRevision;

/**
 * Reads Envers revisions through one entity manager, which the caller opens and closes:
 * which entities a revision changed, their states at revisions, and those states as JSON
 * (relations as ids and names, collections as lists, never {@code toString}).
 */
final class EnversReader {

	private static final ConversionService conversions = DefaultConversionService.getSharedInstance();

	private final EntityManager entityManager;

	private final AuditReader reader;

	private final JsonMapper json;

	private final PersistenceUnitUtil units;

	public EnversReader(EntityManager entityManager, JsonMapper json) {
		this.entityManager = entityManager;
		this.reader = AuditReaderFactory.get(entityManager);
		this.json = json;
		this.units = entityManager.getEntityManagerFactory().getPersistenceUnitUtil();
	}

	/** The audited entity type with the given JPA entity name. */
	public Optional<EntityType<?>> entityType(String name) {
		return this.entityManager.getMetamodel()
			.getEntities()
			.stream()
			.filter((type) -> type.getName().equals(name) && this.reader.isEntityClassAudited(type.getJavaType()))
			.<EntityType<?>>map((type) -> type)
			.findFirst();
	}

	/**
	 * The id of the entity type from its text form, or empty when it does not convert.
	 */
	public Optional<Object> id(EntityType<?> type, String id) {
		try {
			return Optional.ofNullable(conversions.convert(id, type.getIdType().getJavaType()));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** The revision entity, if the revision exists. */
	public Optional<AuditRevision> revision(long revision) {
		return Optional.ofNullable(this.entityManager.find(AuditRevision.class, revision));
	}

	/** Every entity the revision changed, in the order of its entity types. */
	public List<Entry> entries(AuditRevision revision) {
		List<Entry> entries = new ArrayList<>();
		String types = revision.getEntityTypes();
		if (types == null || types.isBlank()) {
			return entries;
		}
		for (String name : types.split(",")) {
			entityType(name.strip()).ifPresent((type) -> {
				List<?> rows = this.reader.createQuery()
					.forRevisionsOfEntity(type.getJavaType(), false, true)
					.add(AuditEntity.revisionNumber().eq(revision.getId()))
					.getResultList();
				for (Object row : rows) {
					Object[] columns = (Object[]) row;
					Object entity = columns[0];
					RevisionType kind = (RevisionType) columns[2];
					entries.add(new Entry(type, this.units.getIdentifier(entity), kind,
							(kind != RevisionType.DEL) ? entity : null));
				}
			});
		}
		return entries;
	}

	/**
	 * The entity's state at its last revision before the given one, or {@code null} when
	 * it did not exist.
	 */
	public Object stateBefore(EntityType<?> type, Object id, long revision) {
		List<?> rows = this.reader.createQuery()
			.forRevisionsOfEntity(type.getJavaType(), false, true)
			.add(AuditEntity.id().eq(id))
			.add(AuditEntity.revisionNumber().lt(revision))
			.addOrder(AuditEntity.revisionNumber().desc())
			.setMaxResults(1)
			.getResultList();
		if (rows.isEmpty()) {
			return null;
		}
		Object[] columns = (Object[]) rows.get(0);
		return (columns[2] == RevisionType.DEL) ? null : columns[0];
	}

	/**
	 * Every revision of one entity, oldest first: entity state (null when deleted),
	 * revision, kind.
	 */
	public List<Object[]> revisionsOf(EntityType<?> type, Object id) {
		List<?> rows = this.reader.createQuery()
			.forRevisionsOfEntity(type.getJavaType(), false, true)
			.add(AuditEntity.id().eq(id))
			.addOrder(AuditEntity.revisionNumber().asc())
			.getResultList();
		return rows.stream().map((row) -> (Object[]) row).toList();
	}

	/** The number of the entity's latest revision, or {@code null} when it has none. */
	public Long latestRevision(EntityType<?> type, Object id) {
		Object latest = this.reader.createQuery()
			.forRevisionsOfEntity(type.getJavaType(), false, true)
			.addProjection(AuditEntity.revisionNumber().max())
			.add(AuditEntity.id().eq(id))
			.getSingleResult();
		return (latest != null) ? ((Number) latest).longValue() : null;
	}

	/** How an entity changed between two states. */
	public EntityChange change(EntityType<?> type, Object id, RevisionType kind, Object before, Object after) {
		JsonNode beforeState = (before != null) ? state(type, before) : null;
		JsonNode afterState = (after != null) ? state(type, after) : null;
		List<String> changed = new ArrayList<>();
		ObjectNode reference = (ObjectNode) ((afterState != null) ? afterState : beforeState);
		if (reference != null) {
			for (String field : reference.propertyNames()) {
				JsonNode was = (beforeState != null) ? beforeState.get(field) : null;
				JsonNode is = (afterState != null) ? afterState.get(field) : null;
				if (!same(was, is)) {
					changed.add(field);
				}
			}
		}
		return new EntityChange(type.getName(), String.valueOf(id), kind.name(), beforeState, afterState, changed);
	}

	private static boolean same(JsonNode was, JsonNode is) {
		boolean wasEmpty = isEmpty(was);
		boolean isEmpty = isEmpty(is);
		if (wasEmpty || isEmpty) {
			return wasEmpty == isEmpty;
		}
		return was.equals(is);
	}

	private static boolean isEmpty(JsonNode value) {
		return value == null || value.isNull() || ((value.isArray() || value.isObject()) && value.isEmpty());
	}

	/** The state of an entity as JSON, field by field in declaration order. */
	public ObjectNode state(EntityType<?> type, Object entity) {
		ObjectNode node = this.json.createObjectNode();
		for (Attribute<?, ?> attribute : attributes(type).values()) {
			Object value = read(attribute, entity);
			node.set(attribute.getName(), render(attribute, value));
		}
		return node;
	}

	/**
	 * The persistent, audited attributes of an entity type, in declaration order
	 * (superclasses first).
	 */
	public Map<String, Attribute<?, ?>> attributes(EntityType<?> type) {
		Map<String, Attribute<?, ?>> byName = new LinkedHashMap<>();
		type.getAttributes().forEach((attribute) -> byName.put(attribute.getName(), attribute));
		Map<String, Attribute<?, ?>> ordered = new LinkedHashMap<>();
		List<Class<?>> hierarchy = new ArrayList<>();
		for (Class<?> c = type.getJavaType(); c != null && c != Object.class; c = c.getSuperclass()) {
			hierarchy.add(0, c);
		}
		for (Class<?> c : hierarchy) {
			for (Field field : c.getDeclaredFields()) {
				Attribute<?, ?> attribute = byName.remove(field.getName());
				if (attribute != null && !field.isAnnotationPresent(NotAudited.class)) {
					ordered.put(attribute.getName(), attribute);
				}
			}
		}
		byName.values().forEach((attribute) -> ordered.put(attribute.getName(), attribute));
		return ordered;
	}

	/** The value of an attribute of an entity. */
	public static Object read(Attribute<?, ?> attribute, Object entity) {
		Member member = attribute.getJavaMember();
		Object target = Hibernate.unproxy(entity);
		if (member instanceof Field field) {
			ReflectionUtils.makeAccessible(field);
			return ReflectionUtils.getField(field, target);
		}
		if (member instanceof Method method) {
			ReflectionUtils.makeAccessible(method);
			return ReflectionUtils.invokeMethod(method, target);
		}
		throw new IllegalStateException("Cannot read attribute " + attribute.getName());
	}

	private JsonNode render(Attribute<?, ?> attribute, Object value) {
		if (value == null) {
			return this.json.nullNode();
		}
		if (attribute.isCollection()) {
			ArrayNode list = this.json.createArrayNode();
			Collection<?> members = (value instanceof Map<?, ?> map) ? map.values() : (Collection<?>) value;
			boolean entities = ((PluralAttribute<?, ?, ?>) attribute).getElementType()
				.getPersistenceType() == Type.PersistenceType.ENTITY;
			List<JsonNode> rendered = new ArrayList<>();
			for (Object member : members) {
				rendered.add(entities ? reference(member) : this.json.valueToTree(member));
			}
			if (!(value instanceof List<?>)) {
				rendered.sort((a, b) -> a.toString().compareTo(b.toString()));
			}
			rendered.forEach(list::add);
			return list;
		}
		if (attribute.isAssociation()) {
			return reference(value);
		}
		return this.json.valueToTree(value);
	}

	private JsonNode reference(Object related) {
		if (related == null) {
			return this.json.nullNode();
		}
		ObjectNode node = this.json.createObjectNode();
		node.set("id", this.json.valueToTree(this.units.getIdentifier(related)));
		EntityType<?> type = this.entityManager.getMetamodel().entity(Hibernate.getClass(related));
		for (String name : List.of("name", "title")) {
			type.getAttributes()
				.stream()
				.filter((attribute) -> attribute.getName().equals(name) && !attribute.isAssociation()
						&& !attribute.isCollection())
				.findFirst()
				.ifPresent((attribute) -> {
					if (!node.has("name")) {
						Object value = read(attribute, related);
						node.set("name", (value != null) ? this.json.valueToTree(value) : this.json.nullNode());
					}
				});
		}
		return node;
	}

	/**
	 * One entity changed in a revision.
	 *
	 * @param type the entity type
	 * @param id the entity's id
	 * @param kind how it changed
	 * @param state its state at the revision, {@code null} when deleted
	 */
	public record Entry(EntityType<?> type, Object id, RevisionType kind, Object state) {

	}

}
