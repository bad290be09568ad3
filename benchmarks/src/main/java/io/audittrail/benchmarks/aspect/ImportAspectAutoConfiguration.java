package io.audittrail.benchmarks.aspect;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports the auto-configurations {@link AspectApplication} runs on, as listed in
 * {@code META-INF/spring/io.audittrail.benchmarks.aspect.ImportAspectAutoConfiguration.imports}
 * (the starter's are package-private, so they are named there).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportAutoConfiguration
@interface ImportAspectAutoConfiguration {

}
