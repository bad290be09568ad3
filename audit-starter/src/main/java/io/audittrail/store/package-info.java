/**
 * The audit database: the one owner of the starter's tables and of every statement on
 * them (events, seals, chain heads and checkpoints, request statuses, job locks, column
 * preferences, the purge of Envers revisions), with one mapping of the event row, a
 * dialect for the databases' differences, the ports the other packages use, its
 * auto-configuration and the migrations shipped for H2 and PostgreSQL. Events are written
 * once; what is learnt about them later is appended.
 */
package io.audittrail.store;
