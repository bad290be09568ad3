package io.audittrail.capture;

import java.util.ArrayList;
import java.util.List;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import io.audittrail.annotation.Audited;
import io.audittrail.core.AuditConfigurationException;

/**
 * Compiles every {@code @Audited} method of the application's beans once they are
 * created, so that an unknown operation id or a broken expression stops the application
 * at start-up, with a message naming each bad method.
 */
final class AuditedMethodScanner implements SmartInitializingSingleton {

	private final ConfigurableListableBeanFactory beanFactory;

	private final AuditedMethods methods;

	AuditedMethodScanner(ConfigurableListableBeanFactory beanFactory, AuditedMethods methods) {
		this.beanFactory = beanFactory;
		this.methods = methods;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> problems = new ArrayList<>();
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = this.beanFactory.getType(name, false);
			if (type == null) {
				continue;
			}
			Class<?> userClass = ClassUtils.getUserClass(type);
			if (!AnnotationUtils.isCandidateClass(userClass, Audited.class)) {
				continue;
			}
			ReflectionUtils.doWithMethods(userClass, (method) -> {
				try {
					if (AuditedMethods.isAudited(method, userClass)) {
						this.methods.compile(method, userClass);
					}
				}
				catch (AuditConfigurationException ex) {
					if (!problems.contains(ex.getMessage())) {
						problems.add(ex.getMessage());
					}
				}
			}, (method) -> !AopUtils.isFinalizeMethod(method) && method.getDeclaringClass() != Object.class);
		}
		if (!problems.isEmpty()) {
			throw new AuditConfigurationException(String.join(System.lineSeparator(), problems));
		}
	}

}
