/**
 * Mistakes an application makes when it adopts the starter, each of which must stop its
 * start-up with a message that names the fix.
 */
package io.audittrail.adoption.mistakes;
