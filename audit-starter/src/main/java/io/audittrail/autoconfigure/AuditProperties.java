package io.audittrail.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.FailurePolicy;
import io.audittrail.core.StreamFormat;

/**
 * Configuration of the audit log, under the prefix {@code audit}.
 */
@API(status = Status.STABLE, since = "0.2")
@ConfigurationProperties("audit")
public class AuditProperties {

	/**
	 * Whether to record the audit log. When false, the application behaves as if the
	 * starter were absent.
	 */
	private boolean enabled = true;

	/**
	 * What happens to a business call whose audit cannot be written: 'fail' fails the
	 * call and rolls its transaction back; 'log' lets it go on and counts the lost events
	 * in the metric 'audit.events.lost'.
	 */
	private FailurePolicy failurePolicy = FailurePolicy.FAIL;

	/**
	 * Whether to record calls that throw, with outcome FAILURE and the error class, in a
	 * transaction of their own.
	 */
	private boolean recordFailures = true;

	/**
	 * Whether to record audited calls made inside another audited call too. By default
	 * only the outermost operation is recorded.
	 */
	private boolean recordNested = false;

	private final Entities entities = new Entities();

	private final Catalog catalog = new Catalog();

	private final Store store = new Store();

	private final Web web = new Web();

	private final Security security = new Security();

	private final Http http = new Http();

	private final Integrity integrity = new Integrity();

	private final Retention retention = new Retention();

	private final Stream stream = new Stream();

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

	public Http getHttp() {
		return this.http;
	}

	public Integrity getIntegrity() {
		return this.integrity;
	}

	public Retention getRetention() {
		return this.retention;
	}

	public Stream getStream() {
		return this.stream;
	}

	/** Entity changes captured by Envers. */
	public static class Entities {

		/**
		 * Whether to record entity changes that no audited call covers, as the operations
		 * '<entity>.create', '<entity>.update' and '<entity>.delete'.
		 */
		private boolean recordUnannotated = true;

		/**
		 * Size of the JDBC batches Hibernate writes with, set when the application sets
		 * no 'hibernate.jdbc.batch_size' of its own, so that the audit rows of a
		 * transaction take few round trips to the database; inserts and updates are then
		 * also ordered by table. 0 leaves Hibernate's default, which writes each row with
		 * a statement of its own.
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
		private List<String> locations = new ArrayList<>(List.of(OperationCatalog.DEFAULT_LOCATION));

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
		 * Whether to create and upgrade the audit tables with the starter's Flyway
		 * migrations (H2 and PostgreSQL). Turn off when the application's own migrations
		 * create them.
		 */
		private boolean initializeSchema = true;

		public boolean isInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(boolean initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		/**
		 * Whether the database itself refuses updates of events, seals and statuses
		 * (PostgreSQL: triggers installed at start-up; deletes by retention still work).
		 * Refused at start-up on other databases, which cannot enforce it.
		 */
		private boolean appendOnly = false;

		public boolean isAppendOnly() {
			return this.appendOnly;
		}

		public void setAppendOnly(boolean appendOnly) {
			this.appendOnly = appendOnly;
		}

	}

	/** The JSON API and pages, and what is read from HTTP requests. */
	public static class Web {

		/** Whether to serve the JSON API and the admin pages. */
		private boolean enabled = true;

		/** Path under which the JSON API ('/api') and the pages are served. */
		private String basePath = "/audit";

		/**
		 * Addresses or CIDR ranges of proxies whose X-Forwarded-For header is trusted for
		 * the client IP address. Empty: the header is ignored.
		 */
		private List<String> trustedProxies = new ArrayList<>();

		/**
		 * Whether to serve the JSON API and pages when Spring Security is not on the
		 * classpath, so that anyone can read the log. For local development only.
		 */
		private boolean allowWithoutSecurity = false;

		/**
		 * Secret that signs the list's page cursors, so that every instance of the
		 * application accepts the cursors of the others. Unset: a random secret per
		 * start, and cursors expire on restart.
		 */
		private String cursorSecret;

		/**
		 * How many downloads (CSV and JSON-lines exports, evidence bundles) may stream at
		 * once on an instance; each holds a database connection until its reader has read
		 * it. One more is refused with 503.
		 */
		private int maxConcurrentDownloads = 4;

