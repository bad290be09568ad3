package io.audittrail.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import io.audittrail.core.Action;
import io.audittrail.core.AuditConfigurationException;
import io.audittrail.core.AuditEvent;
import io.audittrail.core.RequestInfo;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The documented operations an application records, with their labels in each language.
 * Immutable and thread-safe.
 */
@API(status = Status.INTERNAL, since = "0.2")
public final class OperationCatalog {

	/**
	 * Where the catalog is read from unless {@code audit.catalog.locations} says
	 * otherwise.
	 */
	public static final String DEFAULT_LOCATION = "classpath*:audit/operations.yml";

	/** The operation of API requests that ran no audited operation. */
	public static final String REQUEST_OPERATION = "http.request";

	private static final Pattern CAMEL_BOUNDARY = Pattern.compile("([a-z0-9])([A-Z])");

	private final Map<String, TargetDefinition> targets;

	private final Map<String, OperationDefinition> operations;

	private final List<String> detailItems;

	private final CatalogMessages messages;

	private final Map<String, String> targetByEntityType;

	private final List<TargetDefinition> orderedTargets;

	private final Map<String, OperationDefinition> generic = new ConcurrentHashMap<>();

	OperationCatalog(Collection<TargetDefinition> targets, List<String> detailItems, CatalogMessages messages) {
		Map<String, TargetDefinition> byId = new LinkedHashMap<>();
		Map<String, OperationDefinition> operationsById = new LinkedHashMap<>();
		Map<String, String> entityTargets = new LinkedHashMap<>();
		for (TargetDefinition target : targets) {
			byId.put(target.id(), target);
			if (target.entityType() != null) {
				entityTargets.putIfAbsent(target.entityType(), target.id());
			}
			for (OperationDefinition operation : target.operations()) {
				operationsById.put(operation.id(), operation);
			}
		}
		this.targets = Map.copyOf(byId);
		this.operations = Map.copyOf(operationsById);
		this.detailItems = List.copyOf(detailItems);
		this.messages = messages;
		this.targetByEntityType = Map.copyOf(entityTargets);
		this.orderedTargets = List.copyOf(byId.values());
	}

	/** The operation with the given id, if the catalog has it. */
	public Optional<OperationDefinition> find(String operationId) {
		return Optional.ofNullable(this.operations.get(operationId));
	}

	/** Whether the catalog has an operation with the given id. */
	public boolean contains(String operationId) {
		return this.operations.containsKey(operationId);
	}

	/** The targets, in catalog order. */
	public List<TargetDefinition> targets() {
		return this.orderedTargets;
	}

	/** The target with the given id, if the catalog has it. */
	public Optional<TargetDefinition> target(String targetId) {
		return Optional.ofNullable(this.targets.get(targetId));
	}

	/** Every detail item, in the order columns show and export them. */
	public List<String> detailItems() {
		return this.detailItems;
	}

	/**
	 * The operation recorded for an entity change that no {@code @Audited} call covers:
	 * the catalog's {@code <target>.create|update|delete} when it has one for the entity,
	 * or else a generic one.
	 */
	public OperationDefinition entityOperation(String entityType, Action action) {
		String target = this.targetByEntityType.getOrDefault(entityType, snakeCase(entityType));
		String name = action.name().toLowerCase(Locale.ROOT);
		OperationDefinition declared = this.operations.get(target + "." + name);
		if (declared != null) {
			return declared;
		}
		TargetDefinition declaredTarget = this.targets.get(target);
		String authority = (declaredTarget != null) ? declaredTarget.authority() : null;
		return this.generic.computeIfAbsent(target + "." + name,
				(id) -> new OperationDefinition(id, target, name, action, List.of(), true, authority, "generic"));
	}

	/**
	 * The authority a reader needs to revert a change of the given entity type: its
	 * target's {@code authority}, or {@code null} when the catalog names none.
	 */
	public String revertAuthorityOfEntity(String entityType) {
		String target = this.targetByEntityType.get(entityType);
		TargetDefinition definition = (target != null) ? this.targets.get(target) : null;
		return (definition != null) ? definition.authority() : null;
	}

	/** The entity type the catalog names for a target, or {@code null}. */
	public String entityTypeOf(String targetId) {
		TargetDefinition target = this.targets.get(targetId);
		return (target != null) ? target.entityType() : null;
	}

	/** The label of a target in the given language, such as "Content". */
	public String targetLabel(String targetId, Locale locale) {
		return this.messages.find("target." + targetId, locale).orElse(targetId);
	}

	/**
	 * The label of an operation in the given language, such as "Content: Update
	 * publication date".
	 */
	public String operationLabel(String operationId, Locale locale) {
		OperationDefinition operation = this.operations.get(operationId);
		String target = (operation != null) ? operation.target()
				: operationId.substring(0, Math.max(0, operationId.indexOf('.')));
		String name = this.messages.find("operation." + operationId, locale)
			.orElseGet(() -> genericLabel(operationId, locale));
		return targetLabel(target, locale) + ": " + name;
	}

	/** The label of a detail item in the given language, such as "Target API Key ID". */
	public String detailLabel(String item, Locale locale) {
		return this.messages.find("detail." + item, locale).orElse(item);
	}

	/** A label from the catalog's messages, such as a column header. */
	public String message(String key, Locale locale) {
		return this.messages.find(key, locale).orElse(key);
	}

	/** The languages the catalog has labels in. */
	public List<Locale> locales() {
		return this.messages.locales();
	}

	private String genericLabel(String operationId, Locale locale) {
		String name = operationId.substring(operationId.indexOf('.') + 1);
		return this.messages.find("generic." + name, locale).orElse(name);
	}

	/** All operations, in catalog order. */
	public List<OperationDefinition> operations() {
		List<OperationDefinition> all = new ArrayList<>();
		this.orderedTargets.forEach((target) -> all.addAll(target.operations()));
		return all;
	}

	static String snakeCase(String name) {
		return CAMEL_BOUNDARY.matcher(name).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Loads and checks the catalog of the given locations, with the starter's own
	 * operations.
	 * @param resources resolves the locations
	 * @param locations resource patterns of catalog files
	 * @return the catalog
	 * @throws AuditConfigurationException naming the file, line and what is wrong
	 */
	public static OperationCatalog load(ResourcePatternResolver resources, List<String> locations) {
		return new OperationCatalogLoader(resources).load(locations);
	}

	/**
	 * The label of an entry in the given language: its operation's, or for an API request
	 * that ran no audited operation its method, path and status.
	 */
	public String entryLabel(AuditEvent event, Locale locale) {
		RequestInfo request = event.request();
		if (REQUEST_OPERATION.equals(event.operation()) && request != null && request.method() != null) {
			String label = request.method() + " " + ((request.path() != null) ? request.path() : "");
			return (request.status() != null) ? label + " → " + request.status() : label;
		}
		return operationLabel(event.operation(), locale);
	}

}
