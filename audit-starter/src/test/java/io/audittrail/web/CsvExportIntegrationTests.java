package io.audittrail.web;

/**
 * What a reader gets from the CSV export.
 */
abstract class CsvExportIntegrationTests extends AuditWebTestSupport {

}
