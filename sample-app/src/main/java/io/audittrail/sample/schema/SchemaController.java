package io.audittrail.sample.schema;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.constraints.URL;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import io.audittrail.sample.service.Services;

/**
 * APIs with their fields and statuses, API groups, API keys and webhooks of a service.
 */
@RestController
@RequestMapping("/api/v1/services/{serviceId}")
@PreAuthorize("hasAuthority('manageApis')")
class SchemaController {

	private final ApiOperations apis;

	private final ApiKeyOperations keys;

	private final WebhookOperations webhooks;

	private final Services services;

	private final ApiRepository apiRepository;

	private final CustomFieldRepository fieldRepository;

	SchemaController(ApiOperations apis, ApiKeyOperations keys, WebhookOperations webhooks, Services services,
			ApiRepository apiRepository, CustomFieldRepository fieldRepository) {
		this.apis = apis;
		this.keys = keys;
		this.webhooks = webhooks;
		this.services = services;
		this.apiRepository = apiRepository;
		this.fieldRepository = fieldRepository;
	}

	@GetMapping("/apis")
	@PreAuthorize("hasAuthority('member')")
	List<ApiView> list(@PathVariable String serviceId) {
		return this.apiRepository.findByServiceRefOrderById(this.services.require(serviceId).id)
			.stream()
			.map(this::view)
			.toList();
	}

	@PostMapping("/apis")
	@ResponseStatus(HttpStatus.CREATED)
	ApiView create(@PathVariable String serviceId, @Valid @RequestBody NewApi body) {
		return view(this.apis.create(serviceId, body.endpoint(), body.name(), body.type(),
				(body.fields() != null) ? body.fields() : List.of()));
	}

	@PatchMapping("/apis/{endpoint}")
	ApiView update(@PathVariable String serviceId, @PathVariable String endpoint, @Valid @RequestBody ApiChange body) {
		return view(this.apis.update(serviceId, endpoint, body.name(), body.groupId()));
	}

	@PutMapping("/apis/{endpoint}/description")
	ApiView describe(@PathVariable String serviceId, @PathVariable String endpoint,
			@Valid @RequestBody Description body) {
		return view(this.apis.updateDescription(serviceId, endpoint, body.description()));
	}

	@DeleteMapping("/apis/{endpoint}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String serviceId, @PathVariable String endpoint) {
		this.apis.delete(serviceId, endpoint);
	}

	@PostMapping("/apis/{endpoint}/fields")
	@ResponseStatus(HttpStatus.CREATED)
	CustomField createField(@PathVariable String serviceId, @PathVariable String endpoint,
			@Valid @RequestBody FieldSpec body) {
		return this.apis.createField(serviceId, endpoint, body);
	}

	@PatchMapping("/apis/{endpoint}/fields/{fieldId}")
	CustomField updateField(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String fieldId,
			@Valid @RequestBody FieldChange body) {
		return this.apis.updateField(serviceId, endpoint, fieldId, body.name(), body.kind());
	}

	@DeleteMapping("/apis/{endpoint}/fields/{fieldId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteField(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String fieldId) {
		this.apis.deleteField(serviceId, endpoint, fieldId);
	}

	@PostMapping("/apis/{endpoint}/statuses")
	@ResponseStatus(HttpStatus.CREATED)
	CustomStatus addStatus(@PathVariable String serviceId, @PathVariable String endpoint,
			@Valid @RequestBody StatusBody body) {
		return this.apis.addStatus(serviceId, endpoint, body.name(), body.color());
	}

	@PatchMapping("/apis/{endpoint}/statuses/{statusId}")
	CustomStatus updateStatus(@PathVariable String serviceId, @PathVariable String endpoint,
			@PathVariable Long statusId, @Valid @RequestBody StatusBody body) {
		return this.apis.updateStatus(serviceId, endpoint, statusId, body.name(), body.color());
	}

	@DeleteMapping("/apis/{endpoint}/statuses/{statusId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteStatus(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable Long statusId) {
		this.apis.deleteStatus(serviceId, endpoint, statusId);
	}

	@PostMapping("/api-groups")
	@ResponseStatus(HttpStatus.CREATED)
	ApiGroup createGroup(@PathVariable String serviceId, @Valid @RequestBody Name body) {
		return this.apis.createGroup(serviceId, body.name());
	}

