package io.audittrail.capture;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.expression.BeanResolver;

import io.audittrail.annotation.Audited;
import io.audittrail.annotation.NotRecorded;
import io.audittrail.catalog.OperationCatalog;
import io.audittrail.core.AuditConfigurationException;

/**
 * Finds the {@code @Audited} annotation that applies to a method and keeps its compiled
 * plan. Thread-safe; each method is compiled once.
 */
final class AuditedMethods {

	private static final String TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";

	private final AuditedMethodCompiler compiler;

	private final Map<MethodClassKey, Optional<AuditedMethod>> plans = new ConcurrentHashMap<>();

	/**
	 * @param catalog the catalog operation ids are checked against
	 * @param classLoader the class loader of compiled expressions
	 * @param beans resolves {@code @beanName} references in expressions; may be
	 * {@code null}
	 */
	AuditedMethods(OperationCatalog catalog, ClassLoader classLoader, BeanResolver beans) {
		this.compiler = new AuditedMethodCompiler(catalog, classLoader, beans);
	}

	/** Whether calls of the method on the target class are recorded. */
	public static boolean isAudited(Method method, Class<?> targetClass) {
		return annotation(method, targetClass) != null;
	}

	/**
	 * Compiles the plan of the method on the target class, if it is audited.
	 * @throws AuditConfigurationException if its annotation is invalid
	 */
	public boolean compile(Method method, Class<?> targetClass) {
		return find(method, targetClass).isPresent();
	}

	Optional<AuditedMethod> find(Method method, Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		Optional<AuditedMethod> plan = this.plans.get(key);
		if (plan == null) {
			plan = this.plans.computeIfAbsent(key, (k) -> {
				Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
				Audited audited = annotation(method, targetClass);
				return Optional.ofNullable(audited).map((a) -> this.compiler.compile(specific, targetClass, a));
			});
		}
		return plan;
	}

	private static Audited annotation(Method method, Class<?> targetClass) {
		Method specific = (targetClass != null) ? AopUtils.getMostSpecificMethod(method, targetClass) : method;
		Audited onMethod = AnnotatedElementUtils.findMergedAnnotation(specific, Audited.class);
		if (onMethod != null) {
			return onMethod;
		}
		if (specific.getDeclaringClass() == Object.class || !Modifier.isPublic(specific.getModifiers())
				|| specific.isSynthetic() || AnnotatedElementUtils.hasAnnotation(specific, NotRecorded.class)
				|| isReadOnly(specific)) {
			return null;
		}
		Class<?> type = (targetClass != null) ? targetClass : specific.getDeclaringClass();
		return AnnotatedElementUtils.findMergedAnnotation(type, Audited.class);
	}

	private static boolean isReadOnly(Method method) {
		AnnotationAttributes transactional = AnnotatedElementUtils.findMergedAnnotationAttributes(method, TRANSACTIONAL,
				false, false);
		return transactional != null && transactional.getBoolean("readOnly");
	}

}
