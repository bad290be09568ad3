package io.audittrail.sample.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Environments, integrations and AI features (service managers), plan and payment
 * (billing).
 */
@RestController
@RequestMapping("/api/v1/services/{serviceId}")
@PreAuthorize("hasAuthority('manageService')")
class SettingsController {

	private static final String CARD = "[0-9]{12,19}";

	private static final String METHOD = "CARD|INVOICE";

	private final EnvironmentOperations environments;

	private final BillingOperations billing;

	private final IntegrationOperations integrations;

	SettingsController(EnvironmentOperations environments, BillingOperations billing,
			IntegrationOperations integrations) {
		this.environments = environments;
		this.billing = billing;
		this.integrations = integrations;
	}

	@PostMapping("/environments")
	@ResponseStatus(HttpStatus.CREATED)
	Environment createEnvironment(@PathVariable String serviceId, @Valid @RequestBody NewEnvironment body) {
		return this.environments.create(serviceId, body.name());
	}

	@PatchMapping("/environments/{environmentId}")
	Environment updateEnvironment(@PathVariable String serviceId, @PathVariable Long environmentId,
			@Valid @RequestBody EnvironmentDisplay body) {
		return this.environments.updateDisplaySettings(serviceId, environmentId, body.name(), body.color());
	}

	@DeleteMapping("/environments/{environmentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteEnvironment(@PathVariable String serviceId, @PathVariable Long environmentId) {
		this.environments.delete(serviceId, environmentId);
	}

	@PostMapping("/s3-integrations")
	@ResponseStatus(HttpStatus.CREATED)
	S3Integration createS3(@PathVariable String serviceId, @Valid @RequestBody S3Body body) {
		return this.integrations.createS3(serviceId, body.bucket(), body.region(), body.prefix());
	}

	@PatchMapping("/s3-integrations/{integrationId}")
	S3Integration updateS3(@PathVariable String serviceId, @PathVariable Long integrationId,
			@Valid @RequestBody S3Body body) {
		return this.integrations.updateS3(serviceId, integrationId, body.bucket(), body.region(), body.prefix());
	}

	@DeleteMapping("/s3-integrations/{integrationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteS3(@PathVariable String serviceId, @PathVariable Long integrationId) {
		this.integrations.deleteS3(serviceId, integrationId);
	}

	@PutMapping("/ai-features")
	AiFeatureSettings aiFeatures(@PathVariable String serviceId, @Valid @RequestBody AiFeatures body) {
		return this.integrations.updateAiFeatures(serviceId, body.enabled(),
				Boolean.TRUE.equals(body.writingAssistant()), Boolean.TRUE.equals(body.translation()));
	}

	@PostMapping("/payment")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('manageBilling')")
	PaymentInfo addPayment(@PathVariable String serviceId, @Valid @RequestBody NewPayment body) {
		return this.billing.add(serviceId, body.companyName(), body.phoneNumber(), body.contactName(), body.email(),
				body.cardNumber(), body.method());
	}

	@PutMapping("/payment/company-name")
	@PreAuthorize("hasAuthority('manageBilling')")
	PaymentInfo companyName(@PathVariable String serviceId, @Valid @RequestBody CompanyName body) {
		return this.billing.changeCompanyName(serviceId, body.companyName());
	}

	@PutMapping("/payment/phone-number")
	@PreAuthorize("hasAuthority('manageBilling')")
	PaymentInfo phoneNumber(@PathVariable String serviceId, @Valid @RequestBody PhoneNumber body) {
		return this.billing.changePhoneNumber(serviceId, body.phoneNumber());
	}

	@PutMapping("/payment/contact-name")
	@PreAuthorize("hasAuthority('manageBilling')")
	PaymentInfo contactName(@PathVariable String serviceId, @Valid @RequestBody ContactName body) {
		return this.billing.changeBillingContactName(serviceId, body.contactName());
	}

	@PutMapping("/payment/email")
	@PreAuthorize("hasAuthority('manageBilling')")
	PaymentInfo email(@PathVariable String serviceId, @Valid @RequestBody BillingEmail body) {
		return this.billing.changeEmail(serviceId, body.email());
	}

	@PutMapping("/payment/credit-card")
	@PreAuthorize("hasAuthority('manageBilling')")
	PaymentInfo creditCard(@PathVariable String serviceId, @Valid @RequestBody Card body) {
		return this.billing.changeCreditCard(serviceId, body.cardNumber());
	}

	@DeleteMapping("/payment/credit-card")
	@PreAuthorize("hasAuthority('manageBilling')")
	PaymentInfo deleteCreditCard(@PathVariable String serviceId) {
		return this.billing.deleteCreditCard(serviceId);
	}

	@PutMapping("/payment/method")
	@PreAuthorize("hasAuthority('manageBilling')")
	PaymentInfo method(@PathVariable String serviceId, @Valid @RequestBody Method body) {
		return this.billing.changePaymentMethod(serviceId, body.method());
	}

	@PutMapping("/plan")
	@PreAuthorize("hasAuthority('manageBilling')")
	ServicePlan changePlan(@PathVariable String serviceId, @Valid @RequestBody Plan body) {
		return this.billing.changePlan(serviceId, body.plan());
	}

	@PostMapping("/plan/suspend")
	@PreAuthorize("hasAuthority('manageBilling')")
	ServicePlan suspend(@PathVariable String serviceId) {
		return this.billing.suspend(serviceId);
	}

	@PostMapping("/plan/resume")
	@PreAuthorize("hasAuthority('manageBilling')")
	ServicePlan resume(@PathVariable String serviceId) {
		return this.billing.resume(serviceId);
	}

	@PostMapping("/plan/addons")
	@PreAuthorize("hasAuthority('manageBilling')")
	ServicePlan addAddon(@PathVariable String serviceId, @Valid @RequestBody Addon body) {
		return this.billing.addAddon(serviceId, body.addon());
	}

	record NewEnvironment(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}") String name) {
	}

	record EnvironmentDisplay(@NotBlank String name, @Pattern(regexp = "#[0-9a-fA-F]{6}") String color) {
	}

	record S3Body(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{2,62}") String bucket,
			@NotBlank @Pattern(regexp = "[a-z]{2}-[a-z]+-[0-9]") String region, String prefix) {
	}

	record AiFeatures(@NotNull Boolean enabled, Boolean writingAssistant, Boolean translation) {
	}

	record NewPayment(@NotBlank String companyName, @NotBlank String phoneNumber, @NotBlank String contactName,
			@NotBlank @Email String email, @Pattern(regexp = CARD) String cardNumber,
			@NotBlank @Pattern(regexp = METHOD) String method) {
	}

	record CompanyName(@NotBlank String companyName) {
	}

	record PhoneNumber(@NotBlank @Pattern(regexp = "[0-9+() -]{6,20}") String phoneNumber) {
	}

	record ContactName(@NotBlank String contactName) {
	}

	record BillingEmail(@NotBlank @Email String email) {
	}

	record Card(@NotBlank @Pattern(regexp = CARD) String cardNumber) {
	}

	record Method(@NotBlank @Pattern(regexp = METHOD) String method) {
	}

	record Plan(@NotBlank @Pattern(regexp = "HOBBY|TEAM|BUSINESS") String plan) {
	}

	record Addon(@NotBlank @Pattern(regexp = "[A-Z_]{2,32}") String addon) {
	}

}
