package io.audittrail.capture.http;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.audittrail.spi.SecretFields;

/**
 * Masks the values of secret fields, the one component every part of the audit log asks:
 * single values, JSON trees, text that could not be parsed (JSON, malformed or cut, form
 * fields, XML, {@code name: value} lines) and the matrix parameters of paths
 * ({@code ;jsessionid=}). Every method runs in time linear in its input, without regular
 * expressions or recursion, so no input can make it slow or overflow a stack.
 * Thread-safe.
 */
final class Masking {

	/** What a masked value is replaced with. */
	public static final String MASK = "***";

	/**
	 * The longest quoted or bare name that is looked at; longer ones are no field names.
	 */
	private static final int MAX_NAME_CHARS = 128;

	/** How far an XML start tag's attributes are searched for its end. */
	private static final int MAX_TAG_CHARS = 1024;

	private final SecretFields fields;

	public Masking(SecretFields fields) {
		this.fields = fields;
	}

	/** Whether values of the field are masked. */
	public boolean isSecret(String name) {
		return name != null && this.fields.isSecret(name);
	}

	/** The value, or the mask when the field is secret. */
	public String value(String name, String value) {
		return isSecret(name) ? MASK : value;
	}

	/** Replaces the values of secret fields at any depth of the tree with the mask. */
	public void mask(JsonNode tree) {
		Deque<JsonNode> containers = new ArrayDeque<>();
		containers.push(tree);
		while (!containers.isEmpty()) {
			JsonNode node = containers.pop();
			if (node instanceof ObjectNode object) {
				for (String name : new ArrayList<>(object.propertyNames())) {
					if (isSecret(name)) {
						object.put(name, MASK);
					}
					else if (object.get(name).isContainer()) {
						containers.push(object.get(name));
					}
				}
			}
			else if (node instanceof ArrayNode array) {
				for (JsonNode element : array) {
					if (element.isContainer()) {
						containers.push(element);
					}
				}
			}
		}
	}

	/**
	 * Masks the values of secret fields in text that could not be parsed:
	 * {@code "name": value} and {@code 'name': value} (also cut short),
	 * {@code name: value}, {@code name=value} and {@code <ns:name>value</ns:name>}.
	 */
	public String maskText(String text) {
		return new TextMasker(text).mask();
	}

	/**
	 * Masks the values of secret matrix parameters of a path, such as
	 * {@code ;jsessionid=...}.
	 */
	public String maskPath(String path) {
		if (path == null || path.indexOf(';') < 0) {
			return path;
		}
		StringBuilder masked = new StringBuilder(path.length());
		int i = 0;
		int length = path.length();
		while (i < length) {
			char c = path.charAt(i);
			masked.append(c);
			i++;
			if (c != ';') {
				continue;
			}
			int nameEnd = i;
			while (nameEnd < length && "=;/?".indexOf(path.charAt(nameEnd)) < 0) {
				nameEnd++;
			}
			int valueEnd = nameEnd;
			while (valueEnd < length && ";/?".indexOf(path.charAt(valueEnd)) < 0) {
				valueEnd++;
			}
			masked.append(path, i, nameEnd);
			if (nameEnd < length && path.charAt(nameEnd) == '=' && isSecret(path.substring(i, nameEnd))) {
				masked.append('=').append(MASK);
			}
			else {
				masked.append(path, nameEnd, valueEnd);
			}
			i = valueEnd;
		}
		return masked.toString();
	}

	@Override
	public String toString() {
		return "Masking[" + this.fields + "]";
	}

	/** One pass over a text: every character is looked at a bounded number of times. */
	private final class TextMasker {

		private final String text;

		private final int length;

		private StringBuilder masked;

		private int copied;

		TextMasker(String text) {
			this.text = text;
			this.length = text.length();
		}

		String mask() {
			int i = 0;
			while (i < this.length) {
				char c = this.text.charAt(i);
				if (c == '"' || c == '\'') {
					i = quotedName(i, c);
				}
				else if (c == '<') {
					i = element(i);
				}
				else if (isNameCharacter(c)) {
					i = bareName(i);
				}
				else {
					i++;
				}
			}
			if (this.masked == null) {
				return this.text;
			}
			this.masked.append(this.text, this.copied, this.length);
			return this.masked.toString();
		}

