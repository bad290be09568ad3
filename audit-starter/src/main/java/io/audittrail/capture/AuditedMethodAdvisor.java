package io.audittrail.capture;

import java.lang.reflect.Method;

import org.aopalliance.aop.Advice;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The {@code @Audited} aspect: matches audited methods and hands their calls to the
 * {@link AuditedCallRecorder}. It runs inside the method's transaction (its order is the
 * lowest precedence, after Spring's transaction advisor), so that an event commits with
 * the change; a call that no transaction surrounds gets one of its own.
 */
final class AuditedMethodAdvisor extends AbstractPointcutAdvisor {

	private final Pointcut pointcut = new StaticMethodMatcherPointcut() {

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return AuditedMethods.isAudited(method, targetClass);
		}

	};

	private final Advice advice;

	/**
	 * @param recorder records the calls
	 * @param transactionManager runs calls that no transaction surrounds in a transaction
	 * of their own
	 */
	AuditedMethodAdvisor(ObjectProvider<AuditedCallRecorder> recorder,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		this.advice = new AuditedMethodInterceptor(recorder, transactionManager);
		setOrder(Ordered.LOWEST_PRECEDENCE);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.advice;
	}

}
