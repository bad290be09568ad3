package io.audittrail.sample.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.audittrail.sample.web.InvalidInputException;

/**
 * Services and their settings.
 */
@RestController
@RequestMapping("/api/v1/services")
@PreAuthorize("hasAuthority('manageService')")
class ServiceController {

	private static final String SERVICE_ID = "[a-z0-9][a-z0-9-]{1,31}";

	private static final String RETENTION_DAYS = "audit_log_retention_days";

	private final ServiceOperations operations;

	private final Services services;

	ServiceController(ServiceOperations operations, Services services) {
		this.operations = operations;
		this.services = services;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	List<CmsService> list(Authentication authentication) {
		return this.services.ofMember(authentication.getName());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("isAuthenticated()")
	CmsService create(@Valid @RequestBody NewService body, Authentication authentication) {
		return this.operations.create(body.serviceId(), body.name(), authentication.getName());
	}

	@GetMapping("/{serviceId}")
	@PreAuthorize("hasAuthority('member')")
	CmsService get(@PathVariable String serviceId) {
		return this.services.require(serviceId);
	}

	@PatchMapping("/{serviceId}")
	CmsService rename(@PathVariable String serviceId, @Valid @RequestBody Name body) {
		return this.operations.rename(serviceId, body.name());
	}

	@DeleteMapping("/{serviceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String serviceId) {
		this.operations.delete(serviceId);
	}

	@GetMapping("/{serviceId}/settings")
	Map<String, Object> settings(@PathVariable String serviceId) {
		return settingsOf(this.services.require(serviceId));
	}

	/**
	 * Sets the audit log's retention: a number of days (below 1 counts as 1), or
	 * {@code null} for the system default ({@code audit.retention.days}). Answers the
	 * stored settings.
	 */
	@PutMapping("/{serviceId}/settings")
	Map<String, Object> updateSettings(@PathVariable String serviceId, @RequestBody Map<String, Object> body) {
		if (!body.containsKey(RETENTION_DAYS)) {
			throw new InvalidInputException(RETENTION_DAYS,
					"is required: a number of days, or null for the system default");
		}
		Object days = body.get(RETENTION_DAYS);
		if (days != null && !(days instanceof Integer)) {
			throw new InvalidInputException(RETENTION_DAYS,
					"must be a whole number of days, or null for the system default, not " + describe(days));
		}
		return settingsOf(this.operations.updateRetention(serviceId, (Integer) days));
	}

	private static Map<String, Object> settingsOf(CmsService service) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put(RETENTION_DAYS, service.auditLogRetentionDays);
		return settings;
	}

	private static String describe(Object value) {
		return (value instanceof String) ? "a text" : (value instanceof Number) ? "'" + value + "'"
				: "a " + ((value instanceof Map) ? "JSON object" : (value instanceof List) ? "JSON array" : "boolean");
	}

	@PatchMapping("/{serviceId}/id")
	CmsService updateId(@PathVariable String serviceId, @Valid @RequestBody NewId body) {
		return this.operations.updateId(serviceId, body.serviceId());
	}

	@PatchMapping("/{serviceId}/language")
	CmsService language(@PathVariable String serviceId, @Valid @RequestBody Language body) {
		return this.operations.updateLanguage(serviceId, body.language());
	}

	@PatchMapping("/{serviceId}/two-factor")
	CmsService twoFactor(@PathVariable String serviceId, @Valid @RequestBody Flag body) {
		return this.operations.updateTwoFactorRequirement(serviceId, body.enabled());
	}

	@PatchMapping("/{serviceId}/reserved-content-editing")
	CmsService reservedContentEditing(@PathVariable String serviceId, @Valid @RequestBody Flag body) {
		return this.operations.updateReservedContentEditingRestriction(serviceId, body.enabled());
	}

	record NewService(@NotBlank @Pattern(regexp = SERVICE_ID) String serviceId, @NotBlank String name) {
	}

	record NewId(@NotBlank @Pattern(regexp = SERVICE_ID) String serviceId) {
	}

	record Name(@NotBlank String name) {
	}

	record Language(@NotBlank @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String language) {
	}

	record Flag(@NotNull Boolean enabled) {
	}

}
