package io.scaleguard.adapters.postgres;

import io.scaleguard.application.port.out.StoreUnavailable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.function.Function;
import org.eclipse.persistence.exceptions.EclipseLinkException;

/**
 * One short-lived {@link EntityManager} per call, and the adapter boundary for failures: whatever JPA, EclipseLink or
 * the driver throws leaves as {@link StoreUnavailable}, except a unique-constraint violation, which the stores turn into
 * an answer ({@link UniqueViolation}).
 */
final class Transactions {

    /** SQLSTATE of a unique violation, the same on PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManagerFactory factory;

    Transactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    /** Runs queries outside a transaction: they see committed data, and EclipseLink may retry them on a fresh connection. */
    <T> T read(String action, Function<EntityManager, T> work) {
        try {
            EntityManager entityManager = factory.createEntityManager();
            try {
                return work.apply(entityManager);
            } finally {
                entityManager.close();
            }
        } catch (PersistenceException | EclipseLinkException | IllegalStateException e) {
            throw unavailable(action, e);
        }
    }

    /** Runs the work in one transaction and commits it; on any failure nothing of it is kept. */
    <T> T write(String action, Function<EntityManager, T> work) {
        try {
            return inTransaction(work);
        } catch (PersistenceException | EclipseLinkException | IllegalStateException e) {
            throw unavailable(action, e);
        }
    }

    /** As {@link #write}, for work that adds rows with unique keys: a taken key throws {@link UniqueViolation}. */
    <T> T insert(String action, Function<EntityManager, T> work) {
        try {
            return inTransaction(work);
        } catch (PersistenceException | EclipseLinkException | IllegalStateException e) {
            if (isUniqueViolation(e)) {
                throw new UniqueViolation(e);
            }
            throw unavailable(action, e);
        }
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager entityManager = factory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } finally {
            rollbackIfActive(transaction);
            entityManager.close();
        }
    }

    private static void rollbackIfActive(EntityTransaction transaction) {
        if (transaction.isActive()) {
            try {
                transaction.rollback();
            } catch (RuntimeException connectionAlreadyGone) {
                // The database dropped the transaction with the connection; the original failure is what matters.
            }
        }
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static StoreUnavailable unavailable(String action, RuntimeException cause) {
        return new StoreUnavailable("the database could not " + action, cause);
    }

    /** The database refused a row because a unique key was taken; the store decides what that means. */
    static final class UniqueViolation extends RuntimeException {
        UniqueViolation(Throwable cause) {
            super("a unique key is taken", cause);
        }
    }
}
