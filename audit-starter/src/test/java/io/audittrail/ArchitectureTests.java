package io.audittrail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rooms of the starter (its packages) and their doors, as
 * {@code docs/architecture.md} draws them: read from the sources, so that a new import
 * shows here before it shows in a review.
 */
class ArchitectureTests {

	private static final Path SOURCES = Path.of("src/main/java");

	private static final Pattern PACKAGE = Pattern.compile("^package (io\\.audittrail[\\w.]*);", Pattern.MULTILINE);

	private static final Pattern REFERENCE = Pattern.compile("\\bio\\.audittrail\\.([a-z][\\w.]*?)\\.[A-Z]");

	@Test
	void roomsImportEachOtherOneWayOnly() {
		Map<String, Set<String>> imports = imports();
		assertThat(imports).containsKeys("capture", "store", "web", "spi", "core");
		assertThat(cycles(imports)).as("packages that import each other, directly or through others").isEmpty();
	}

	@Test
	void valuesAndExtensionPointsDependOnNoRoom() {
		Map<String, Set<String>> imports = imports();
		assertThat(imports.get("core")).isEmpty();
		assertThat(imports.get("spi")).isSubsetOf("core");
	}

	@Test
	void onlyTheStoreSpeaksSql() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.toString().contains("/io/audittrail/store/"))
				.forEach((file) -> {
					String source = read(file);
					if (Pattern
						.compile("\"\\s*(select|insert into|update|delete from)\\s+[\\w(*]", Pattern.CASE_INSENSITIVE)
						.matcher(source)
						.find() && source.contains("audit_")) {
						offenders.add(SOURCES.relativize(file).toString());
					}
				});
		}
		assertThat(offenders).as("classes outside io.audittrail.store with SQL on the audit tables").isEmpty();
	}

	private static Map<String, Set<String>> imports() {
		Map<String, Set<String>> imports = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			files.filter((file) -> file.toString().endsWith(".java")).forEach((file) -> {
				String source = read(file);
				Matcher declared = PACKAGE.matcher(source);
				if (!declared.find()) {
					return;
				}
				String room = room(declared.group(1));
				Set<String> used = imports.computeIfAbsent(room, (key) -> new TreeSet<>());
				Matcher reference = REFERENCE.matcher(source);
				while (reference.find()) {
					String other = reference.group(1);
					if (!other.equals(room) && !other.equals("annotation") && !other.startsWith("verifier")) {
						used.add(other);
					}
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return imports;
	}

	private static String room(String packageName) {
		return packageName.equals("io.audittrail") ? "" : packageName.substring("io.audittrail.".length());
	}

	/** The strongly connected components of more than one room (Tarjan). */
	private static List<Set<String>> cycles(Map<String, Set<String>> imports) {
		List<Set<String>> cycles = new ArrayList<>();
		Map<String, Integer> index = new LinkedHashMap<>();
		Map<String, Integer> low = new LinkedHashMap<>();
		List<String> stack = new ArrayList<>();
		for (String room : imports.keySet()) {
			if (!index.containsKey(room)) {
				connect(room, imports, index, low, stack, cycles);
			}
		}
		return cycles;
	}

	private static void connect(String room, Map<String, Set<String>> imports, Map<String, Integer> index,
			Map<String, Integer> low, List<String> stack, List<Set<String>> cycles) {
		index.put(room, index.size());
		low.put(room, index.get(room));
		stack.add(room);
		for (String other : imports.getOrDefault(room, Set.of())) {
			if (!index.containsKey(other)) {
				connect(other, imports, index, low, stack, cycles);
				low.put(room, Math.min(low.get(room), low.get(other)));
			}
			else if (stack.contains(other)) {
				low.put(room, Math.min(low.get(room), index.get(other)));
			}
		}
		if (low.get(room).equals(index.get(room))) {
			Set<String> component = new TreeSet<>();
			String member;
			do {
				member = stack.remove(stack.size() - 1);
				component.add(member);
			}
			while (!member.equals(room));
			if (component.size() > 1) {
				cycles.add(component);
			}
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
