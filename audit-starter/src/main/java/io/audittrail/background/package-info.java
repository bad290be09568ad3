/**
 * Running the starter's recurring work (sealing, retention) on threads of its own.
 */
package io.audittrail.background;
