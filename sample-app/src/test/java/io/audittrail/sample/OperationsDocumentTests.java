package io.audittrail.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.catalog.OperationDefinition;
import io.audittrail.catalog.TargetDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/operations.md}, the table of the sample catalog, in step with
 * {@code audit/operations.yml} and its labels. Run with {@code -Daudit.docs.update=true}
 * to rewrite it.
 */
class OperationsDocumentTests {

	private static final Path DOCUMENT = Path.of("..", "docs", "operations.md");

	private static final Locale JAPANESE = Locale.JAPANESE;

	@Test
	void operationsDocumentListsTheWholeCatalog() throws IOException {
		String expected = render(sampleCatalog());
		if (Boolean.getBoolean("audit.docs.update")) {
			Files.createDirectories(DOCUMENT.getParent());
			Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
		}
		String actual = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
		assertThat(actual)
			.as("docs/operations.md is out of date with sample-app/src/main/resources/audit/operations.yml; "
					+ "regenerate it with: mvn -pl sample-app -am test -Dtest=OperationsDocumentTests "
					+ "-Dsurefire.failIfNoSpecifiedTests=false -Daudit.docs.update=true")
			.isEqualTo(expected);
	}

	private static OperationCatalog sampleCatalog() {
		String classes = SampleApplication.class.getProtectionDomain().getCodeSource().getLocation().toString();
		return OperationCatalog.load(new PathMatchingResourcePatternResolver(),
				List.of(classes + "audit/operations.yml"));
	}

	static String render(OperationCatalog catalog) {
		StringBuilder out = new StringBuilder();
		out.append("# Operations of the sample CMS\n\n");
		out.append("Every operation the sample application records, generated from ")
			.append("`sample-app/src/main/resources/audit/operations.yml` and its labels ")
			.append("(`audit/messages.properties`, `audit/messages_ja.properties`) by `OperationsDocumentTests`.\n\n");
		out.append("\"Revert needs\" is the permission (`authority`) a member must hold in the entry's service to ")
			.append("revert the change, besides `revertAuditLog`: the one the API asks to make it.\n\n");
		out.append("| Target | Operation id | English | Japanese | Action | Detail items | Revert needs |\n");
		out.append("|---|---|---|---|---|---|---|\n");
		for (TargetDefinition target : catalog.targets()) {
			String targetLabel = catalog.targetLabel(target.id(), Locale.ENGLISH) + " ("
					+ catalog.targetLabel(target.id(), JAPANESE) + ")";
			for (OperationDefinition operation : target.operations()) {
				out.append("| ")
					.append(targetLabel)
					.append(" | `")
					.append(operation.id())
					.append('`')
					.append(" | ")
					.append(catalog.message("operation." + operation.id(), Locale.ENGLISH))
					.append(" | ")
					.append(catalog.message("operation." + operation.id(), JAPANESE))
					.append(" | ")
					.append(operation.action())
					.append(" | ")
					.append(operation.details()
						.stream()
						.map((item) -> "`" + item + "`")
						.collect(Collectors.joining(", ")))
					.append(" | ")
					.append((operation.authority() != null) ? "`" + operation.authority() + "`" : "")
					.append(" |\n");
			}
		}
		out.append("\n## Detail items\n\n");
		out.append("In the order of the CSV columns.\n\n");
		out.append("| Item | English | Japanese |\n|---|---|---|\n");
		for (String item : catalog.detailItems()) {
			out.append("| `")
				.append(item)
				.append("` | ")
				.append(catalog.detailLabel(item, Locale.ENGLISH))
				.append(" | ")
				.append(catalog.detailLabel(item, JAPANESE))
				.append(" |\n");
		}
		return out.toString();
	}

}
