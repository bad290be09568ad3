package io.audittrail;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.util.ClassUtils;

/**
 * The starter's auto-configurations by simple name, as its imports file lists them: they
 * are package-private, so a test in another package names them.
 */
public final class StarterAutoConfigurations {

	private static final ClassLoader CLASS_LOADER = StarterAutoConfigurations.class.getClassLoader();

	private static final List<String> LISTED = ImportCandidates.load(AutoConfiguration.class, CLASS_LOADER)
		.getCandidates()
		.stream()
		.filter((name) -> name.startsWith("io.audittrail."))
		.toList();

	private StarterAutoConfigurations() {
	}

	/**
	 * The auto-configuration of that simple name.
	 * @param simpleName for example {@code AuditStoreAutoConfiguration}
	 * @return its class
	 * @throws IllegalArgumentException if the imports file lists none of that name
	 */
	public static Class<?> auditAutoConfiguration(String simpleName) {
		String name = LISTED.stream()
			.filter((listed) -> ClassUtils.getShortName(listed).equals(simpleName))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No auto-configuration " + simpleName + " in " + LISTED));
		return ClassUtils.resolveClassName(name, CLASS_LOADER);
	}

}
