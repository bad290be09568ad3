package io.audittrail.capture.http;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.audittrail.spi.SecretFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * How the masking component masks text, trees and paths, and that no input makes it slow.
 */
class MaskingTests {

	private final Masking masking = new Masking(SecretFields.defaults());

	@Test
	void cutPasswordOfAnyLengthIsMaskedInLinearTime() {
		// the body that overflowed the stack of a backtracking pattern at about 2,000
		// characters
		for (int length : List.of(3_000, 100_000, 1_000_000)) {
			String body = "{\"email\":\"x\",\"password\":\"" + "a".repeat(length);

			String masked = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> this.masking.maskText(body));

			assertThat(masked).isEqualTo("{\"email\":\"x\",\"password\":\"***\"");
		}
	}

	@Test
	void hostileTextsAreScannedQuickly() {
		// each 100,000 characters or more: a quadratic scan would take minutes
		List<String> hostile = List.of("\"".repeat(100_000), "'a".repeat(50_000), "\\'".repeat(50_000),
				"<password ".repeat(10_000), "<password>".repeat(10_000), "password=".repeat(12_000),
				"{".repeat(100_000), "\"password\":{".repeat(10_000), "a".repeat(100_000), "\"" + "a".repeat(100_000),
				";jsessionid=".repeat(10_000));

		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
			for (String text : hostile) {
				this.masking.maskText(text);
				this.masking.maskPath(text);
			}
		});
	}

	@Test
	void deeplyNestedJsonIsMaskedWithoutRecursion() {
		int depth = 20_000;
		JsonMapper json = JsonMapper.builder().build();
		JsonNode tree = json.createObjectNode();
		JsonNode innermost = tree;
		for (int i = 0; i < depth; i++) {
			innermost = ((ObjectNode) innermost).putObject("a");
		}
		((ObjectNode) innermost).put("token", "t-1");

		this.masking.mask(tree);

		assertThat(innermost.get("token").asString()).isEqualTo(Masking.MASK);
	}

	@Test
	void textKeepsEverythingButTheSecretValues() {
		assertThat(this.masking.maskText("{\"name\":\"n\", \"password\" : \"p\\\"q\", 'pwd': 'x', token: abc}"))
			.isEqualTo("{\"name\":\"n\", \"password\" : \"***\", 'pwd': '***', token: ***}");
		assertThat(this.masking.maskText("Password = correct horse\nuser: ed")).isEqualTo("Password = ***\nuser: ed");
		assertThat(this.masking
			.maskText("<a:user id=\"1\"><a:password kind=\"plain\">p</a:password><a:password/></a:user>"))
			.isEqualTo("<a:user id=\"1\"><a:password kind=\"plain\">***</a:password><a:password/></a:user>");
		assertThat(this.masking.maskText("{\"secret\": {\"a\": [1, {\"b\": 2}]}, \"keep\": 1}"))
			.isEqualTo("{\"secret\": \"***\", \"keep\": 1}");
		assertThat(this.masking.maskText("nothing to hide here")).isEqualTo("nothing to hide here");
	}

	@Test
	void secretFieldsCompose() {
		SecretFields fields = SecretFields.named(List.of("pin", "Member_Number")).or(SecretFields.defaults());

		assertThat(fields.isSecret("PIN")).isTrue();
		assertThat(fields.isSecret("member-number")).isTrue();
		assertThat(fields.isSecret("user[password]")).isTrue();
		assertThat(fields.isSecret("pinned")).isFalse();
		assertThat(SecretFields.none().isSecret("password")).isFalse();
		assertThat(new Masking(SecretFields.none()).maskText("password=x")).isEqualTo("password=x");
		assertThat(SecretFields.normalize("User[New-Password].x_y")).isEqualTo("usernewpasswordxy");
	}

}
