package io.audittrail.integrity;

import org.springframework.beans.factory.BeanFactory;

/**
 * Seals the committed events of a running application on demand, as its sealing schedule
 * would on its next run, for tests outside this package.
 */
public final class ChainSealing {

	/** The type of the sealer bean an application with chains holds. */
	public static final Class<?> SEALER = ChainSealer.class;

	private final ChainSealer sealer;

	private ChainSealing(ChainSealer sealer) {
		this.sealer = sealer;
	}

	/** The sealing of the application whose beans are given. */
	public static ChainSealing of(BeanFactory beans) {
		return new ChainSealing(beans.getBean(ChainSealer.class));
	}

	/** Seals every committed event not yet sealed and returns how many were sealed. */
	public int seal() {
		return this.sealer.seal();
	}

}