	@PatchMapping("/api-groups/{groupId}")
	ApiGroup renameGroup(@PathVariable String serviceId, @PathVariable Long groupId, @Valid @RequestBody Name body) {
		return this.apis.renameGroup(serviceId, groupId, body.name());
	}

	@DeleteMapping("/api-groups/{groupId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteGroup(@PathVariable String serviceId, @PathVariable Long groupId) {
		this.apis.deleteGroup(serviceId, groupId);
	}

	@PostMapping("/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> createKey(@PathVariable String serviceId, @Valid @RequestBody KeyBody body) {
		ApiKeyOperations.NewApiKey created = this.keys.create(serviceId, body.name(),
				!Boolean.FALSE.equals(body.write()));
		return Map.of("id", created.apiKey().id, "name", created.apiKey().name, "key", created.secret());
	}

	@PatchMapping("/api-keys/{keyId}")
	ApiKey updateKey(@PathVariable String serviceId, @PathVariable Long keyId, @Valid @RequestBody KeyBody body) {
		return this.keys.update(serviceId, keyId, body.name(), !Boolean.FALSE.equals(body.write()));
	}

	@DeleteMapping("/api-keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteKey(@PathVariable String serviceId, @PathVariable Long keyId) {
		this.keys.delete(serviceId, keyId);
	}

	@PostMapping("/webhooks/content")
	@ResponseStatus(HttpStatus.CREATED)
	ContentWebhook createContentWebhook(@PathVariable String serviceId, @Valid @RequestBody ContentWebhookBody body) {
		return this.webhooks.createContentWebhook(serviceId, body.endpoint(), body.name(), body.url());
	}

	@PatchMapping("/webhooks/content/{webhookId}")
	ContentWebhook updateContentWebhook(@PathVariable String serviceId, @PathVariable Long webhookId,
			@Valid @RequestBody WebhookBody body) {
		return this.webhooks.updateContentWebhook(serviceId, webhookId, body.name(), body.url());
	}

	@DeleteMapping("/webhooks/content/{webhookId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteContentWebhook(@PathVariable String serviceId, @PathVariable Long webhookId) {
		this.webhooks.deleteContentWebhook(serviceId, webhookId);
	}

	@PostMapping("/webhooks/media")
	@ResponseStatus(HttpStatus.CREATED)
	MediaWebhook createMediaWebhook(@PathVariable String serviceId, @Valid @RequestBody WebhookBody body) {
		return this.webhooks.createMediaWebhook(serviceId, body.name(), body.url());
	}

	@PatchMapping("/webhooks/media/{webhookId}")
	MediaWebhook updateMediaWebhook(@PathVariable String serviceId, @PathVariable Long webhookId,
			@Valid @RequestBody WebhookBody body) {
		return this.webhooks.updateMediaWebhook(serviceId, webhookId, body.name(), body.url());
	}

	@DeleteMapping("/webhooks/media/{webhookId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteMediaWebhook(@PathVariable String serviceId, @PathVariable Long webhookId) {
		this.webhooks.deleteMediaWebhook(serviceId, webhookId);
	}

	private ApiView view(Api api) {
		return new ApiView(api.id, api.endpoint, api.name, api.type, api.description, api.groupRef,
				this.fieldRepository.findByApiRefOrderById(api.id)
					.stream()
					.map((field) -> new FieldSpec(field.fieldId, field.name, field.kind))
					.toList());
	}

	record ApiView(Long id, String endpoint, String name, ApiType type, String description, Long groupId,
			List<FieldSpec> fields) {
	}

	record NewApi(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,31}") String endpoint, @NotBlank String name,
			@NotNull ApiType type, @Valid List<FieldSpec> fields) {
	}

	record ApiChange(@NotBlank String name, Long groupId) {
	}

	record Description(@NotNull @Size(max = 2000) String description) {
	}

	record FieldChange(@NotBlank String name, @NotBlank @Pattern(
			regexp = "text|textArea|richEditor|number|boolean|date|select|media|relation") String kind) {
	}

	record StatusBody(@NotBlank String name, @Pattern(regexp = "#[0-9a-fA-F]{6}") String color) {
	}

	record Name(@NotBlank String name) {
	}

	record KeyBody(@NotBlank String name, Boolean write) {
	}

	record WebhookBody(@NotBlank String name, @NotBlank @URL String url) {
	}

	record ContentWebhookBody(@NotBlank String endpoint, @NotBlank String name, @NotBlank @URL String url) {
	}

}
