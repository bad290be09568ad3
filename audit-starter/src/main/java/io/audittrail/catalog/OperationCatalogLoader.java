package io.audittrail.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

import io.audittrail.core.Action;

/**
 * Reads catalog files ({@code audit/operations.yml}) and their labels
 * ({@code audit/messages*.properties}) into an {@link OperationCatalog}.
 *
 * <p>
 * A catalog file lists detail items and targets: <pre class="code">
 * details: [api_key_id, api_key_name]
 * targets:
 *   api_key:
 *     entity: ApiKey
 *     authority: manageApis
 *     operations:
 *       create: { action: CREATE, details: [api_key_id, api_key_name] }
 * </pre> {@code authority} (on a target, or on an operation to override its target's)
 * names what a reader must hold in the entry's tenant to revert the change. Every error
 * names the file and line.
 */
final class OperationCatalogLoader {

	/** Where catalog files are found unless configured otherwise. */
	static final String DEFAULT_LOCATION = OperationCatalog.DEFAULT_LOCATION;

	private static final String MESSAGES_PATTERN = "classpath*:audit/messages*.properties";

	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

	private static final Pattern MESSAGES_FILE = Pattern.compile("messages(?:_([a-zA-Z]{2,3}))?\\.properties");

	private final ResourcePatternResolver resources;

	public OperationCatalogLoader(ResourcePatternResolver resources) {
		this.resources = resources;
	}

	/** Loads and merges every catalog file found at the given locations. */
	public OperationCatalog load(List<String> locations) {
		Map<String, MutableTarget> targets = new LinkedHashMap<>();
		Map<String, OperationDefinition> operations = new LinkedHashMap<>();
		Set<String> details = new LinkedHashSet<>();
		for (Resource resource : resolve(locations)) {
			parse(resource, targets, operations, details);
		}
		CatalogMessages messages = loadMessages();
		List<TargetDefinition> definitions = targets.values()
			.stream()
			.map((target) -> new TargetDefinition(target.id, target.entityType, target.operations, target.authority))
			.toList();
		checkLabels(definitions, details, messages);
		return new OperationCatalog(definitions, List.copyOf(details), messages);
	}

	private List<Resource> resolve(List<String> locations) {
		List<Resource> found = new ArrayList<>();
		for (String location : locations) {
			try {
				for (Resource resource : this.resources.getResources(location)) {
					if (resource.exists()) {
						found.add(resource);
					}
				}
			}
			catch (IOException ex) {
				throw new CatalogException("Cannot read audit catalog location '" + location + "'", ex);
			}
		}
		return found;
	}

