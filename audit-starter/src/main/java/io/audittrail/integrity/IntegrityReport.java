package io.audittrail.integrity;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * The outcome of a verification of one or all hash chains.
 *
 * @param verified whether every sealed event checked is intact and in place
 * @param checked how many sealed events were checked
 * @param firstBrokenId the id of the first event found edited, moved or following a
 * removed one, or of the last event before a removed tail; {@code null} when verified or
 * when no event is left to name
 * @param unsealed how many events are not linked into their chain yet (recent events,
 * sealed shortly after commit); they are not covered by this verification
 */
@API(status = Status.STABLE, since = "0.2")
public record IntegrityReport(boolean verified, long checked, Long firstBrokenId, long unsealed) {

	/** This report with the given count of unsealed events. */
	public IntegrityReport withUnsealed(long unsealed) {
		return new IntegrityReport(this.verified, this.checked, this.firstBrokenId, unsealed);
	}

	/** This report combined with another of other chains. */
	public IntegrityReport and(IntegrityReport other) {
		Long broken = (this.firstBrokenId != null) ? this.firstBrokenId : other.firstBrokenId;
		return new IntegrityReport(this.verified && other.verified, this.checked + other.checked, broken,
				this.unsealed + other.unsealed);
	}

}