		public int getMaxConcurrentDownloads() {
			return this.maxConcurrentDownloads;
		}

		public void setMaxConcurrentDownloads(int maxConcurrentDownloads) {
			this.maxConcurrentDownloads = maxConcurrentDownloads;
		}

		public String getCursorSecret() {
			return this.cursorSecret;
		}

		public void setCursorSecret(String cursorSecret) {
			this.cursorSecret = cursorSecret;
		}

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
		 * Authority needed to see system-level entries (those of no tenant). Unset: the
		 * view authority is enough.
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

	/** Recording of HTTP API requests. */
	public static class Http {

		/** Whether to record HTTP API requests. */
		private boolean enabled = false;

		/** HTTP methods of the requests to record. Default: POST, PUT, PATCH, DELETE. */
		private List<String> methods = new ArrayList<>(List.of("POST", "PUT", "PATCH", "DELETE"));

		/**
		 * Path patterns of the requests to record, such as '/api/**'. Empty: every path.
		 */
		private List<String> includePaths = new ArrayList<>();

		/**
		 * Path patterns of requests never recorded. The audit log's own API and pages
		 * under 'audit.web.base-path' are never recorded either.
		 */
		private List<String> excludePaths = new ArrayList<>();

		/**
		 * Request headers to record. Authorization, cookies and the API-key headers are
		 * never recorded, even when listed.
		 */
		private List<String> includeHeaders = new ArrayList<>();

		/**
		 * Names of more fields whose values are masked in bodies, query and path
		 * parameters and headers, besides the secret fields (by default: names containing
		 * password, secret, token, api key, session, card number and the like). Compared
		 * ignoring case and the characters '_', '-', '.', '[' and ']'.
		 */
		private List<String> maskFields = new ArrayList<>();

		/**
		 * Largest part of a body that is recorded; a longer body is cut with a marker. At
		 * most 400KB, so that the body fits the request detail column.
		 */
		private DataSize maxBodyBytes = DataSize.ofKilobytes(16);

		/**
		 * Whether to record request bodies. Binary and multipart bodies are described,
		 * not stored.
		 */
		private boolean includeBody = false;

		/** Whether to record query parameters. */
		private boolean includeQuery = false;

		/** Whether to record path parameters, such as the id in '/contents/{id}'. */
		private boolean includePathParameters = false;

		/** Headers that carry API keys; never recorded. */
		private List<String> apiKeyHeaders = new ArrayList<>(List.of("X-API-KEY"));

		/** How many requests may wait to be written. */
		private int queueCapacity = 10_000;

		/** How many requests are written in one batch at most. */
		private int batchSize = 500;

		/** How long the writer waits for more requests to fill a batch. */
		private Duration flushInterval = Duration.ofMillis(200);

