/**
 * Annotations that mark the operations an application records in its audit log. This
 * package has no dependencies, so domain and service modules can use it without the
 * starter.
 */
package io.audittrail.annotation;
