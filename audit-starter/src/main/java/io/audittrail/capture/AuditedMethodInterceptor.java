package io.audittrail.capture;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The advice of the {@code @Audited} aspect: hands each call to the {@link AuditedCallRecorder}.
 */
final class AuditedMethodInterceptor implements MethodInterceptor {

	private final ResolvedOnce<AuditedCallRecorder> recorder;

	AuditedMethodInterceptor(ObjectProvider<AuditedCallRecorder> recorder) {
		this.recorder = new ResolvedOnce<>(recorder::getIfAvailable);
	}

	@Override
	public Object invoke(MethodInvocation invocation) throws Throwable {
		AuditedCallRecorder recorder = this.recorder.get();
		return (recorder != null) ? recorder.record(new Call(invocation)) : invocation.proceed();
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
