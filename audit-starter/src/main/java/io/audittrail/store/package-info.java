/**
 * Persistence of the audit log: the JDBC event store and the schema migrations shipped for H2 and
 * PostgreSQL.
 */
package io.audittrail.store;
