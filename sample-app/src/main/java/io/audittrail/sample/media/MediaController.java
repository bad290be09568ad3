package io.audittrail.sample.media;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.audittrail.sample.service.Services;

/**
 * Media and media tags of a service, as members manage them.
 */
@RestController
@RequestMapping("/api/v1/services/{serviceId}")
@PreAuthorize("hasAuthority('editContents')")
class MediaController {

	private final MediaOperations operations;

	private final MediaRepository media;

	private final Services services;

	MediaController(MediaOperations operations, MediaRepository media, Services services) {
		this.operations = operations;
		this.media = media;
		this.services = services;
	}

	@GetMapping("/media")
	@PreAuthorize("hasAuthority('member')")
	List<Media> list(@PathVariable String serviceId) {
		return this.media.findByServiceRefOrderById(this.services.require(serviceId).id);
	}

	@PostMapping(path = "/media", consumes = "multipart/form-data")
	@ResponseStatus(HttpStatus.CREATED)
	Media add(@PathVariable String serviceId, @RequestPart MultipartFile file,
			@RequestParam(required = false) String alt, Authentication member) {
		return this.operations.add(serviceId, MediaUploads.filename(file), file.getContentType(), file.getSize(), alt,
				member.getName());
	}

	@PatchMapping("/media/{mediaId}")
	Media update(@PathVariable String serviceId, @PathVariable Long mediaId, @Valid @RequestBody Alt body) {
		return this.operations.update(serviceId, mediaId, body.alt());
	}

	@DeleteMapping("/media/{mediaId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String serviceId, @PathVariable Long mediaId) {
		this.operations.delete(serviceId, mediaId);
	}

	@PutMapping("/media/{mediaId}/name")
	Media rename(@PathVariable String serviceId, @PathVariable Long mediaId, @Valid @RequestBody Name body) {
		return this.operations.rename(serviceId, mediaId, body.name());
	}

	@PutMapping("/media/{mediaId}/tags")
	Media tags(@PathVariable String serviceId, @PathVariable Long mediaId, @Valid @RequestBody Tags body) {
		return this.operations.updateTags(serviceId, mediaId, body.tagIds()).media();
	}

	@PutMapping("/media/{mediaId}/creator")
	Media creator(@PathVariable String serviceId, @PathVariable Long mediaId, @Valid @RequestBody Creator body) {
		return this.operations.updateCreator(serviceId, mediaId, body.createdBy());
	}

	@PatchMapping("/media/bulk/creator")
	List<Media> creators(@PathVariable String serviceId, @Valid @RequestBody BulkCreator body) {
		return this.operations.updateCreators(serviceId, body.mediaIds(), body.createdBy());
	}

	@PostMapping("/media-tags")
	@ResponseStatus(HttpStatus.CREATED)
	MediaTag createTag(@PathVariable String serviceId, @Valid @RequestBody Name body) {
		return this.operations.createTag(serviceId, body.name());
	}

	@PatchMapping("/media-tags/{tagId}")
	MediaTag updateTag(@PathVariable String serviceId, @PathVariable Long tagId, @Valid @RequestBody Name body) {
		return this.operations.updateTag(serviceId, tagId, body.name());
	}

	@DeleteMapping("/media-tags/{tagId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteTag(@PathVariable String serviceId, @PathVariable Long tagId) {
		this.operations.deleteTag(serviceId, tagId);
	}

	record Alt(@NotNull String alt) {
	}

	record Name(@NotBlank String name) {
	}

	record Tags(@NotNull List<Long> tagIds) {
	}

	record Creator(@NotBlank String createdBy) {
	}

	record BulkCreator(@NotEmpty List<Long> mediaIds, @NotBlank String createdBy) {
	}

}
