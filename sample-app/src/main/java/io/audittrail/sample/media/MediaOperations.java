package io.audittrail.sample.media;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.InvalidInputException;
import io.audittrail.sample.web.NotFoundException;

/**
 * Adds, changes and deletes media and media tags.
 */
@Service
@Transactional
public class MediaOperations {

	private final Services services;

	private final MediaRepository media;

	private final MediaTagRepository tags;

	public MediaOperations(Services services, MediaRepository media, MediaTagRepository tags) {
		this.services = services;
		this.media = media;
		this.tags = tags;
	}

	/**
	 * Stores an uploaded file's description; the file is served from the returned URL.
	 */
	@Audited(value = "media.add", entityId = "#result?.id", entityName = "#filename",
			details = { @Detail(name = "media_id", value = "#result?.id"),
					@Detail(name = "media_name", value = "#filename"), @Detail(name = "media_alt", value = "#alt") })
	public Media add(String serviceId, String filename, String contentType, long size, String alt, String createdBy) {
		CmsService service = this.services.require(serviceId);
		Media item = new Media();
		item.serviceRef = service.id;
		item.name = filename;
		item.contentType = contentType;
		item.size = size;
		item.alt = alt;
		item.createdBy = createdBy;
		this.media.save(item);
		item.url = "https://media.example.test/" + service.serviceId + "/" + item.id + "/" + filename;
		return item;
	}

	@Audited(value = "media.update", entityId = "#mediaId", entityName = "#result?.name",
			details = { @Detail(name = "media_id", value = "#mediaId"),
					@Detail(name = "media_name", value = "#result?.name"),
					@Detail(name = "media_alt", value = "#alt") })
	public Media update(String serviceId, Long mediaId, String alt) {
		Media item = find(serviceId, mediaId);
		item.alt = alt;
		return item;
	}

	@Audited(value = "media.delete", entityId = "#mediaId", entityName = "#result?.name", details = {
			@Detail(name = "media_id", value = "#mediaId"), @Detail(name = "media_name", value = "#result?.name") })
	public Media delete(String serviceId, Long mediaId) {
		Media item = find(serviceId, mediaId);
		this.media.delete(item);
		return item;
	}

	/** Deletes the media item served from the given URL (Management API). */
	@Audited(value = "media.delete", entityId = "#result?.id", entityName = "#result?.name", details = {
			@Detail(name = "media_id", value = "#result?.id"), @Detail(name = "media_name", value = "#result?.name") })
	public Media deleteByUrl(String serviceId, String url) {
		Media item = this.media.findByUrlAndServiceRef(url, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Media", url));
		this.media.delete(item);
		return item;
	}

	@Audited(value = "media.update_name", entityId = "#mediaId", entityName = "#name",
			details = { @Detail(name = "media_id", value = "#mediaId"), @Detail(name = "media_name", value = "#name") })
	public Media rename(String serviceId, Long mediaId, String name) {
		Media item = find(serviceId, mediaId);
		item.name = name;
		return item;
	}

	@Audited(value = "media.update_tags", entityId = "#mediaId", entityName = "#result?.media()?.name",
			details = { @Detail(name = "media_id", value = "#mediaId"),
					@Detail(name = "media_name", value = "#result?.media()?.name"),
					@Detail(name = "media_tag_id", value = "#result?.tags()?.![id]"),
					@Detail(name = "media_tag_name", value = "#result?.tags()?.![name]") })
	public MediaChange updateTags(String serviceId, Long mediaId, List<Long> tagIds) {
		Media item = find(serviceId, mediaId);
		List<MediaTag> found = tagIds.stream()
			.distinct()
			.map((tagId) -> this.tags.findByIdAndServiceRef(tagId, item.serviceRef)
				.orElseThrow(() -> new InvalidInputException("tagIds", "the service has no media tag " + tagId)))
			.toList();
		item.tags = found.stream().map((tag) -> String.valueOf(tag.id)).collect(Collectors.joining(","));
		return new MediaChange(item, found);
	}

	@Audited(value = "media.update_creator", entityId = "#mediaId", entityName = "#result?.name",
			details = { @Detail(name = "media_id", value = "#mediaId"),
					@Detail(name = "media_name", value = "#result?.name"),
					@Detail(name = "new_creator", value = "#creator") })
	public Media updateCreator(String serviceId, Long mediaId, String creator) {
		Media item = find(serviceId, mediaId);
		item.createdBy = member(serviceId, creator);
		return item;
	}

	@Audited(value = "media.update_multiple_creators", forEach = "#result", entityId = "#item.id",
			entityName = "#item.name",
			details = { @Detail(name = "media_id", value = "#item.id"),
					@Detail(name = "media_name", value = "#item.name"),
					@Detail(name = "new_creator", value = "#creator") })
	public List<Media> updateCreators(String serviceId, List<Long> mediaIds, String creator) {
		String email = member(serviceId, creator);
		List<Media> items = mediaIds.stream().distinct().map((mediaId) -> find(serviceId, mediaId)).toList();
		items.forEach((item) -> item.createdBy = email);
		return items;
	}

	@Audited(value = "media_tag.create", entityId = "#result?.id", entityName = "#name", details = {
			@Detail(name = "media_tag_id", value = "#result?.id"), @Detail(name = "media_tag_name", value = "#name") })
	public MediaTag createTag(String serviceId, String name) {
		MediaTag tag = new MediaTag();
		tag.serviceRef = this.services.require(serviceId).id;
		tag.name = name;
		return this.tags.save(tag);
	}

	@Audited(value = "media_tag.update", entityId = "#tagId", entityName = "#name", details = {
			@Detail(name = "media_tag_id", value = "#tagId"), @Detail(name = "media_tag_name", value = "#name") })
	public MediaTag updateTag(String serviceId, Long tagId, String name) {
		MediaTag tag = tag(serviceId, tagId);
		tag.name = name;
		return tag;
	}

	/** Deletes a tag and takes it off every media item that carries it. */
	@Audited(value = "media_tag.delete", entityId = "#tagId", entityName = "#result?.name",
			details = { @Detail(name = "media_tag_id", value = "#tagId"),
					@Detail(name = "media_tag_name", value = "#result?.name") })
	public MediaTag deleteTag(String serviceId, Long tagId) {
		MediaTag tag = tag(serviceId, tagId);
		String id = String.valueOf(tagId);
		for (Media item : this.media.findByServiceRefOrderById(tag.serviceRef)) {
			if (item.tags != null && Arrays.asList(item.tags.split(",")).contains(id)) {
				item.tags = Arrays.stream(item.tags.split(","))
					.filter((t) -> !t.equals(id))
					.collect(Collectors.joining(","));
			}
		}
		this.tags.delete(tag);
		return tag;
	}

	private Media find(String serviceId, Long mediaId) {
		return this.media.findByIdAndServiceRef(mediaId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Media", mediaId));
	}

	private MediaTag tag(String serviceId, Long tagId) {
		return this.tags.findByIdAndServiceRef(tagId, this.services.require(serviceId).id)
			.orElseThrow(() -> new NotFoundException("Media tag", tagId));
	}

	private String member(String serviceId, String email) {
		if (!this.services.isMember(this.services.require(serviceId), email)) {
			throw new InvalidInputException("createdBy", email + " is not a member of the service");
		}
		return email;
	}

}
