package io.audittrail.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * Excludes a public method of an {@link Audited} type from recording.
 */
@API(status = Status.STABLE, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotRecorded {

}
