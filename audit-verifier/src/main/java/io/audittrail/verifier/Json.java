package io.audittrail.verifier;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON an evidence bundle needs, one object a line: members whose values are
 * strings, null or arrays of strings. The reader is strict: anything else, a duplicate
 * member or trailing text is an error.
 */
final class Json {

	private final String text;

	private int at;

	private Json(String text) {
		this.text = text;
	}

	/**
	 * The object on a line; values are {@code String}, {@code null} or
	 * {@code List<String>}.
	 */
	static Map<String, Object> parseObject(String line) {
		Json json = new Json(line);
		Map<String, Object> object = json.object();
		json.skipSpace();
		if (json.at != line.length()) {
			throw json.error("text after the object");
		}
		return object;
	}

	/**
	 * The object as one line of JSON; values are {@code String}, {@code null} or lists of
	 * strings.
	 */
	static String write(Map<String, ?> object) {
		StringBuilder json = new StringBuilder(256).append('{');
		boolean first = true;
		for (Map.Entry<String, ?> member : object.entrySet()) {
			if (!first) {
				json.append(',');
			}
			first = false;
			string(json, member.getKey());
			json.append(':');
			Object value = member.getValue();
			if (value == null) {
				json.append("null");
			}
			else if (value instanceof List<?> list) {
				json.append('[');
				for (int i = 0; i < list.size(); i++) {
					if (i > 0) {
						json.append(',');
					}
					string(json, (String) list.get(i));
				}
				json.append(']');
			}
			else {
				string(json, (String) value);
			}
		}
		return json.append('}').toString();
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

	private Map<String, Object> object() {
		skipSpace();
		expect('{');
		Map<String, Object> object = new LinkedHashMap<>();
		skipSpace();
		if (peek() == '}') {
			this.at++;
			return object;
		}
		while (true) {
			skipSpace();
			String name = string();
			skipSpace();
			expect(':');
			skipSpace();
			Object value = value();
			if (object.containsKey(name)) {
				throw error("member \"" + name + "\" appears twice");
			}
			object.put(name, value);
			skipSpace();
			char next = next();
			if (next == '}') {
				return object;
			}
			if (next != ',') {
				throw error("expected , or }");
			}
		}
	}

	private Object value() {
		char c = peek();
		if (c == '"') {
			return string();
		}
		if (c == '[') {
			this.at++;
			List<String> list = new ArrayList<>();
			skipSpace();
			if (peek() == ']') {
				this.at++;
				return list;
			}
			while (true) {
				skipSpace();
				list.add(string());
				skipSpace();
				char next = next();
				if (next == ']') {
					return list;
				}
				if (next != ',') {
					throw error("expected , or ]");
				}
			}
		}
		if (this.text.startsWith("null", this.at)) {
			this.at += 4;
			return null;
		}
		throw error("expected a string, null or an array of strings");
	}

	private String string() {
		expect('"');
		StringBuilder value = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return value.toString();
			}
			if (c < 0x20) {
				throw error("control character in a string");
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			char escaped = next();
			switch (escaped) {
				case '"', '\\', '/' -> value.append(escaped);
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'u' -> {
					if (this.at + 4 > this.text.length()) {
						throw error("short \\u escape");
					}
					String digits = this.text.substring(this.at, this.at + 4);
					int code;
					try {
						code = HexFormat.fromHexDigits(digits);
					}
					catch (IllegalArgumentException ex) {
						throw error("bad \\u escape");
					}
					value.append((char) code);
					this.at += 4;
				}
				default -> throw error("bad escape \\" + escaped);
			}
		}
	}

	private void skipSpace() {
		while (this.at < this.text.length() && " \t\r".indexOf(this.text.charAt(this.at)) >= 0) {
			this.at++;
		}
	}

	private char peek() {
		if (this.at >= this.text.length()) {
			throw error("unexpected end");
		}
		return this.text.charAt(this.at);
	}

	private char next() {
		char c = peek();
		this.at++;
		return c;
	}

	private void expect(char expected) {
		if (next() != expected) {
			this.at--;
			throw error("expected " + expected);
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("malformed JSON at column " + (this.at + 1) + ": " + what);
	}

}
