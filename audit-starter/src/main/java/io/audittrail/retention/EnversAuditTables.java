package io.audittrail.retention;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.envers.boot.internal.EnversService;
import org.hibernate.envers.internal.entities.EntitiesConfigurations;
import org.hibernate.metamodel.RepresentationMode;
import org.hibernate.metamodel.spi.MappingMetamodelImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;

/**
 * The audit tables Envers maps, read from Hibernate's metamodel: per audited entity (by
 * its JPA name) the tables of its audit entity, and the tables of audited collections,
 * which any revision may hold rows in. Read once, on first use, when the entity manager
 * factory is built.
 */
final class EnversAuditTables implements AuditTables {

	private final EntityManagerFactory entityManagerFactory;

	private volatile Tables tables;

	public EnversAuditTables(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public List<String> tablesOf(Collection<String> entityTypes) {
		Tables tables = tables();
		Set<String> names = new LinkedHashSet<>();
		if (entityTypes == null) {
			tables.byEntity().values().forEach(names::addAll);
		}
		else {
			for (String entityType : entityTypes) {
				List<String> entityTables = tables.byEntity().get(entityType);
				if (entityTables == null) {
					// an entity no longer mapped: look everywhere
					tables.byEntity().values().forEach(names::addAll);
				}
				else {
					names.addAll(entityTables);
				}
			}
		}
		names.addAll(tables.collections());
		return List.copyOf(names);
	}

	private Tables tables() {
		Tables tables = this.tables;
		if (tables == null) {
			tables = read();
			this.tables = tables;
		}
		return tables;
	}

	private Tables read() {
		SessionFactoryImplementor sessionFactory = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		EnversService envers = sessionFactory.getServiceRegistry().getService(EnversService.class);
		if (envers == null || !envers.isEnabled() || !envers.isInitialized()) {
			return new Tables(Map.of(), List.of());
		}
		EntitiesConfigurations configurations = envers.getEntitiesConfigurations();
		String auditSuffix = envers.getConfig().getAuditEntityName("");
		MappingMetamodelImplementor metamodel = sessionFactory.getMappingMetamodel();
		Map<String, List<String>> byEntity = new LinkedHashMap<>();
		List<String> collections = new ArrayList<>();
		metamodel.forEachEntityDescriptor((persister) -> {
			String audited = configurations.getEntityNameForVersionsEntityName(persister.getEntityName());
			if (audited != null) {
				String jpaName = metamodel.getEntityDescriptor(audited).getJpaEntityName();
				byEntity.computeIfAbsent(jpaName, (name) -> new ArrayList<>()).addAll(tableNames(persister));
			}
			else if (persister.getRepresentationStrategy().getMode() == RepresentationMode.MAP && !auditSuffix.isEmpty()
					&& persister.getEntityName().endsWith(auditSuffix)) {
				collections.addAll(tableNames(persister));
			}
		});
		return new Tables(byEntity, collections);
	}

	private static List<String> tableNames(EntityPersister persister) {
		if (persister instanceof AbstractEntityPersister entity) {
			List<String> names = new ArrayList<>();
			// subclass tables first, so that rows referencing their superclass row go
			// first
			for (int table = entity.getTableSpan() - 1; table >= 0; table--) {
				names.add(entity.getTableName(table));
			}
			return names;
		}
		return List.of();
	}

	private record Tables(Map<String, List<String>> byEntity, List<String> collections) {
	}

}
