package io.audittrail.retention;

import java.util.List;

/**
 * What a retention run removed.
 *
 * @param ran whether this run purged; {@code false} when another run held the lock
 * @param tenants per tenant with a retention period, what was removed
 */
record RetentionReport(boolean ran, List<TenantPurge> tenants) {

	public RetentionReport {
		tenants = List.copyOf(tenants);
	}

	/** Events removed in all tenants. */
	public long purgedEvents() {
		return this.tenants.stream().mapToLong(TenantPurge::purgedEvents).sum();
	}

	/** Revisions removed in all tenants. */
	public long purgedRevisions() {
		return this.tenants.stream().mapToLong(TenantPurge::purgedRevisions).sum();
	}

	/**
	 * What was removed of one tenant.
	 *
	 * @param tenant the tenant, {@code null} for system-level entries
	 * @param retentionDays the retention period applied, after clamping
	 * @param purgedEvents events removed
	 * @param purgedRevisions Envers revisions removed, with their audit rows
	 */
	public record TenantPurge(String tenant, int retentionDays, long purgedEvents, long purgedRevisions) {
	}

}
