package io.audittrail.sample.content;

import java.time.Instant;
import java.util.Map;

/**
 * A content item as the APIs show it.
 *
 * @param id the content id
 * @param status its publication state
 * @param createdBy the email of the member shown as its creator, if any
 * @param publishedAt when it was first published
 * @param sortOrder its place in the API's list
 * @param reservationStart when it will be published by itself
 * @param reservationStop when it will be unpublished by itself
 * @param data its published data, or its only data while it is a draft
 * @param draft the pending draft of published content, or {@code null}
 */
public record ContentView(String id, ContentStatus status, String createdBy, Instant publishedAt, int sortOrder,
		Instant reservationStart, Instant reservationStop, Map<String, Object> data, Map<String, Object> draft) {

	static ContentView of(Content content, ContentOperations operations) {
		return new ContentView(content.contentId, content.status, content.createdBy, content.publishedAt,
				content.sortOrder, content.reservationStart, content.reservationStop, operations.read(content.data),
				(content.draftData != null) ? operations.read(content.draftData) : null);
	}

}
