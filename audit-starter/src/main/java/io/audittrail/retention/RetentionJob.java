package io.audittrail.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.audittrail.capture.StarterOperation;
import io.audittrail.capture.StarterOperations;
import io.audittrail.spi.TenantRetentionPolicy;
import io.audittrail.store.RetentionStore;

/**
 * Removes events and their Envers revisions older than each tenant's retention period.
 * <p>
 * Events go as a prefix of their tenant's hash chain, oldest position first, in
 * transactions of at most one batch each; every batch moves the chain's checkpoint to the
 * last removed position and its hash, so that verification resumes there. Revisions older
 * than the period go once no remaining event references them, with their rows in the
 * application's audit tables. One run at a time across all application instances: a run
 * holds the job lock {@code retention} of the store, and a run that finds it held does
 * nothing. Each purged tenant gets an {@code audit.retention.purge} event by the system
 * actor.
 */
final class RetentionJob {

	private static final Log logger = LogFactory.getLog(RetentionJob.class);

	private static final String JOB = "retention";

	private final RetentionStore store;

	private final AuditTables auditTables;

	private final TenantRetentionPolicy tenantPolicy;

	private final Settings settings;

	private final StarterOperations operations;

	private final Consumer<String> checkpoint;

	private final Clock clock;

	private final Counter purgedEvents;

	private final Counter purgedRevisions;

	/**
	 * @param store the audit database's retention statements
	 * @param auditTables the application's Envers audit tables
	 * @param tenantPolicy per-tenant retention periods
	 * @param settings the system default and the batch size
	 * @param operations records each purge
	 * @param checkpoint signs a checkpoint of a tenant's chain ({@code null}: the
	 * system-level chain) if it grew since its latest, so that the next checkpoint after
	 * retention removed leaves still proves consistency; a failure is logged and the
	 * purge goes on
	 * @param meters where the counts of removed events and revisions go; may be
	 * {@code null}
	 * @param clock the clock the periods are measured with
	 */
	public RetentionJob(RetentionStore store, AuditTables auditTables, TenantRetentionPolicy tenantPolicy,
			Settings settings, StarterOperations operations, Consumer<String> checkpoint, MeterRegistry meters,
			Clock clock) {
		this.store = store;
		this.auditTables = auditTables;
		this.tenantPolicy = tenantPolicy;
		this.settings = settings;
		this.operations = operations;
		this.checkpoint = checkpoint;
		this.clock = clock;
		this.purgedEvents = (meters != null) ? Counter.builder("audit.retention.purged.events")
			.description("Audit events removed by retention")
			.register(meters) : null;
		this.purgedRevisions = (meters != null) ? Counter.builder("audit.retention.purged.revisions")
			.description("Envers revisions removed by retention")
			.register(meters) : null;
	}

	/**
	 * The retention period of a tenant's entries, in days, or {@code null} to keep them
	 * forever.
	 * @param tenant the tenant, {@code null} for system-level entries
	 */
	public Integer retentionDays(String tenant) {
		Integer days = (tenant != null) ? this.tenantPolicy.retentionDays(tenant) : null;
		if (days == null) {
			days = this.settings.defaultDays();
		}
		return (days != null) ? Math.max(1, days) : null;
	}

	/** Purges every tenant's expired entries, unless another run is purging now. */
	public RetentionReport purge() {
		return this.store.runExclusively(JOB, this::purgeHoldingLock).orElseGet(() -> {
			logger.debug("Audit retention is running elsewhere; skipped");
			return new RetentionReport(false, List.of());
		});
	}

	private RetentionReport purgeHoldingLock() {
		Instant now = this.clock.instant();
		List<RetentionReport.TenantPurge> purges = new ArrayList<>();
		for (String tenant : this.store.tenants()) {
			Integer days = retentionDays(tenant);
			if (days == null) {
				continue;
			}
			Instant cutoff = now.minus(Duration.ofDays(days));
			long events = purgeEvents(tenant, cutoff);
			long revisions = purgeRevisions(tenant, cutoff);
			purges.add(new RetentionReport.TenantPurge(tenant, days, events, revisions));
			if (events > 0 || revisions > 0) {
				logger.info("Audit retention removed " + events + " event(s) and " + revisions + " revision(s) of "
						+ ((tenant != null) ? "tenant '" + tenant + "'" : "system-level entries") + ", older than "
						+ days + " day(s)");
				if (this.purgedEvents != null) {
					this.purgedEvents.increment(events);
					this.purgedRevisions.increment(revisions);
				}
				this.operations.record(StarterOperation.retentionPurge(tenant, days, events, revisions));
			}
		}
		return new RetentionReport(true, purges);
	}

	private long purgeEvents(String tenant, Instant cutoff) {
		long from = this.store.checkpoint(tenant);
		OptionalLong firstKept = this.store.firstPositionSince(tenant, from, cutoff);
		long to = firstKept.isPresent() ? firstKept.getAsLong() - 1
				: this.store.lastPosition(tenant, from).orElse(from);
		if (from >= to) {
			return 0;
		}
		try {
			// a checkpoint that covers the leaves removed now lets the next one prove
			// consistency with it
			this.checkpoint.accept(tenant);
		}
		catch (RuntimeException ex) {
			// refusing would keep expired events for good without saving any proof
			logger.warn("Audit retention could not sign a checkpoint of the chain of " + describe(tenant)
					+ " before removing its expired events; the next checkpoint may not prove consistency with "
					+ "the latest (" + ex.getMessage() + ")");
		}
		long purged = 0;
		while (from < to) {
			long batchEnd = Math.min(from + this.settings.batchSize(), to);
			RetentionStore.PurgedEvents batch = this.store.purgeEvents(tenant, from, batchEnd, this.clock.instant());
			if (batch == null) {
				logger.warn("Audit retention found no events of the chain of " + describe(tenant)
						+ " between positions " + from + " and " + batchEnd + "; verification will report the gap");
				break;
			}
			purged += batch.removed();
			from = batch.lastPosition();
		}
		return purged;
	}

	private static String describe(String tenant) {
		return (tenant != null) ? "tenant '" + tenant + "'" : "system-level entries";
	}

	private long purgeRevisions(String tenant, Instant cutoff) {
		long purged = 0;
		while (true) {
			int removed = this.store.purgeRevisions(tenant, cutoff, this.settings.batchSize(),
					this.auditTables::tablesOf);
			purged += removed;
			if (removed < this.settings.batchSize()) {
				return purged;
			}
		}
	}

	/**
	 * How retention runs.
	 *
	 * @param defaultDays the days entries are kept unless a tenant's policy says
	 * otherwise; {@code null} keeps them forever
	 * @param batchSize how many events or revisions are removed per transaction
	 */
	public record Settings(Integer defaultDays, int batchSize) {

		public Settings {
			if (defaultDays != null && defaultDays < 1) {
				throw new IllegalArgumentException("audit.retention.days must be at least 1, not " + defaultDays
						+ "; leave it unset to keep entries forever");
			}
			if (batchSize < 1) {
				throw new IllegalArgumentException("audit.retention.batch-size must be at least 1, not " + batchSize);
			}
		}

	}

}