		/**
		 * How long a request waits for space when the queue is full, after which its
		 * entry is logged and counted as lost in the metric 'audit.http.entries.lost'.
		 */
		private Duration enqueueTimeout = Duration.ofSeconds(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public List<String> getIncludePaths() {
			return this.includePaths;
		}

		public void setIncludePaths(List<String> includePaths) {
			this.includePaths = includePaths;
		}

		public List<String> getExcludePaths() {
			return this.excludePaths;
		}

		public void setExcludePaths(List<String> excludePaths) {
			this.excludePaths = excludePaths;
		}

		public List<String> getIncludeHeaders() {
			return this.includeHeaders;
		}

		public void setIncludeHeaders(List<String> includeHeaders) {
			this.includeHeaders = includeHeaders;
		}

		public List<String> getMaskFields() {
			return this.maskFields;
		}

		public void setMaskFields(List<String> maskFields) {
			this.maskFields = maskFields;
		}

		public DataSize getMaxBodyBytes() {
			return this.maxBodyBytes;
		}

		public void setMaxBodyBytes(DataSize maxBodyBytes) {
			this.maxBodyBytes = maxBodyBytes;
		}

		public boolean isIncludeBody() {
			return this.includeBody;
		}

		public void setIncludeBody(boolean includeBody) {
			this.includeBody = includeBody;
		}

		public boolean isIncludeQuery() {
			return this.includeQuery;
		}

		public void setIncludeQuery(boolean includeQuery) {
			this.includeQuery = includeQuery;
		}

		public boolean isIncludePathParameters() {
			return this.includePathParameters;
		}

		public void setIncludePathParameters(boolean includePathParameters) {
			this.includePathParameters = includePathParameters;
		}

		public List<String> getApiKeyHeaders() {
			return this.apiKeyHeaders;
		}

		public void setApiKeyHeaders(List<String> apiKeyHeaders) {
			this.apiKeyHeaders = apiKeyHeaders;
		}

		public int getQueueCapacity() {
			return this.queueCapacity;
		}

		public void setQueueCapacity(int queueCapacity) {
			this.queueCapacity = queueCapacity;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getFlushInterval() {
			return this.flushInterval;
		}

		public void setFlushInterval(Duration flushInterval) {
			this.flushInterval = flushInterval;
		}

		public Duration getEnqueueTimeout() {
			return this.enqueueTimeout;
		}

		public void setEnqueueTimeout(Duration enqueueTimeout) {
			this.enqueueTimeout = enqueueTimeout;
		}

	}

	/** The hash chains that make tampering detectable. */
	public static class Integrity {

		/** Whether to link events into hash chains and serve their verification. */
		private boolean enabled = true;

		/** How often committed events are linked into their tenant's hash chain. */
		private Duration sealInterval = Duration.ofSeconds(1);

		/** How many events are linked per transaction. */
		private int sealBatchSize = 1000;

		/**
		 * How long the verification endpoint goes on from where it last verified a chain
		 * before it walks the whole chain again; 0 walks whole chains at every call.
		 */
		private Duration fullVerificationInterval = Duration.ofMinutes(10);

		/**
		 * The name of this application's audit log, the start of every checkpoint's
		 * origin; a schema-less URL such as 'cms.example.com/audit' keeps it unique.
		 */
		private String logName = "audit-trail";

		/** How often every chain that grew gets a new signed checkpoint. */
		private Duration checkpointInterval = Duration.ofMinutes(1);

		private final Signing signing = new Signing();

		private final Publish publish = new Publish();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getSealInterval() {
			return this.sealInterval;
		}

		public void setSealInterval(Duration sealInterval) {
			this.sealInterval = sealInterval;
		}

		public int getSealBatchSize() {
			return this.sealBatchSize;
		}

		public void setSealBatchSize(int sealBatchSize) {
			this.sealBatchSize = sealBatchSize;
		}

		public Duration getFullVerificationInterval() {
			return this.fullVerificationInterval;
		}

		public void setFullVerificationInterval(Duration fullVerificationInterval) {
			this.fullVerificationInterval = fullVerificationInterval;
		}

		public String getLogName() {
			return this.logName;
		}

		public Duration getCheckpointInterval() {
			return this.checkpointInterval;
		}

		public void setCheckpointInterval(Duration checkpointInterval) {
			this.checkpointInterval = checkpointInterval;
		}

		public void setLogName(String logName) {
			this.logName = logName;
		}

		public Signing getSigning() {
			return this.signing;
		}

		public Publish getPublish() {
			return this.publish;
		}

		/** The Ed25519 key that signs the chains' checkpoints. */
		public static class Signing {

			/**
			 * Whether to load (or generate) the signing key and sign, keep, publish and
			 * serve the chains' checkpoints.
			 */
			private boolean enabled = true;

			/**
			 * The key name in the checkpoints' signature lines; the log name when unset.
			 */
			private String keyName;

			/**
			 * A PEM file of the Ed25519 private key in PKCS#8 ('openssl genpkey
			 * -algorithm ed25519').
			 */
			private Path privateKey;

			/** A keystore holding the Ed25519 private key, instead of a PEM file. */
			private Path keystore;

			/** The keystore's type. */
			private String keystoreType = "PKCS12";

			/** The keystore's password. */
			private String keystorePassword;

			/** The alias of the signing key in the keystore. */
			private String keyAlias;

			/**
			 * The password of the signing key in the keystore; the keystore's when unset.
			 */
			private String keyPassword;

			/**
			 * Where a key generated at first start is kept ('checkpoint-signing-key.pem')
			 * and where every verifier key that signed checkpoints is recorded
			 * ('verifier-keys.txt').
			 */
			private Path directory = Path.of("audit-keys");

			/**
			 * Verifier keys of earlier signing keys ('name+keyid+base64'), still trusted
			 * for older checkpoints.
			 */
			private List<String> retiredKeys = new ArrayList<>();

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public String getKeyName() {
				return this.keyName;
			}

			public void setKeyName(String keyName) {
				this.keyName = keyName;
			}

			public Path getPrivateKey() {
				return this.privateKey;
			}

			public void setPrivateKey(Path privateKey) {
				this.privateKey = privateKey;
			}

			public Path getKeystore() {
				return this.keystore;
			}

			public void setKeystore(Path keystore) {
				this.keystore = keystore;
			}

			public String getKeystoreType() {
				return this.keystoreType;
			}

			public void setKeystoreType(String keystoreType) {
				this.keystoreType = keystoreType;
			}

			public String getKeystorePassword() {
				return this.keystorePassword;
			}

			public void setKeystorePassword(String keystorePassword) {
				this.keystorePassword = keystorePassword;
			}

			public String getKeyAlias() {
				return this.keyAlias;
			}

			public void setKeyAlias(String keyAlias) {
				this.keyAlias = keyAlias;
			}

			public String getKeyPassword() {
				return this.keyPassword;
			}

			public void setKeyPassword(String keyPassword) {
				this.keyPassword = keyPassword;
			}

			public Path getDirectory() {
				return this.directory;
			}

			public void setDirectory(Path directory) {
				this.directory = directory;
			}

			public List<String> getRetiredKeys() {
				return this.retiredKeys;
			}

			public void setRetiredKeys(List<String> retiredKeys) {
				this.retiredKeys = retiredKeys;
			}

		}

		/** Where signed checkpoints are shipped. */
		public static class Publish {

			/**
			 * A directory every signed checkpoint is written to, one folder per chain;
			 * none when unset.
			 */
			private Path directory;

			public Path getDirectory() {
				return this.directory;
			}

			public void setDirectory(Path directory) {
				this.directory = directory;
			}

		}

	}

	/** How long entries are kept. */
	public static class Retention {

		/** Whether to run the retention job. */
		private boolean enabled = true;

		/**
		 * Days entries and their Envers revisions are kept, for system-level entries and
		 * for tenants whose retention policy sets none; at least 1 (a smaller value stops
		 * the start-up). Unset: kept forever.
		 */
		private Integer days;

		/** When the retention job runs, as a cron expression; '-' never. */
		private String cron = "0 30 3 * * *";

		/** How many events or revisions are removed per transaction. */
		private int batchSize = 1000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Integer getDays() {
			return this.days;
		}

		public void setDays(Integer days) {
			this.days = days;
		}

		public String getCron() {
			return this.cron;
		}

		public void setCron(String cron) {
			this.cron = cron;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

	}

	/** Streaming of the audit log to other systems. */
	public static class Stream {

		private final Kafka kafka = new Kafka();

		public Kafka getKafka() {
			return this.kafka;
		}

	}

	/**
	 * Publishing of sealed events to Kafka, through the connection of
	 * {@code spring.kafka.*}.
	 */
	public static class Kafka {

		/** Whether to publish every sealed event to Kafka. */
		private boolean enabled = false;

		/** The topic events are published to. */
		private String topic = "audit-events";

		/** How event values are written: the API's event JSON, CloudEvents or OCSF. */
		private StreamFormat format = StreamFormat.EVENT;

		/** How often sealed events are looked for and published. */
		private Duration interval = Duration.ofSeconds(1);

		/** How many events of a chain are sent before their position is stored. */
		private int batchSize = 500;

		/**
		 * How long a batch waits for the broker's acknowledgements before it is sent
		 * again later.
		 */
		private Duration sendTimeout = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getTopic() {
			return this.topic;
		}

		public void setTopic(String topic) {
			this.topic = topic;
		}

		public StreamFormat getFormat() {
			return this.format;
		}

		public void setFormat(StreamFormat format) {
			this.format = format;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Duration getSendTimeout() {
			return this.sendTimeout;
		}

		public void setSendTimeout(Duration sendTimeout) {
			this.sendTimeout = sendTimeout;
		}

	}

}
