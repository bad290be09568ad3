package io.audittrail.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * The fields of an entity change, one by one: a text attribute that holds a JSON object
 * (a content's {@code data}) and a nested object are compared member by member under
 * dotted paths such as {@code data.title}, so a reader sees which part changed rather
 * than two long JSON strings. Relations ({@code {"id", "name"}}) and lists stay whole.
 * Thread-safe.
 */
final class FieldChanges {

	private static final int MAX_DEPTH = 4;

	private final JsonMapper json;

	public FieldChanges(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The fields of the change in the order of the entity's attributes, each with its
	 * values before and after and whether it changed; a creation or deletion marks no
	 * field as changed.
	 */
	public List<FieldChange> of(EntityChange change) {
		List<FieldChange> fields = new ArrayList<>();
		collect("", node(change.before()), node(change.after()), 0, fields);
		if (!"MOD".equals(change.kind())) {
			return fields.stream()
				.map((field) -> new FieldChange(field.path(), field.before(), field.after(), false))
				.toList();
		}
		return List.copyOf(fields);
	}

	/** The dotted paths of the fields whose values differ. */
	public List<String> changedPaths(EntityChange change) {
		List<String> paths = new ArrayList<>();
		List<FieldChange> fields = new ArrayList<>();
		collect("", node(change.before()), node(change.after()), 0, fields);
		for (FieldChange field : fields) {
			if (field.changed()) {
				paths.add(field.path());
			}
		}
		return paths;
	}

	private void collect(String prefix, JsonNode before, JsonNode after, int depth, List<FieldChange> fields) {
		Set<String> names = new LinkedHashSet<>();
		if (before.isObject()) {
			names.addAll(before.propertyNames());
		}
		if (after.isObject()) {
			names.addAll(after.propertyNames());
		}
		for (String name : names) {
			JsonNode was = expand(before.isObject() ? before.get(name) : null);
			JsonNode is = expand(after.isObject() ? after.get(name) : null);
			String path = prefix + name;
			if (depth < MAX_DEPTH && (isNested(was) || isNested(is)) && !(isEmpty(was) && isEmpty(is))) {
				collect(path + ".", was, is, depth + 1, fields);
			}
			else {
				fields.add(new FieldChange(path, was, is, !same(was, is)));
			}
		}
	}

	/** A text that holds a JSON object, as that object; anything else as it is. */
	private JsonNode expand(JsonNode value) {
		if (value == null) {
			return NullNode.getInstance();
		}
		if (value.isString()) {
			String text = value.asString().strip();
			if (text.startsWith("{") && text.endsWith("}")) {
				try {
					JsonNode parsed = this.json.readTree(text);
					if (parsed.isObject()) {
						return parsed;
					}
				}
				catch (JacksonException ex) {
					// not JSON after all: compared as text
				}
			}
		}
		return value;
	}

	/**
	 * An object that is not a relation: relations are shown whole, as their name and id.
	 */
	private static boolean isNested(JsonNode value) {
		return value.isObject() && !(value.has("id") && value.size() <= 2);
	}

	private static JsonNode node(JsonNode value) {
		return (value != null) ? value : NullNode.getInstance();
	}

	private static boolean same(JsonNode was, JsonNode is) {
		if (isEmpty(was) || isEmpty(is)) {
			return isEmpty(was) == isEmpty(is);
		}
		return was.equals(is);
	}

	private static boolean isEmpty(JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode()
				|| ((value.isArray() || value.isObject()) && value.isEmpty());
	}

	/**
	 * One field of an entity change.
	 *
	 * @param path the field's dotted path, such as {@code status} or {@code data.title}
	 * @param before the value before the change (a JSON null when there was none)
	 * @param after the value after the change (a JSON null when there is none)
	 * @param changed whether an update changed the value
	 */
	public record FieldChange(String path, JsonNode before, JsonNode after, boolean changed) {

	}

}
