package io.audittrail.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.integrity.IntegrityReport;

/**
 * {@code GET {base}/api/integrity}: verifies the hash chains the reader may see, or one
 * tenant's, going on from where the last call verified them (see
 * {@link AuditIntegrity#verifyLatestIn(io.audittrail.core.TenantScope)}).
 */
@AuditApiEndpoint
class IntegrityController {

	private final AuditIntegrity integrity;

	private final AuditAccess access;

	IntegrityController(AuditIntegrity integrity, AuditAccess access) {
		this.integrity = integrity;
		this.access = access;
	}

	@GetMapping("/integrity")
	public IntegrityReport verify(@RequestParam(name = "tenant", required = false) String tenant) {
		ReaderRights reader = this.access.requireView();
		if (tenant != null) {
			if (tenant.isBlank()) {
				throw new BadParameterException("tenant",
						"Parameter 'tenant' must not be blank; leave it out to verify every chain");
			}
			reader.requireTenant(tenant);
			return this.integrity.verifyLatest(tenant);
		}
		return this.integrity.verifyLatestIn(reader.scope());
	}

}
