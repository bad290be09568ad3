package io.audittrail.sample.content;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.audittrail.sample.security.ApiKeyAuthentication;
import io.audittrail.sample.service.Services;

/**
 * The Content API: content items of one API, reached with an API key. The body of a write
 * is the content's data; {@code ?status=draft} keeps it as a draft.
 */
@RestController
@RequestMapping("/api/v1/{endpoint}")
class ContentApiController {

	private final ContentOperations operations;

	private final Contents contents;

	private final ContentRepository repository;

	private final Services services;

	ContentApiController(ContentOperations operations, Contents contents, ContentRepository repository,
			Services services) {
		this.operations = operations;
		this.contents = contents;
		this.repository = repository;
		this.services = services;
	}

	@GetMapping
	Map<String, Object> list(@PathVariable String endpoint, ApiKeyAuthentication key) {
		var api = this.contents.api(this.services.require(key.serviceId()), endpoint);
		List<ContentView> items = this.repository.findByApiRefOrderBySortOrderAscIdAsc(api.id)
			.stream()
			.filter((content) -> content.status != ContentStatus.DRAFT && content.status != ContentStatus.CLOSED)
			.map((content) -> ContentView.of(content, this.operations))
			.toList();
		return Map.of("contents", items, "totalCount", items.size());
	}

	@GetMapping("/{contentId}")
	ContentView get(@PathVariable String endpoint, @PathVariable String contentId, ApiKeyAuthentication key) {
		return ContentView.of(this.operations.find(key.serviceId(), endpoint, contentId).content(), this.operations);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> create(@PathVariable String endpoint, @RequestBody Map<String, Object> data,
			@RequestParam(required = false) @Pattern(regexp = "draft") String status, ApiKeyAuthentication key) {
		return id(this.operations.create(key.serviceId(), endpoint, null, data, status != null, null));
	}

	@PutMapping("/{contentId}")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, String> createWithId(@PathVariable String endpoint,
			@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String contentId,
			@RequestBody Map<String, Object> data,
			@RequestParam(required = false) @Pattern(regexp = "draft") String status, ApiKeyAuthentication key) {
		return id(this.operations.create(key.serviceId(), endpoint, contentId, data, status != null, null));
	}

	@PatchMapping("/{contentId}")
	Map<String, String> update(@PathVariable String endpoint, @PathVariable String contentId,
			@RequestBody Map<String, Object> data,
			@RequestParam(required = false) @Pattern(regexp = "draft") String status, ApiKeyAuthentication key) {
		return id(this.operations.update(key.serviceId(), endpoint, contentId, data, status != null));
	}

	@DeleteMapping("/{contentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String endpoint, @PathVariable String contentId, ApiKeyAuthentication key) {
		this.operations.delete(key.serviceId(), endpoint, contentId);
	}

	private static Map<String, String> id(ContentChange change) {
		return Map.of("id", change.content().contentId);
	}

}
