package io.audittrail.capture;

import java.util.function.LongSupplier;

/**
 * The Envers revision of one transaction and the tenant an audited call of it names: the
 * transaction's events reference the revision, and the revision is recorded in that
 * tenant. Used by one thread.
 */
final class RevisionBinding {

	private boolean tenantNamed;

	private String tenant;

	private LongSupplier id;

	private EventContext context;

	/**
	 * Notes that an audited call of the transaction acts in the given tenant, which may
	 * be {@code null}.
	 */
	void actInTenant(String tenant) {
		this.tenantNamed = true;
		this.tenant = tenant;
	}

	/**
	 * Notes that the transaction has a revision.
	 * @return the context to record the revision with: the given one, in the tenant an
	 * audited call named, if any
	 */
	EventContext created(LongSupplier id, EventContext context) {
		this.id = id;
		this.context = this.tenantNamed ? context.inTenant(this.tenant) : context;
		return this.context;
	}

	/** The revision's number, or {@code null} while the transaction has none. */
	Long id() {
		return (this.id != null) ? this.id.getAsLong() : null;
	}

	/**
	 * The context the revision is recorded with, or {@code null} while the transaction
	 * has none.
	 */
	EventContext context() {
		return this.context;
	}

}
