package io.audittrail.integrity.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.integrity.IntegrityReport;
import io.audittrail.core.TenantScope;
import io.audittrail.web.AuditAccessControl;
import io.audittrail.web.AuditAccessException;
import io.audittrail.web.BadParameterException;

/**
 * {@code GET {base}/api/integrity}: verifies the hash chains the reader may see, or one tenant's,
 * going on from where the last call verified them (see {@link AuditIntegrity#verifyLatest(String)}).
 */
@RestController
public class IntegrityController {

	private final AuditIntegrity integrity;

	private final AuditAccessControl access;

	public IntegrityController(AuditIntegrity integrity, AuditAccessControl access) {
		this.integrity = integrity;
		this.access = access;
	}

	@GetMapping(path = "${audit.web.base-path:/audit}/api/integrity")
	public IntegrityReport verify(@RequestParam(name = "tenant", required = false) String tenant) {
		TenantScope scope = this.access.requireView().scope();
		if (tenant != null) {
			if (tenant.isBlank()) {
				throw new BadParameterException("tenant",
						"Parameter 'tenant' must not be blank; leave it out to verify every chain");
			}
			if (!scope.includes(tenant)) {
				throw new AuditAccessException(HttpStatus.FORBIDDEN, "You may not read the audit log of tenant '" + tenant + "'.");
			}
			return this.integrity.verifyLatest(tenant);
		}
		if (scope.everyTenant()) {
			return this.integrity.verifyLatest();
		}
		IntegrityReport report = scope.system() ? this.integrity.verifyLatest(null) : new IntegrityReport(true, 0, null, 0);
		for (String readable : scope.tenants()) {
			report = report.and(this.integrity.verifyLatest(readable));
		}
		return report;
	}

}