		/**
		 * A quoted name followed by a separator; otherwise the scan goes on inside the
		 * quotes.
		 */
		private int quotedName(int start, char quote) {
			int limit = Math.min(this.length, start + 1 + MAX_NAME_CHARS);
			int close = -1;
			for (int i = start + 1; i < limit; i++) {
				char c = this.text.charAt(i);
				if (c == quote) {
					close = i;
					break;
				}
				if (c == '\\' || c == '\n' || c == '\r') {
					break;
				}
			}
			if (close < 0) {
				return start + 1;
			}
			int separator = skipBlanks(close + 1);
			if (isSeparator(separator) && isSecret(this.text.substring(start + 1, close))) {
				return maskValue(skipBlanks(separator + 1));
			}
			return start + 1;
		}

		/** A run of name characters, masked when followed by a separator and secret. */
		private int bareName(int start) {
			int end = start;
			while (end < this.length && isNameCharacter(this.text.charAt(end))) {
				end++;
			}
			if (end - start > MAX_NAME_CHARS) {
				return end;
			}
			int separator = skipBlanks(end);
			if (isSeparator(separator) && isSecret(this.text.substring(start, end))) {
				return maskValue(skipBlanks(separator + 1));
			}
			return end;
		}

		/**
		 * An XML start tag whose local name is secret: its content up to the next tag is
		 * masked.
		 */
		private int element(int start) {
			int nameStart = start + 1;
			int end = nameStart;
			int localStart = nameStart;
			while (end < this.length && end - nameStart <= MAX_NAME_CHARS
					&& (isNameCharacter(this.text.charAt(end)) || this.text.charAt(end) == ':')) {
				if (this.text.charAt(end) == ':') {
					localStart = end + 1;
				}
				end++;
			}
			if (end == nameStart || localStart == end || !isSecret(this.text.substring(localStart, end))) {
				return Math.max(end, start + 1);
			}
			int limit = Math.min(this.length, end + MAX_TAG_CHARS);
			for (int i = end; i < limit; i++) {
				char c = this.text.charAt(i);
				if (c == '<') {
					return i;
				}
				if (c == '>') {
					if (this.text.charAt(i - 1) == '/') {
						return i + 1;
					}
					int contentEnd = this.text.indexOf('<', i + 1);
					return replace(i + 1, (contentEnd < 0) ? this.length : contentEnd, MASK);
				}
			}
			return end;
		}

		/**
		 * Masks the value that starts at the position; returns where scanning goes on.
		 */
		private int maskValue(int start) {
			if (start >= this.length) {
				return start;
			}
			char first = this.text.charAt(start);
			if (first == '"' || first == '\'') {
				int end = start + 1;
				while (end < this.length && this.text.charAt(end) != first) {
					end += (this.text.charAt(end) == '\\') ? 2 : 1;
				}
				return replace(start, Math.min(end + 1, this.length), first + MASK + first);
			}
			if (first == '{' || first == '[') {
				int depth = 0;
				int end = start;
				while (end < this.length) {
					char c = this.text.charAt(end++);
					if (c == '{' || c == '[') {
						depth++;
					}
					else if ((c == '}' || c == ']') && --depth == 0) {
						break;
					}
				}
				return replace(start, end, "\"" + MASK + "\"");
			}
			int end = start;
			int lastNonBlank = start;
			while (end < this.length && !isValueEnd(this.text.charAt(end))) {
				if (!Character.isWhitespace(this.text.charAt(end))) {
					lastNonBlank = end + 1;
				}
				end++;
			}
			if (lastNonBlank == start) {
				return end;
			}
			return replace(start, lastNonBlank, MASK);
		}

		private int replace(int start, int end, String replacement) {
			if (this.masked == null) {
				this.masked = new StringBuilder(this.length);
			}
			this.masked.append(this.text, this.copied, start).append(replacement);
			this.copied = end;
			return end;
		}

		private int skipBlanks(int from) {
			int i = from;
			while (i < this.length && (this.text.charAt(i) == ' ' || this.text.charAt(i) == '\t')) {
				i++;
			}
			return i;
		}

		private boolean isSeparator(int position) {
			return position < this.length && (this.text.charAt(position) == ':' || this.text.charAt(position) == '=');
		}

		private static boolean isNameCharacter(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']' || c == '$';
		}

		private static boolean isValueEnd(char c) {
			return c == ',' || c == ';' || c == '&' || c == '}' || c == ']' || c == ')' || c == '<' || c == '>'
					|| c == '"' || c == '\'' || c == '\n' || c == '\r';
		}

	}

}
