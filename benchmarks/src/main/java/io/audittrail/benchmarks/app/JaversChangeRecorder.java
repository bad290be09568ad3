package io.audittrail.benchmarks.app;

import org.javers.core.Javers;

/**
 * Commits changes to JaVers after the save, in the same transaction, as JaVers' Spring
 * auditable aspect does for an auditable repository.
 */
final class JaversChangeRecorder implements ChangeRecorder {

	private static final String AUTHOR = "system";

	private final Javers javers;

	JaversChangeRecorder(Javers javers) {
		this.javers = javers;
	}

	@Override
	public void saved(Object root) {
		this.javers.commit(AUTHOR, root);
	}

	@Override
	public void deleted(Object root) {
		this.javers.commitShallowDelete(AUTHOR, root);
	}

}
