/**
 * What every endpoint of the CMS shares: the errors it answers with.
 */
package io.audittrail.sample.web;
