package io.audittrail.verifier;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JsonTests {

	@Test
	void writesAndReadsStringsNullsAndArrays() {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("text", "quote \" backslash \\ newline \n tab \t bell \u0007 日本語 \uD83D\uDE00");
		object.put("none", null);
		object.put("list", List.of("a", "b"));
		String line = Json.write(object);
		assertThat(line).doesNotContain("\n")
			.startsWith("{\"text\":\"quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007");
		assertThat(Json.parseObject(line)).isEqualTo(object);
		assertThat(Json.parseObject(" { \"a\" : \"\\u00e9\\/\" , \"b\" : [ ] } ")).containsEntry("a", "é/")
			.containsEntry("b", List.of());
	}

	@Test
	void refusesWhatTheFormatDoesNotHold() {
		for (String bad : Arrays.asList("{\"a\":1}", "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":\"x\"} x", "{\"a\":\"x\"",
				"{\"a\":\"\\q\"}", "{\"a\":\"\u0001\"}", "{a:\"x\"}", "{\"a\":[\"x\",null]}", "{\"a\":true}")) {
			assertThatIllegalArgumentException().as(bad)
				.isThrownBy(() -> Json.parseObject(bad))
				.withMessageStartingWith("malformed JSON at column");
		}
	}

}
