package io.audittrail.sample.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

import io.audittrail.sample.service.Services;

/**
 * Content items as members edit them in the admin screens.
 */
@RestController
@RequestMapping("/api/v1/services/{serviceId}/contents/{endpoint}")
@PreAuthorize("hasAuthority('editContents')")
class ContentController {

	private static final String CONTENT_ID = "[A-Za-z0-9_-]{1,64}";

	private final ContentOperations operations;

	private final Contents contents;

	private final ContentRepository repository;

	private final Services services;

	ContentController(ContentOperations operations, Contents contents, ContentRepository repository,
			Services services) {
		this.operations = operations;
		this.contents = contents;
		this.repository = repository;
		this.services = services;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('member')")
	List<ContentView> list(@PathVariable String serviceId, @PathVariable String endpoint) {
		var api = this.contents.api(this.services.require(serviceId), endpoint);
		return this.repository.findByApiRefOrderBySortOrderAscIdAsc(api.id)
			.stream()
			.map((content) -> ContentView.of(content, this.operations))
			.toList();
	}

	@GetMapping("/{contentId}")
	@PreAuthorize("hasAuthority('member')")
	ContentView get(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String contentId) {
		return ContentView.of(this.operations.find(serviceId, endpoint, contentId).content(), this.operations);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ContentView create(@PathVariable String serviceId, @PathVariable String endpoint,
			@Valid @RequestBody NewContent body, Authentication member) {
		return view(this.operations.create(serviceId, endpoint, body.contentId(), body.data(),
				!Boolean.TRUE.equals(body.publish()), member.getName()));
	}

	@PatchMapping("/{contentId}")
	ContentView update(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String contentId,
			@Valid @RequestBody ContentData body) {
		return view(this.operations.update(serviceId, endpoint, contentId, body.data(),
				Boolean.TRUE.equals(body.asDraft())));
	}

	@DeleteMapping("/{contentId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String contentId) {
		this.operations.delete(serviceId, endpoint, contentId);
	}

	@DeleteMapping("/{contentId}/draft")
	ContentView deleteDraft(@PathVariable String serviceId, @PathVariable String endpoint,
			@PathVariable String contentId) {
		return view(this.operations.deleteDraft(serviceId, endpoint, contentId));
	}

	@PutMapping("/{contentId}/status")
	ContentView status(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String contentId,
			@Valid @RequestBody Status body) {
		return view(this.operations.changeStatus(serviceId, endpoint, contentId, body.status()));
	}

	@PutMapping("/{contentId}/published-at")
	ContentView publishedAt(@PathVariable String serviceId, @PathVariable String endpoint,
			@PathVariable String contentId, @Valid @RequestBody PublishedAt body) {
		return view(this.operations.updatePublicationDate(serviceId, endpoint, contentId, body.publishedAt()));
	}

	@PutMapping("/{contentId}/id")
	ContentView updateId(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String contentId,
			@Valid @RequestBody NewId body) {
		return view(this.operations.updateId(serviceId, endpoint, contentId, body.contentId()));
	}

	@PutMapping("/{contentId}/creator")
	ContentView creator(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String contentId,
			@Valid @RequestBody Creator body) {
		return view(this.operations.updateCreator(serviceId, endpoint, contentId, body.createdBy()));
	}

	@PostMapping("/{contentId}/draft-key")
	ContentView draftKey(@PathVariable String serviceId, @PathVariable String endpoint,
			@PathVariable String contentId) {
		return view(this.operations.updateDraftKey(serviceId, endpoint, contentId));
	}

	@PutMapping("/{contentId}/order")
	ContentView order(@PathVariable String serviceId, @PathVariable String endpoint, @PathVariable String contentId,
			@Valid @RequestBody Order body) {
		return view(this.operations.updateOrder(serviceId, endpoint, contentId, body.order()));
	}

	@PutMapping("/{contentId}/reservation")
	ContentView reservation(@PathVariable String serviceId, @PathVariable String endpoint,
			@PathVariable String contentId, @Valid @RequestBody Reservation body) {
		return view(this.operations.updateReservation(serviceId, endpoint, contentId, body.start(), body.stop()));
	}

	@PatchMapping("/bulk/creator")
	List<ContentView> creators(@PathVariable String serviceId, @PathVariable String endpoint,
			@Valid @RequestBody BulkCreator body) {
		return this.operations.updateCreators(serviceId, endpoint, body.contentIds(), body.createdBy())
			.stream()
			.map(this::view)
			.toList();
	}

	@PatchMapping("/bulk")
	List<ContentView> updateMultiple(@PathVariable String serviceId, @PathVariable String endpoint,
			@Valid @RequestBody BulkData body) {
		return this.operations.updateMultiple(serviceId, endpoint, body.contentIds(), body.data())
			.stream()
			.map(this::view)
			.toList();
	}

	@PostMapping("/bulk/delete")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteMultiple(@PathVariable String serviceId, @PathVariable String endpoint, @Valid @RequestBody Ids body) {
		this.operations.deleteMultiple(serviceId, endpoint, body.contentIds());
	}

	@DeleteMapping
	Map<String, Integer> deleteAll(@PathVariable String serviceId, @PathVariable String endpoint) {
		return Map.of("deleted", this.operations.deleteAll(serviceId, endpoint).deleted());
	}

	@PostMapping(path = "/csv-import", consumes = "text/csv")
	Map<String, Object> importCsv(@PathVariable String serviceId, @PathVariable String endpoint,
			@RequestBody String csv, Authentication member) {
		CsvTransfer transfer = this.operations.importCsv(serviceId, endpoint, csv, member.getName()).transfer();
		return Map.of("published", transfer.published, "drafts", transfer.drafts, "savedAt", transfer.savedAt);
	}

	@PostMapping(path = "/csv-export", produces = "text/csv")
	String exportCsv(@PathVariable String serviceId, @PathVariable String endpoint) {
		return this.operations.exportCsv(serviceId, endpoint).csv();
	}

	private ContentView view(ContentChange change) {
		return ContentView.of(change.content(), this.operations);
	}

	record NewContent(@Pattern(regexp = CONTENT_ID) String contentId, @NotNull Map<String, Object> data,
			Boolean publish) {
	}

	record ContentData(@NotNull Map<String, Object> data, Boolean asDraft) {
	}

	record Status(@NotNull StatusChange status) {
	}

	record PublishedAt(@NotNull Instant publishedAt) {
	}

	record NewId(@NotBlank @Pattern(regexp = CONTENT_ID) String contentId) {
	}

	record Creator(@NotBlank String createdBy) {
	}

	record Order(@NotNull Integer order) {
	}

	record Reservation(Instant start, Instant stop) {
	}

	record BulkCreator(@NotEmpty List<String> contentIds, @NotBlank String createdBy) {
	}

	record BulkData(@NotEmpty List<String> contentIds, @NotNull Map<String, Object> data) {
	}

	record Ids(@NotEmpty List<String> contentIds) {
	}

}
