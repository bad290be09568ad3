package io.audittrail.capture;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * The advice of the {@code @Audited} aspect: hands each call to the
 * {@link AuditedCallRecorder}, in a transaction of its own when none surrounds it.
 */
final class AuditedMethodInterceptor implements MethodInterceptor {

	private final SingletonSupplier<AuditedCallRecorder> recorder;

	private final AuditedCallTransaction transaction;

	AuditedMethodInterceptor(ObjectProvider<AuditedCallRecorder> recorder,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		this.recorder = SingletonSupplier.of(recorder::getIfAvailable);
		this.transaction = new AuditedCallTransaction(transactionManager::getIfUnique);
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		AuditedCallRecorder recorder = this.recorder.get();
		if (recorder == null) {
			return invocation.proceed();
		}
		Call call = new Call(invocation);
		return this.transaction.run(() -> recorder.record(call));
	}

	private record Call(MethodInvocation invocation) implements AuditedCall {

		@Override
		public Method method() {
			return this.invocation.getMethod();
		}

		@Override
		public Class<?> targetClass() {
			Object target = this.invocation.getThis();
			return (target != null) ? AopUtils.getTargetClass(target) : this.invocation.getMethod().getDeclaringClass();
		}

		@Override
		public Object[] arguments() {
			return this.invocation.getArguments();
		}

		@Override
		public Object proceed() throws Throwable {
			return this.invocation.proceed();
		}

	}

}
