package io.audittrail.sample.content;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.audittrail.sample.media.Media;
import io.audittrail.sample.media.MediaOperations;
import io.audittrail.sample.media.MediaUploads;
import io.audittrail.sample.security.ApiKeyAuthentication;

/**
 * The Management API: content status and creator, and media, reached with an API key.
 */
@RestController
class ManagementApiController {

	private final ContentOperations contents;

	private final MediaOperations media;

	ManagementApiController(ContentOperations contents, MediaOperations media) {
		this.contents = contents;
		this.media = media;
	}

	/**
	 * Publishes content or makes it a draft. Recorded as a content update, except
	 * publishing "published and draft" content, which discards the draft and is recorded
	 * as deleting it.
	 */
	@PatchMapping("/management/api/v1/contents/{endpoint}/{contentId}/status")
	Map<String, Object> status(@PathVariable String endpoint, @PathVariable String contentId,
			@Valid @RequestBody Status body, ApiKeyAuthentication key) {
		ContentChange change = this.contents.changeStatus(key.serviceId(), endpoint, contentId, body.status());
		return Map.of("id", contentId, "status", change.content().status);
	}

	@PatchMapping("/management/api/v1/contents/{endpoint}/{contentId}/createdBy")
	Map<String, Object> createdBy(@PathVariable String endpoint, @PathVariable String contentId,
			@Valid @RequestBody CreatedBy body, ApiKeyAuthentication key) {
		this.contents.updateCreator(key.serviceId(), endpoint, contentId, body.createdBy());
		return Map.of("id", contentId, "createdBy", body.createdBy());
	}

	@PostMapping(path = "/management/api/v1/media", consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> addMedia(@RequestPart MultipartFile file, @RequestParam(required = false) String alt,
			ApiKeyAuthentication key) {
		Media added = this.media.add(key.serviceId(), MediaUploads.filename(file), file.getContentType(),
				file.getSize(), alt, null);
		return Map.of("id", added.id, "url", added.url);
	}

	@DeleteMapping("/management/api/v2/media")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteMedia(@Valid @RequestBody MediaUrl body, ApiKeyAuthentication key) {
		this.media.deleteByUrl(key.serviceId(), body.url());
	}

	record Status(@NotNull StatusChange status) {
	}

	record CreatedBy(@NotBlank String createdBy) {
	}

	record MediaUrl(@NotBlank String url) {
	}

}
