/**
 * Service-wide settings: environments, plan and payment, Amazon S3 integration and AI
 * features.
 */
package io.audittrail.sample.settings;
