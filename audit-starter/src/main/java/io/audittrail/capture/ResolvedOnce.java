package io.audittrail.capture;

import java.util.function.Supplier;

import org.apiguardian.api.API.Status;
import org.apiguardian.api.API;

/**
 * A bean looked up on first use and kept once found. Looking a bean up through an
 * {@code ObjectProvider} resolves the dependency anew on every call, which costs more
 * than the work of an interceptor, revision listener or commit hook that runs in every
 * call or transaction.
 *
 * @param <T> the bean's type
 */
@API(status = Status.INTERNAL, since = "0.2")
public final class ResolvedOnce<T> implements Supplier<T> {

	private final Supplier<T> lookup;

	private volatile T value;

	/**
	 * @param lookup finds the bean, or returns {@code null} while there is none
	 */
	public ResolvedOnce(Supplier<T> lookup) {
		this.lookup = lookup;
	}

	/** The bean, or {@code null} if it cannot be found (yet). */
	@Override
	public T get() {
		T found = this.value;
		if (found == null) {
			found = this.lookup.get();
			this.value = found;
		}
		return found;
	}

}
