package io.audittrail.capture;

import java.lang.reflect.Method;

/**
 * One call of a method that may be audited, as an aspect or a test sees it.
 */
interface AuditedCall {

	/** The called method, as declared. */
	Method method();

	/** The class of the called object. */
	Class<?> targetClass();

	/** The call's arguments. */
	Object[] arguments();

	/** Performs the call. */
	Object proceed() throws Throwable;

}
