package io.audittrail.benchmarks.app;

import java.util.Map;

/** How the benchmarked application audits its writes. */
public enum Mode {

	/** No auditing: the audit log off and Envers off. */
	NONE(Map.of("audit.enabled", "false", "spring.jpa.properties.hibernate.integration.envers.enabled", "false")),

	/** Envers alone, with its defaults. */
	ENVERS(Map.of("audit.enabled", "false")),

	/**
	 * JaVers with its SQL repository in the same database and transaction; Envers off.
	 */
	JAVERS(Map.of("audit.enabled", "false", "spring.jpa.properties.hibernate.integration.envers.enabled", "false",
			BenchmarkApplication.JAVERS_PROPERTY, "true")),

	/** This starter: {@code @Audited} calls bound to Envers revisions. */
	AUDIT_TRAIL(Map.of());

	private final Map<String, String> properties;

	Mode(Map<String, String> properties) {
		this.properties = properties;
	}

	Map<String, String> properties() {
		return this.properties;
	}

}
