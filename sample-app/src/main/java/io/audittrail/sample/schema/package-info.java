/**
 * The shape of a service's contents: APIs, API groups, custom fields and statuses, and
 * the API keys and webhooks that reach them.
 */
package io.audittrail.sample.schema;
