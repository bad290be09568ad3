package io.audittrail.sample.service;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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

/**
 * Services and their settings.
 */
@RestController
@RequestMapping("/api/v1/services")
@PreAuthorize("hasAuthority('manageService')")
class ServiceController {

	private static final String SERVICE_ID = "[a-z0-9][a-z0-9-]{1,31}";

	private final ServiceOperations operations;

	private final Services services;

	ServiceController(ServiceOperations operations, Services services) {
		this.operations = operations;
		this.services = services;
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

	@PutMapping("/{serviceId}/settings")
	Map<String, Object> settings(@PathVariable String serviceId, @Valid @RequestBody Settings body) {
		CmsService service = this.operations.updateRetention(serviceId, body.auditLogRetentionDays());
		return Map.of("audit_log_retention_days", service.auditLogRetentionDays);
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

	record Settings(@NotNull @Min(1) @JsonProperty("audit_log_retention_days") Integer auditLogRetentionDays) {
	}

	record Language(@NotBlank @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") String language) {
	}

	record Flag(@NotNull Boolean enabled) {
	}

}
