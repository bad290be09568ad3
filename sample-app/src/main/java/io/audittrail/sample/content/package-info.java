/**
 * Content items: their states (draft, published, published and draft, closed),
 * reservations, creators, order and CSV transfers, edited in the admin screens or through
 * the Content and Management APIs.
 */
package io.audittrail.sample.content;
