package io.audittrail.sample.content;

import io.audittrail.sample.schema.Api;

/**
 * A content item and its API, as returned by content operations.
 *
 * @param api the API the content belongs to
 * @param content the content item
 */
public record ContentChange(Api api, Content content) {

}
