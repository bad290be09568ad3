package io.audittrail.integrity.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.audittrail.integrity.AuditIntegrity;
import io.audittrail.integrity.IntegrityReport;

/**
 * {@code GET {audit.web.base-path}/api/integrity}: verifies all hash chains, or one tenant's with
 * {@code ?tenant=}, and answers {@code {"verified", "checked", "firstBrokenId", "unsealed"}}.
 */
@RestController
public final class IntegrityController {

	private final AuditIntegrity integrity;

	private final ViewAccess access;

	public IntegrityController(AuditIntegrity integrity, ViewAccess access) {
		this.integrity = integrity;
		this.access = access;
	}

	@GetMapping(path = "${audit.web.base-path:/audit}/api/integrity")
	public ResponseEntity<?> verify(@RequestParam(name = "tenant", required = false) String tenant) {
		HttpStatus refusal = this.access.refusal();
		if (refusal != null) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal, (refusal == HttpStatus.UNAUTHORIZED)
					? "Sign in to read the audit log" : "Reading the audit log needs the view authority");
			return ResponseEntity.status(refusal).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		if (tenant != null && tenant.isBlank()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"Parameter 'tenant' must not be blank; leave it out to verify every chain");
			problem.setProperty("parameter", "tenant");
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		IntegrityReport report = (tenant != null) ? this.integrity.verify(tenant) : this.integrity.verify();
		return ResponseEntity.ok(report);
	}

}
