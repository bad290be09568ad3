/**
 * Media (uploaded files) and media tags.
 */
package io.audittrail.sample.media;
