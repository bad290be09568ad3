package io.audittrail.benchmarks.app;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Counts the JDBC calls that go to the database (statement executions, batches, commits
 * and rollbacks) through a data source, to tell how many round trips a transaction costs.
 */
public final class JdbcRoundTrips {

	private static final Set<String> ROUND_TRIPS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "executeBatch", "executeLargeBatch", "commit", "rollback");

	private final LongAdder count = new LongAdder();

	/** The round trips counted since the last {@link #reset()}. */
	public long count() {
		return this.count.sum();
	}

	public void reset() {
		this.count.reset();
	}

	DataSource wrap(DataSource dataSource) {
		return proxy(DataSource.class, dataSource);
	}

	private <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler));
	}

	private Object invoke(Object target, Method method, Object[] args) throws Throwable {
		if (ROUND_TRIPS.contains(method.getName())) {
			this.count.increment();
		}
		Object result;
		try {
			result = method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
		Class<?> returned = method.getReturnType();
		if (result != null && returned.isInterface()
				&& (returned == Connection.class || Statement.class.isAssignableFrom(returned))) {
			return proxyAs(returned, result);
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private <T> T proxyAs(Class<T> type, Object target) {
		return proxy(type, (T) target);
	}

}
