package io.audittrail.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.audittrail.capture.FailurePolicy;
import io.audittrail.catalog.OperationCatalogLoader;

/**
 * Configuration of the audit log, under the prefix {@code audit}.
 */
@ConfigurationProperties("audit")
public class AuditProperties {

	/**
	 * Whether to record the audit log. When false, the application behaves as if the starter were
	 * absent.
	 */
	private boolean enabled = true;

	/**
	 * What happens to a business call whose audit cannot be written: 'fail' fails the call and rolls
	 * its transaction back; 'log' lets it go on and counts the lost events in the metric
	 * 'audit.events.lost'.
	 */
	private FailurePolicy failurePolicy = FailurePolicy.FAIL;

	/**
	 * Whether to record calls that throw, with outcome FAILURE and the error class, in a transaction of
	 * their own.
	 */
	private boolean recordFailures = true;

	/**
	 * Whether to record audited calls made inside another audited call too. By default only the
	 * outermost operation is recorded.
	 */
	private boolean recordNested = false;

	private final Entities entities = new Entities();

	private final Catalog catalog = new Catalog();

	private final Store store = new Store();

	private final Web web = new Web();

	private final Security security = new Security();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public FailurePolicy getFailurePolicy() {
		return this.failurePolicy;
	}

	public void setFailurePolicy(FailurePolicy failurePolicy) {
		this.failurePolicy = failurePolicy;
	}

	public boolean isRecordFailures() {
		return this.recordFailures;
	}

	public void setRecordFailures(boolean recordFailures) {
		this.recordFailures = recordFailures;
	}

	public boolean isRecordNested() {
		return this.recordNested;
	}

	public void setRecordNested(boolean recordNested) {
		this.recordNested = recordNested;
	}

	public Entities getEntities() {
		return this.entities;
	}

	public Catalog getCatalog() {
		return this.catalog;
	}

	public Store getStore() {
		return this.store;
	}

	public Web getWeb() {
		return this.web;
	}

	public Security getSecurity() {
		return this.security;
	}

	/** Entity changes captured by Envers. */
	public static class Entities {

		/**
		 * Whether to record entity changes that no audited call covers, as the operations
		 * '<entity>.create', '<entity>.update' and '<entity>.delete'.
		 */
		private boolean recordUnannotated = true;

		/**
		 * Size of the JDBC batches Hibernate writes with, set when the application sets no
		 * 'hibernate.jdbc.batch_size' of its own, so that the audit rows of a transaction take few round
		 * trips to the database; inserts and updates are then also ordered by table. 0 leaves Hibernate's
		 * default, which writes each row with a statement of its own.
		 */
		private int jdbcBatchSize = 50;

		public int getJdbcBatchSize() {
			return this.jdbcBatchSize;
		}

		public void setJdbcBatchSize(int jdbcBatchSize) {
			this.jdbcBatchSize = jdbcBatchSize;
		}

		public boolean isRecordUnannotated() {
			return this.recordUnannotated;
		}

		public void setRecordUnannotated(boolean recordUnannotated) {
			this.recordUnannotated = recordUnannotated;
		}

	}

	/** The operation catalog. */
	public static class Catalog {

		/**
		 * Locations of catalog files, merged in order. Labels are read from
		 * 'audit/messages*.properties' on the classpath.
		 */
		private List<String> locations = new ArrayList<>(List.of(OperationCatalogLoader.DEFAULT_LOCATION));

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

	}

	/** Storage of the audit log. */
	public static class Store {

		/**
		 * Whether to create and upgrade the audit tables with the starter's Flyway migrations (H2 and
		 * PostgreSQL). Turn off when the application's own migrations create them.
		 */
		private boolean initializeSchema = true;

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

	}

	/** The JSON API and pages, and what is read from HTTP requests. */
	public static class Web {

		/** Whether to serve the JSON API and the admin pages. */
		private boolean enabled = true;

		/** Path under which the JSON API ('/api') and the pages are served. */
		private String basePath = "/audit";

		/**
		 * Addresses or CIDR ranges of proxies whose X-Forwarded-For header is trusted for the client IP
		 * address. Empty: the header is ignored.
		 */
		private List<String> trustedProxies = new ArrayList<>();

		/**
		 * Whether to serve the JSON API and pages when Spring Security is not on the classpath, so that
		 * anyone can read the log. For local development only.
		 */
		private boolean allowWithoutSecurity = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}

		public List<String> getTrustedProxies() {
			return this.trustedProxies;
		}

		public void setTrustedProxies(List<String> trustedProxies) {
			this.trustedProxies = trustedProxies;
		}

		public boolean isAllowWithoutSecurity() {
			return this.allowWithoutSecurity;
		}

		public void setAllowWithoutSecurity(boolean allowWithoutSecurity) {
			this.allowWithoutSecurity = allowWithoutSecurity;
		}

	}

	/** Who may read and revert. */
	public static class Security {

		/** Authority needed to read the audit log. */
		private String viewAuthority = "viewAuditLog";

		/** Authority needed to revert a change. */
		private String revertAuthority = "revertAuditLog";

		/**
		 * Authority needed to see system-level entries (those of no tenant). Unset: the view authority
		 * is enough.
		 */
		private String systemAuthority;

		public String getViewAuthority() {
			return this.viewAuthority;
		}

		public void setViewAuthority(String viewAuthority) {
			this.viewAuthority = viewAuthority;
		}

		public String getRevertAuthority() {
			return this.revertAuthority;
		}

		public void setRevertAuthority(String revertAuthority) {
			this.revertAuthority = revertAuthority;
		}

		public String getSystemAuthority() {
			return this.systemAuthority;
		}

		public void setSystemAuthority(String systemAuthority) {
			this.systemAuthority = systemAuthority;
		}

	}

}