	private void parse(Resource resource, Map<String, MutableTarget> targets,
			Map<String, OperationDefinition> operations, Set<String> details) {
		String file = describe(resource);
		Node root;
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			root = new Yaml(new LoaderOptions()).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			throw new CatalogException("Audit catalog " + file + " does not parse at line "
					+ (ex.getProblemMark().getLine() + 1) + ": " + ex.getProblem(), ex);
		}
		catch (IOException | RuntimeException ex) {
			throw new CatalogException("Cannot read audit catalog " + file + ": " + ex.getMessage(), ex);
		}
		if (root == null) {
			return;
		}
		MappingNode document = mapping(root, file, "the document");
		for (NodeTuple entry : document.getValue()) {
			String key = scalar(entry.getKeyNode(), file);
			switch (key) {
				case "details" -> {
					for (Node item : sequence(entry.getValueNode(), file, "details").getValue()) {
						details.add(id(item, file, "detail item"));
					}
				}
				case "targets" -> {
					for (NodeTuple target : mapping(entry.getValueNode(), file, "targets").getValue()) {
						parseTarget(target, file, targets, operations, details);
					}
				}
				default -> throw error(file, entry.getKeyNode(),
						"unknown key '" + key + "' (expected 'details' or 'targets')");
			}
		}
	}

	private void parseTarget(NodeTuple node, String file, Map<String, MutableTarget> targets,
			Map<String, OperationDefinition> operations, Set<String> details) {
		String targetId = id(node.getKeyNode(), file, "target id");
		MutableTarget target = targets.computeIfAbsent(targetId, MutableTarget::new);
		boolean targetRevertible = true;
		String targetAuthority = null;
		List<NodeTuple> operationNodes = List.of();
		for (NodeTuple entry : mapping(node.getValueNode(), file, "target '" + targetId + "'").getValue()) {
			String key = scalar(entry.getKeyNode(), file);
			switch (key) {
				case "entity" -> {
					String entity = scalar(entry.getValueNode(), file);
					if (target.entityType != null && !target.entityType.equals(entity)) {
						throw error(file, entry.getValueNode(), "target '" + targetId + "' is mapped to entity '"
								+ target.entityType + "' in " + target.source + " and to '" + entity + "' here");
					}
					target.entityType = entity;
					target.source = file;
				}
				case "revertible" -> targetRevertible = bool(entry.getValueNode(), file);
				case "authority" -> {
					targetAuthority = authority(entry.getValueNode(), file);
					if (target.authority != null && !target.authority.equals(targetAuthority)) {
						throw error(file, entry.getValueNode(), "target '" + targetId + "' needs the authority '"
								+ target.authority + "' in another file and '" + targetAuthority + "' here");
					}
					target.authority = targetAuthority;
				}
				case "operations" -> operationNodes = mapping(entry.getValueNode(), file, "operations").getValue();
				default -> throw error(file, entry.getKeyNode(), "unknown key '" + key + "' in target '" + targetId
						+ "' (expected entity, revertible, authority or operations)");
			}
		}
		for (NodeTuple operationNode : operationNodes) {
			OperationDefinition operation = parseOperation(targetId, targetRevertible, targetAuthority, operationNode,
					file, details);
			OperationDefinition existing = operations.putIfAbsent(operation.id(), operation);
			if (existing != null) {
				throw error(file, operationNode.getKeyNode(),
						"operation '" + operation.id() + "' is already declared in " + existing.source());
			}
			target.operations.add(operation);
		}
	}

	private OperationDefinition parseOperation(String targetId, boolean targetRevertible, String targetAuthority,
			NodeTuple node, String file, Set<String> knownDetails) {
		String name = id(node.getKeyNode(), file, "operation name");
		String id = targetId + "." + name;
		Action action = null;
		boolean revertible = targetRevertible;
		String authority = targetAuthority;
		List<String> details = new ArrayList<>();
		for (NodeTuple entry : mapping(node.getValueNode(), file, "operation '" + id + "'").getValue()) {
			String key = scalar(entry.getKeyNode(), file);
			switch (key) {
				case "action" -> {
					String value = scalar(entry.getValueNode(), file);
					try {
						action = Action.valueOf(value);
					}
					catch (IllegalArgumentException ex) {
						throw error(file, entry.getValueNode(), "operation '" + id + "' has unknown action '" + value
								+ "' (expected CREATE, UPDATE, DELETE or OTHER)");
					}
				}
				case "revertible" -> revertible = bool(entry.getValueNode(), file);
				case "authority" -> authority = authority(entry.getValueNode(), file);
				case "details" -> {
					for (Node item : sequence(entry.getValueNode(), file, "details").getValue()) {
						String detail = id(item, file, "detail item");
						if (!knownDetails.contains(detail)) {
							throw error(file, item, "operation '" + id + "' names detail item '" + detail
									+ "', which no 'details' list declares before it");
						}
						details.add(detail);
					}
				}
				default -> throw error(file, entry.getKeyNode(), "unknown key '" + key + "' in operation '" + id
						+ "' (expected action, details, revertible or authority)");
			}
		}
		if (action == null) {
			throw error(file, node.getKeyNode(), "operation '" + id + "' has no action");
		}
		return new OperationDefinition(id, targetId, name, action, details, revertible, authority,
				file + ":" + (node.getKeyNode().getStartMark().getLine() + 1));
	}

	private CatalogMessages loadMessages() {
		Map<String, String> defaults = new LinkedHashMap<>();
		Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
		for (Resource resource : resolve(List.of(MESSAGES_PATTERN))) {
			Matcher matcher = MESSAGES_FILE.matcher(String.valueOf(resource.getFilename()));
			if (!matcher.matches()) {
				continue;
			}
			Properties properties = new Properties();
			try (InputStream in = resource.getInputStream()) {
				properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new CatalogException("Cannot read audit labels " + describe(resource), ex);
			}
			Map<String, String> target = (matcher.group(1) != null) ? byLanguage
				.computeIfAbsent(matcher.group(1).toLowerCase(Locale.ROOT), (k) -> new LinkedHashMap<>()) : defaults;
			properties.stringPropertyNames().forEach((key) -> target.putIfAbsent(key, properties.getProperty(key)));
		}
		return new CatalogMessages(defaults, byLanguage);
	}

	private void checkLabels(List<TargetDefinition> targets, Set<String> details, CatalogMessages messages) {
		List<String> missing = new ArrayList<>();
		for (TargetDefinition target : targets) {
			requireLabel(messages, "target." + target.id(), missing);
			target.operations().forEach((operation) -> requireLabel(messages, "operation." + operation.id(), missing));
		}
		details.forEach((item) -> requireLabel(messages, "detail." + item, missing));
		if (!missing.isEmpty()) {
			throw new CatalogException(
					"The audit catalog has no label in audit/messages.properties for: " + String.join(", ", missing));
		}
	}

	private static void requireLabel(CatalogMessages messages, String key, List<String> missing) {
		if (!messages.has(key, "en")) {
			missing.add(key);
		}
	}

	private static MappingNode mapping(Node node, String file, String what) {
		if (node instanceof MappingNode mapping) {
			return mapping;
		}
		throw error(file, node, what + " must be a mapping");
	}

	private static SequenceNode sequence(Node node, String file, String what) {
		if (node instanceof SequenceNode sequence) {
			return sequence;
		}
		throw error(file, node, what + " must be a list");
	}

	private static String scalar(Node node, String file) {
		if (node instanceof ScalarNode scalar) {
			return scalar.getValue();
		}
		throw error(file, node, "expected a single value");
	}

	private static boolean bool(Node node, String file) {
		String value = scalar(node, file);
		if (!value.equals("true") && !value.equals("false")) {
			throw error(file, node, "expected true or false, not '" + value + "'");
		}
		return Boolean.parseBoolean(value);
	}

	private static String authority(Node node, String file) {
		String value = scalar(node, file).strip();
		if (value.isEmpty()) {
			throw error(file, node, "authority must name an authority, such as 'manageBilling'");
		}
		return value;
	}

	private static String id(Node node, String file, String what) {
		String value = scalar(node, file);
		if (!ID.matcher(value).matches()) {
			throw error(file, node, what + " '" + value + "' must be snake_case (a-z, 0-9 and _)");
		}
		return value;
	}

	private static CatalogException error(String file, Node node, String message) {
		return new CatalogException(
				"Audit catalog " + file + " line " + (node.getStartMark().getLine() + 1) + ": " + message);
	}

	private static String describe(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	private static final class MutableTarget {

		private final String id;

		private String entityType;

		private String source;

		private String authority;

		private final List<OperationDefinition> operations = new ArrayList<>();

		MutableTarget(String id) {
			this.id = id;
		}

	}

}
