package io.audittrail.capture;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.envers.AuditOverride;
import org.hibernate.envers.Audited;
import org.hibernate.envers.boot.internal.EnversService;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.Action;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.TargetDescriptor;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

import io.audittrail.core.AuditConfigurationException;

/**
 * Stops the start-up when Envers would record audited entities wrongly, naming the fix:
 * an audited entity whose {@code @MappedSuperclass} is not audited (its inherited fields
 * would be missing from every entry), and Envers tables or columns missing from the
 * database (the message holds the DDL to add, for the database in use). Runs while the
 * entity manager factory is built, so the first write cannot be the one that finds out.
 * Skipped when Hibernate creates or updates the schema.
 */
final class EnversMappingCheck implements HibernatePropertiesCustomizer, Integrator {

	private static final String ENVERS = "envers";

	private static final Pattern CREATE_TABLE = Pattern.compile("create table (?:if not exists )?(\\S+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern ADD_COLUMN = Pattern.compile("^alter table .* add (?:column )?(?!constraint )",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern SUBJECT_TABLE = Pattern
		.compile("(?:alter table (?:if exists )?|create (?:unique )?index \\S+ on )(\\S+)", Pattern.CASE_INSENSITIVE);

	private static final Set<Action> SCHEMA_WRITING_ACTIONS = EnumSet.of(Action.CREATE, Action.CREATE_DROP,
			Action.CREATE_ONLY, Action.UPDATE);

	@Override
	public void customize(Map<String, Object> properties) {
		Object existing = properties.get(RevisionInsertCompletion.INTEGRATOR_PROVIDER);
		List<Integrator> integrators = new ArrayList<>();
		if (existing instanceof IntegratorProvider provider) {
			integrators.addAll(provider.getIntegrators());
		}
		integrators.add(this);
		List<Integrator> all = List.copyOf(integrators);
		properties.put(RevisionInsertCompletion.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> all);
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		ServiceRegistry services = sessionFactory.getServiceRegistry();
		EnversService envers = services.getService(EnversService.class);
		if (envers == null || !envers.isEnabled() || !envers.isInitialized()
				|| !envers.getEntitiesConfigurations().hasAuditedEntities()) {
			return;
		}
		List<String> problems = new ArrayList<>(unauditedMappedSuperclasses(metadata, envers));
		Map<String, Object> settings = bootstrapContext.getConfigurationService().getSettings();
		if (!writesSchema(metadata, settings)) {
			List<String> ddl = missingEnversDdl(metadata, services, settings);
			if (!ddl.isEmpty()) {
				String database = sessionFactory.getJdbcServices()
					.getDialect()
					.getClass()
					.getSimpleName()
					.replace("Dialect", "");
				problems.add("Envers tables or columns of audited entities are missing from the database (" + database
						+ "). The application's Envers tables are the application's own: add this DDL to its "
						+ "schema scripts or migrations:" + System.lineSeparator() + "    "
						+ String.join(System.lineSeparator() + "    ", ddl));
			}
		}
		if (!problems.isEmpty()) {
			throw new AuditConfigurationException("The audit log cannot record entity changes correctly:"
					+ System.lineSeparator() + "- " + String.join(System.lineSeparator() + "- ", problems));
		}
	}

	private static List<String> unauditedMappedSuperclasses(Metadata metadata, EnversService envers) {
		Set<String> problems = new LinkedHashSet<>();
		for (PersistentClass entity : metadata.getEntityBindings()) {
			Class<?> type = entity.getMappedClass();
			if (type == null || !envers.getEntitiesConfigurations().isVersioned(entity.getEntityName())) {
				continue;
			}
			for (Class<?> parent = type.getSuperclass(); parent != null
					&& parent != Object.class; parent = parent.getSuperclass()) {
				List<String> fields = auditableFields(parent);
				if (parent.isAnnotationPresent(MappedSuperclass.class) && !fields.isEmpty() && !isAudited(parent)
						&& !isNamedByOverride(type, parent)) {
					problems.add("Entity " + type.getName() + " is audited by Envers, but its @MappedSuperclass "
							+ parent.getName() + " is not, so its fields " + fields
							+ " would be missing from every entry: annotate " + parent.getName()
							+ " with @org.hibernate.envers.Audited, or put @AuditOverride(forClass = "
							+ parent.getSimpleName() + ".class) on " + type.getSimpleName()
							+ " to audit them (a class you cannot annotate), "
							+ "or isAudited = false in it to leave them out on purpose");
				}
			}
		}
		return new ArrayList<>(problems);
	}

	private static List<String> auditableFields(Class<?> type) {
		return Arrays.stream(type.getDeclaredFields())
			.filter((field) -> !Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())
					&& !field.isSynthetic())
			.filter((field) -> !field.isAnnotationPresent(Transient.class) && !field.isAnnotationPresent(Id.class)
					&& !field.isAnnotationPresent(EmbeddedId.class) && !field.isAnnotationPresent(Version.class))
			.map(Field::getName)
			.toList();
	}

