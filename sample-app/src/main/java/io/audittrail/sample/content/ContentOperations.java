package io.audittrail.sample.content;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.audittrail.annotation.Audited.Detail;
import io.audittrail.annotation.Audited;
import io.audittrail.sample.schema.Api;
import io.audittrail.sample.schema.CustomField;
import io.audittrail.sample.schema.CustomFieldRepository;
import io.audittrail.sample.service.CmsService;
import io.audittrail.sample.service.Services;
import io.audittrail.sample.web.ConflictException;
import io.audittrail.sample.web.InvalidInputException;

/**
 * Every change to content items: by members in the admin screens and by API keys through
 * the Content and Management APIs.
 */
@Service
@Transactional
public class ContentOperations {

	private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final SecureRandom random = new SecureRandom();

	private final Services services;

	private final Contents lookup;

	private final ContentRepository contents;

	private final CustomFieldRepository fields;

	private final CsvTransferRepository transfers;

	private final JsonMapper json;

	private final Clock clock;

	public ContentOperations(Services services, Contents lookup, ContentRepository contents,
			CustomFieldRepository fields, CsvTransferRepository transfers, JsonMapper json) {
		this.services = services;
		this.lookup = lookup;
		this.contents = contents;
		this.fields = fields;
		this.transfers = transfers;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Creates a content item, with the given id when there is one (Content API
	 * {@code PUT}).
	 */
	@Audited(value = "content.create", entityId = "#result?.content()?.contentId",
			entityName = "#result?.content()?.contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#result?.content()?.contentId"),
					@Detail(name = "custom_content_id", value = "#customId") })
	public ContentChange create(String serviceId, String endpoint, String customId, Map<String, Object> data,
			boolean draft, String createdBy) {
		CmsService service = this.services.require(serviceId);
		Api api = this.lookup.api(service, endpoint);
		if (customId != null && this.contents.findByApiRefAndContentId(api.id, customId).isPresent()) {
			throw new InvalidInputException("contentId", "a content item '" + customId + "' already exists");
		}
		Content content = new Content();
		content.serviceRef = service.id;
		content.apiRef = api.id;
		content.contentId = (customId != null) ? customId : newId();
		content.data = write(checked(api, data));
		content.status = draft ? ContentStatus.DRAFT : ContentStatus.PUBLISHED;
		content.publishedAt = draft ? null : this.clock.instant();
		content.createdBy = createdBy;
		content.sortOrder = nextSortOrder(api);
		return new ContentChange(api, this.contents.save(content));
	}

	/**
	 * Last in the API's list: one after the largest order, found without loading the
	 * API's contents.
	 */
	private int nextSortOrder(Api api) {
		Integer last = this.contents.findMaxSortOrder(api.id);
		return (last == null) ? 0 : (last == Integer.MAX_VALUE) ? last : last + 1;
	}

	/**
	 * Changes a content item's data. As a draft of published content, the change waits in
	 * the draft ("published and draft") until it is published.
	 */
	@Audited(value = "content.update", entityId = "#contentId", entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId") })
	public ContentChange update(String serviceId, String endpoint, String contentId, Map<String, Object> data,
			boolean asDraft) {
		ContentChange change = find(serviceId, endpoint, contentId);
		applyUpdate(change, data, asDraft);
		return change;
	}

	@Audited(value = "content.delete", entityId = "#contentId", entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId") })
	public ContentChange delete(String serviceId, String endpoint, String contentId) {
		ContentChange change = find(serviceId, endpoint, contentId);
		this.contents.delete(change.content());
		return change;
	}

	/** Discards the pending draft of published content. */
	@Audited(value = "content.delete_draft", entityId = "#contentId", entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId") })
	public ContentChange deleteDraft(String serviceId, String endpoint, String contentId) {
		ContentChange change = find(serviceId, endpoint, contentId);
		if (change.content().status != ContentStatus.PUBLISHED_AND_DRAFT) {
			throw new ConflictException("content '" + contentId + "' has no draft to delete");
		}
		discardDraft(change.content());
		return change;
	}

	/**
	 * Publishes a content item or makes it a draft again. Publishing published content
	 * that has a draft discards the draft, and is recorded as deleting the draft.
	 */
	@Audited(
			value = "#{#before?.name() == 'PUBLISHED_AND_DRAFT' and #status.name() == 'PUBLISH' ? 'content.delete_draft' : 'content.update'}",
			before = "@contents.statusOf(#serviceId, #endpoint, #contentId)", entityId = "#contentId",
			entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId") })
	public ContentChange changeStatus(String serviceId, String endpoint, String contentId, StatusChange status) {
		ContentChange change = find(serviceId, endpoint, contentId);
		Content content = change.content();
		switch (status) {
			case PUBLISH -> {
				switch (content.status) {
					case PUBLISHED -> throw new ConflictException("content '" + contentId + "' is already published");
					case PUBLISHED_AND_DRAFT -> discardDraft(content);
					case DRAFT, CLOSED -> {
						content.status = ContentStatus.PUBLISHED;
						content.publishedAt = (content.publishedAt != null) ? content.publishedAt
								: this.clock.instant();
					}
				}
			}
			case DRAFT -> {
				switch (content.status) {
					case DRAFT -> throw new ConflictException("content '" + contentId + "' is already a draft");
					case PUBLISHED_AND_DRAFT -> {
						content.data = content.draftData;
						content.draftData = null;
						content.status = ContentStatus.DRAFT;
					}
					case PUBLISHED, CLOSED -> content.status = ContentStatus.DRAFT;
				}
			}
		}
		return change;
	}

	/** Ends publication: the content stays, but is no longer served. */
	public ContentChange close(ContentChange change) {
		change.content().status = ContentStatus.CLOSED;
		change.content().draftData = null;
		return change;
	}

	/** Publishes a content item whatever its state, keeping its draft's changes. */
	public ContentChange publish(ContentChange change) {
		Content content = change.content();
		if (content.status == ContentStatus.PUBLISHED_AND_DRAFT) {
			content.data = content.draftData;
			content.draftData = null;
		}
		content.status = ContentStatus.PUBLISHED;
		content.publishedAt = (content.publishedAt != null) ? content.publishedAt : this.clock.instant();
		return change;
	}

	@Audited(value = "content.update_publication_date", entityId = "#contentId", entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId") })
	public ContentChange updatePublicationDate(String serviceId, String endpoint, String contentId,
			Instant publishedAt) {
		ContentChange change = find(serviceId, endpoint, contentId);
		change.content().publishedAt = publishedAt;
		return change;
	}

	/** Gives a content item a user-defined id. */
	@Audited(value = "content.update_id", entityId = "#newContentId", entityName = "#newContentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId"),
					@Detail(name = "custom_content_id", value = "#newContentId") })
	public ContentChange updateId(String serviceId, String endpoint, String contentId, String newContentId) {
		ContentChange change = find(serviceId, endpoint, contentId);
		if (this.contents.findByApiRefAndContentId(change.api().id, newContentId).isPresent()) {
			throw new InvalidInputException("contentId", "a content item '" + newContentId + "' already exists");
		}
		change.content().contentId = newContentId;
		return change;
	}

	/**
	 * Names another member as the creator (admin screen and Management API
	 * {@code createdBy}).
	 */
	@Audited(value = "content.update_creator", entityId = "#contentId", entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId"),
					@Detail(name = "new_creator", value = "#creator") })
	public ContentChange updateCreator(String serviceId, String endpoint, String contentId, String creator) {
		ContentChange change = find(serviceId, endpoint, contentId);
		change.content().createdBy = member(serviceId, creator);
		return change;
	}

	/** Issues a new draft key, so that old preview links stop working. */
	@Audited(value = "content.update_draft_key", entityId = "#contentId", entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId") })
	public ContentChange updateDraftKey(String serviceId, String endpoint, String contentId) {
		ContentChange change = find(serviceId, endpoint, contentId);
		change.content().draftKey = newId() + newId();
		return change;
	}

	@Audited(value = "content.update_order", entityId = "#contentId", entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId") })
	public ContentChange updateOrder(String serviceId, String endpoint, String contentId, int order) {
		ContentChange change = find(serviceId, endpoint, contentId);
		change.content().sortOrder = order;
		return change;
	}

	/**
	 * Sets when the content is published and unpublished by itself; either may be left
	 * out.
	 */
	@Audited(value = "content.update_reservation", entityId = "#contentId", entityName = "#contentId",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "content_id", value = "#contentId"),
					@Detail(name = "reservation_start", value = "#start"),
					@Detail(name = "reservation_stop", value = "#stop") })
	public ContentChange updateReservation(String serviceId, String endpoint, String contentId, Instant start,
			Instant stop) {
		if (start != null && stop != null && !stop.isAfter(start)) {
			throw new InvalidInputException("stop", "the stop time must be after the start time");
		}
		ContentChange change = find(serviceId, endpoint, contentId);
		change.content().reservationStart = start;
		change.content().reservationStop = stop;
		return change;
	}

	@Audited(value = "content.update_multiple_creators", forEach = "#result", entityId = "#item.content().contentId",
			entityName = "#item.content().contentId",
			details = { @Detail(name = "api_id", value = "#item.api().id"),
					@Detail(name = "api_name", value = "#item.api().name"),
					@Detail(name = "content_id", value = "#item.content().contentId"),
					@Detail(name = "new_creator", value = "#creator") })
	public List<ContentChange> updateCreators(String serviceId, String endpoint, List<String> contentIds,
			String creator) {
		String email = member(serviceId, creator);
		List<ContentChange> changes = findAll(serviceId, endpoint, contentIds);
		changes.forEach((change) -> change.content().createdBy = email);
		return changes;
	}

	@Audited(value = "content.update_multiple", forEach = "#result", entityId = "#item.content().contentId",
			entityName = "#item.content().contentId",
			details = { @Detail(name = "api_id", value = "#item.api().id"),
					@Detail(name = "api_name", value = "#item.api().name"),
					@Detail(name = "content_id", value = "#item.content().contentId") })
	public List<ContentChange> updateMultiple(String serviceId, String endpoint, List<String> contentIds,
			Map<String, Object> data) {
		List<ContentChange> changes = findAll(serviceId, endpoint, contentIds);
		changes.forEach((change) -> applyUpdate(change, data, false));
		return changes;
	}

	@Audited(value = "content.delete_multiple", forEach = "#result", entityId = "#item.content().contentId",
			entityName = "#item.content().contentId",
			details = { @Detail(name = "api_id", value = "#item.api().id"),
					@Detail(name = "api_name", value = "#item.api().name"),
					@Detail(name = "content_id", value = "#item.content().contentId") })
	public List<ContentChange> deleteMultiple(String serviceId, String endpoint, List<String> contentIds) {
		List<ContentChange> changes = findAll(serviceId, endpoint, contentIds);
		changes.forEach((change) -> this.contents.delete(change.content()));
		return changes;
	}

	/** Deletes every content item of an API; returns how many there were. */
	@Audited(value = "content.delete_all", entityId = "#result?.api()?.id", entityName = "#result?.api()?.name",
			entityType = "Api", details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name") })
	public Bulk deleteAll(String serviceId, String endpoint) {
		Api api = this.lookup.api(this.services.require(serviceId), endpoint);
		List<Content> all = this.contents.findByApiRefOrderBySortOrderAscIdAsc(api.id);
		this.contents.deleteAll(all);
		return new Bulk(api, all.size());
	}

	/**
	 * Imports content items from CSV: a header row {@code id,status,<field ids...>}, then
	 * one row per item; {@code status} is {@code PUBLISHED} or {@code DRAFT} (the
	 * default), an empty id gets a generated one.
	 */
	@Audited(value = "content.complete_csv_import", entityId = "#result?.api()?.id",
			entityName = "#result?.api()?.name", entityType = "Api",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name"),
					@Detail(name = "csv_import_published_count", value = "#result?.transfer()?.published"),
					@Detail(name = "csv_import_draft_count", value = "#result?.transfer()?.drafts"),
					@Detail(name = "csv_import_saved_at", value = "#result?.transfer()?.savedAt") })
	public CsvResult importCsv(String serviceId, String endpoint, String csv, String createdBy) {
		CmsService service = this.services.require(serviceId);
		Api api = this.lookup.api(service, endpoint);
		List<CSVRecord> records;
		List<String> header;
		try {
			var parser = CSVFormat.DEFAULT.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new StringReader(csv));
			header = parser.getHeaderNames();
			records = parser.getRecords();
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidInputException("csv", "the CSV cannot be read: " + ex.getMessage());
		}
		if (!header.contains("id") || !header.contains("status")) {
			throw new InvalidInputException("csv", "the CSV header must name the columns id and status");
		}
		int published = 0;
		int drafts = 0;
		for (CSVRecord record : records) {
			Map<String, Object> data = new LinkedHashMap<>();
			header.stream()
				.filter((column) -> !column.equals("id") && !column.equals("status"))
				.forEach((column) -> data.put(column, record.get(column)));
			String status = record.get("status").trim().toUpperCase();
			if (!status.isEmpty() && !status.equals("PUBLISHED") && !status.equals("DRAFT")) {
				throw new InvalidInputException("csv",
						"line " + record.getRecordNumber() + ": status must be PUBLISHED or DRAFT, not " + status);
			}
			boolean draft = !status.equals("PUBLISHED");
			String id = record.get("id").isBlank() ? null : record.get("id");
			if (id != null && this.contents.findByApiRefAndContentId(api.id, id).isPresent()) {
				throw new InvalidInputException("csv",
						"line " + record.getRecordNumber() + ": a content item '" + id + "' already exists");
			}
			Content content = new Content();
			content.serviceRef = service.id;
			content.apiRef = api.id;
			content.contentId = (id != null) ? id : newId();
			content.data = write(checked(api, data));
			content.status = draft ? ContentStatus.DRAFT : ContentStatus.PUBLISHED;
			content.publishedAt = draft ? null : this.clock.instant();
			content.createdBy = createdBy;
			this.contents.save(content);
			if (draft) {
				drafts++;
			}
			else {
				published++;
			}
		}
		return new CsvResult(api, transfer(service, api, "IMPORT", published, drafts), null);
	}

	/** Exports the published data of every content item of an API as CSV. */
	@Audited(value = "content.complete_csv_export", entityId = "#result?.api()?.id",
			entityName = "#result?.api()?.name", entityType = "Api",
			details = { @Detail(name = "api_id", value = "#result?.api()?.id"),
					@Detail(name = "api_name", value = "#result?.api()?.name") })
	public CsvResult exportCsv(String serviceId, String endpoint) {
		CmsService service = this.services.require(serviceId);
		Api api = this.lookup.api(service, endpoint);
		List<String> fieldIds = this.fields.findByApiRefOrderById(api.id).stream().map((f) -> f.fieldId).toList();
		List<String> header = new ArrayList<>(List.of("id", "status"));
		header.addAll(fieldIds);
		StringWriter out = new StringWriter();
		int published = 0;
		int drafts = 0;
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (Content content : this.contents.findByApiRefOrderBySortOrderAscIdAsc(api.id)) {
				Map<String, Object> data = read(content.data);
				List<Object> row = new ArrayList<>(List.of(content.contentId, content.status.name()));
				fieldIds.forEach((fieldId) -> row.add(data.get(fieldId)));
				printer.printRecord(row);
				if (content.status == ContentStatus.DRAFT) {
					drafts++;
				}
				else {
					published++;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new CsvResult(api, transfer(service, api, "EXPORT", published, drafts), out.toString());
	}

	/** Reads a content item's stored data. */
	public Map<String, Object> read(String data) {
		return (data != null) ? this.json.readValue(data, DATA) : Map.of();
	}

	public ContentChange find(String serviceId, String endpoint, String contentId) {
		Api api = this.lookup.api(this.services.require(serviceId), endpoint);
		return new ContentChange(api, this.lookup.require(api, contentId));
	}

	private List<ContentChange> findAll(String serviceId, String endpoint, List<String> contentIds) {
		Api api = this.lookup.api(this.services.require(serviceId), endpoint);
		return contentIds.stream()
			.distinct()
			.map((id) -> new ContentChange(api, this.lookup.require(api, id)))
			.toList();
	}

	private void applyUpdate(ContentChange change, Map<String, Object> data, boolean asDraft) {
		Content content = change.content();
		Map<String, Object> checked = checked(change.api(), data);
		boolean published = content.status == ContentStatus.PUBLISHED
				|| content.status == ContentStatus.PUBLISHED_AND_DRAFT;
		if (asDraft && published) {
			Map<String, Object> draft = new LinkedHashMap<>(
					read((content.draftData != null) ? content.draftData : content.data));
			draft.putAll(checked);
			content.draftData = write(draft);
			content.status = ContentStatus.PUBLISHED_AND_DRAFT;
		}
		else {
			Map<String, Object> merged = new LinkedHashMap<>(read(content.data));
			merged.putAll(checked);
			content.data = write(merged);
		}
	}

	private void discardDraft(Content content) {
		content.draftData = null;
		content.status = ContentStatus.PUBLISHED;
	}

	private CsvTransfer transfer(CmsService service, Api api, String direction, int published, int drafts) {
		CsvTransfer transfer = new CsvTransfer();
		transfer.serviceRef = service.id;
		transfer.apiRef = api.id;
		transfer.direction = direction;
		transfer.published = published;
		transfer.drafts = drafts;
		transfer.savedAt = this.clock.instant();
		return this.transfers.save(transfer);
	}

	private String member(String serviceId, String email) {
		if (!this.services.isMember(this.services.require(serviceId), email)) {
			throw new InvalidInputException("createdBy", email + " is not a member of the service");
		}
		return email;
	}

	private Map<String, Object> checked(Api api, Map<String, Object> data) {
		if (data == null) {
			throw new InvalidInputException("data", "must not be null");
		}
		Set<String> known = this.fields.findByApiRefOrderById(api.id)
			.stream()
			.map((CustomField field) -> field.fieldId)
			.collect(Collectors.toSet());
		for (String key : data.keySet()) {
			if (!known.contains(key)) {
				throw new InvalidInputException("data." + key,
						"the API '" + api.endpoint + "' has no field '" + key + "'");
			}
		}
		return data;
	}

	private String write(Map<String, Object> data) {
		return this.json.writeValueAsString(data);
	}

	private String newId() {
		StringBuilder id = new StringBuilder(12);
		for (int i = 0; i < 12; i++) {
			id.append(ID_CHARS.charAt(this.random.nextInt(ID_CHARS.length())));
		}
		return id.toString();
	}

	/**
	 * The result of deleting every content item of an API.
	 *
	 * @param api the API
	 * @param deleted how many items were deleted
	 */
	public record Bulk(Api api, int deleted) {

	}

	/**
	 * A completed CSV import or export.
	 *
	 * @param api the API
	 * @param transfer what was transferred
	 * @param csv the exported CSV, or {@code null} for an import
	 */
	public record CsvResult(Api api, CsvTransfer transfer, String csv) {

	}

}
