package io.audittrail.capture;

import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Synchronization;
import org.hibernate.Session;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.function.SingletonSupplier;

/**
 * Runs the event writer as a Hibernate transaction synchronization: Hibernate calls it
 * after it has flushed and Envers has written the revision, and before the database
 * commit.
 */
final class HibernateCommitHook implements CommitHook {

	private final SingletonSupplier<EntityManagerFactory> entityManagerFactory;

	HibernateCommitHook(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
		this.entityManagerFactory = SingletonSupplier.of(entityManagerFactory::getIfUnique);
	}

	@Override
	public boolean register(Runnable action) {
		EntityManagerFactory factory = this.entityManagerFactory.get();
		if (factory == null
				|| !(TransactionSynchronizationManager.getResource(factory) instanceof EntityManagerHolder holder)) {
			return false;
		}
		Session session = holder.getEntityManager().unwrap(Session.class);
		if (!session.getTransaction().isActive()) {
			return false;
		}
		session.getTransaction().registerSynchronization(new Synchronization() {

			@Override
			public void beforeCompletion() {
				action.run();
			}

			@Override
			public void afterCompletion(int status) {
			}

		});
		return true;
	}

}