	private static boolean isAudited(Class<?> type) {
		return type.isAnnotationPresent(Audited.class) || Arrays.stream(type.getDeclaredFields())
			.anyMatch((field) -> field.isAnnotationPresent(Audited.class));
	}

	/**
	 * Whether an {@code @AuditOverride} or {@code auditParents} on the entity's classes
	 * decides about the parent.
	 */
	private static boolean isNamedByOverride(Class<?> entity, Class<?> parent) {
		for (Class<?> type = entity; type != null && type != parent; type = type.getSuperclass()) {
			for (AuditOverride override : type.getAnnotationsByType(AuditOverride.class)) {
				if (override.forClass() == parent) {
					return true;
				}
			}
			Audited audited = type.getAnnotation(Audited.class);
			if (audited != null && Arrays.asList(audited.auditParents()).contains(parent)) {
				return true;
			}
		}
		return false;
	}

	private static boolean writesSchema(Metadata metadata, Map<String, Object> settings) {
		return SchemaManagementToolCoordinator.ActionGrouping.interpret(metadata, settings)
			.stream()
			.anyMatch((grouping) -> SCHEMA_WRITING_ACTIONS.contains(grouping.databaseAction()));
	}

	/**
	 * The statements Hibernate's schema update would run for Envers' tables, written to a
	 * list only.
	 */
	private static List<String> missingEnversDdl(Metadata metadata, ServiceRegistry services,
			Map<String, Object> configured) {
		Map<String, Object> settings = new HashMap<>(configured);
		settings.put("hibernate.hbm2ddl.delimiter", ";");
		settings.put("hibernate.format_sql", false);
		List<String> statements = new ArrayList<>();
		ScriptTargetOutput output = new ScriptTargetOutput() {

			@Override
			public void prepare() {
			}

			@Override
			public void accept(String command) {
				statements.add(command);
			}

			@Override
			public void release() {
			}

		};
		TargetDescriptor target = new TargetDescriptor() {

			@Override
			public EnumSet<TargetType> getTargetTypes() {
				return EnumSet.of(TargetType.SCRIPT);
			}

			@Override
			public ScriptTargetOutput getScriptTargetOutput() {
				return output;
			}

		};
		ExecutionOptions options = new ExecutionOptions() {

			@Override
			public Map<String, Object> getConfigurationValues() {
				return settings;
			}

			@Override
			public boolean shouldManageNamespaces() {
				return false;
			}

			@Override
			public ExceptionHandler getExceptionHandler() {
				return ExceptionHandlerHaltImpl.INSTANCE;
			}

		};
		services.requireService(SchemaManagementTool.class)
			.getSchemaMigrator(settings)
			.doMigration(metadata, options, (object) -> ENVERS.equals(object.getContributor()), target);
		return missingTablesAndColumns(statements);
	}

	/**
	 * The statements that add a missing table (with its constraints) or column.
	 * Hibernate's update also adds foreign keys it does not find on existing tables;
	 * Envers works without them, so they are left to the application.
	 */
	static List<String> missingTablesAndColumns(List<String> statements) {
		Set<String> created = new HashSet<>();
		for (String statement : statements) {
			Matcher table = CREATE_TABLE.matcher(statement);
			if (table.lookingAt()) {
				created.add(table.group(1).toLowerCase(Locale.ROOT));
			}
		}
		List<String> kept = new ArrayList<>();
		for (String statement : statements) {
			Matcher subject = SUBJECT_TABLE.matcher(statement);
			if (CREATE_TABLE.matcher(statement).lookingAt() || ADD_COLUMN.matcher(statement).find()
					|| (subject.lookingAt() && created.contains(subject.group(1).toLowerCase(Locale.ROOT)))) {
				kept.add(statement);
			}
		}
		return kept;
	}

}
