package io.audittrail.web;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers the JSON API's errors with RFC 9457 problem details: 400 naming the bad
 * parameter, 401, 403, 404, 409 with the reason a change cannot be reverted (and, when a
 * field changed since, the field, its current value as JSON text and the entry that
 * changed it), and 500 naming the entity history that cannot be loaded; for every
 * controller marked {@link AuditApiEndpoint}.
 */
@RestControllerAdvice(annotations = AuditApiEndpoint.class)
class AuditProblemHandler {

	private static final Log logger = LogFactory.getLog(AuditProblemHandler.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> badParameter(BadParameterException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad parameter: " + ex.getParameter(), ex.getMessage());
		problem.setProperty("parameter", ex.getParameter());
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Bad parameter: body",
				"The request body is not valid JSON.");
		problem.setProperty("parameter", "body");
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> accessDenied(AuditAccessException ex) {
		return respond(problem(ex.getStatus(), ex.getStatus().getReasonPhrase(), ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> revertRefused(RevertRefusedException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "The change cannot be reverted", ex.getMessage());
		problem.setProperty("reason", ex.getMessage());
		RevertRefusedException.FieldConflict conflict = ex.getConflict();
		if (conflict != null) {
			problem.setProperty("entityType", conflict.entityType());
			problem.setProperty("entityId", conflict.entityId());
			problem.setProperty("field", conflict.field());
			problem.setProperty("currentValue", conflict.currentValue());
			problem.setProperty("changedByEventId", conflict.changedByEventId());
		}
		return respond(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> entityChangesUnavailable(EntityChangesUnavailableException ex) {
		logger.warn(ex.getMessage(), ex);
		return respond(
				problem(HttpStatus.INTERNAL_SERVER_ERROR, "The entity changes cannot be loaded", ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> errorResponse(ErrorResponseException ex) {
		return respond(ex.getBody());
	}

	private static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

}
