/**
 * Support shared by the tests of the starter and of the sample app.
 */
package io.audittrail.testsupport;
