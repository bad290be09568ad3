/**
 * What an application implements to adapt the audit log: who acts
 * ({@link io.audittrail.spi.ActorResolver}), in which tenant
 * ({@link io.audittrail.spi.TenantResolver}), from where
 * ({@link io.audittrail.spi.RequestOriginResolver}), in which trace
 * ({@link io.audittrail.spi.TraceContextResolver}), which fields are secret
 * ({@link io.audittrail.spi.SecretFields}), how long each tenant keeps its log
 * ({@link io.audittrail.spi.TenantRetentionPolicy}) and which entries may not be reverted
 * ({@link io.audittrail.spi.RevertGuard}). Declare a bean of one of these types to
 * replace the starter's default. The values they speak of live in
 * {@code io.audittrail.core}.
 */
package io.audittrail.spi;
