package io.audittrail.capture;

/**
 * Arranges for pending events to be written at the last moment before the current
 * transaction commits, after the persistence provider has flushed and written its own
 * audit rows (such as Envers' revision), so that events can reference them.
 */
@FunctionalInterface
interface CommitHook {

	/**
	 * Registers the action to run just before the current transaction commits.
	 * @return {@code false} if the current transaction offers no such moment; the writer
	 * then writes in Spring's {@code beforeCommit}
	 */
	boolean register(Runnable action);

}
