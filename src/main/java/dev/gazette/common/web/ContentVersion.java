package dev.gazette.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that moves whenever public content changes: the key of everything the
 * {@link ResponseCache} holds. It moves when a transaction that recorded changes commits (before
 * that request's response is sent, so the writer's very next read misses the cache), and when the
 * shared change counter shows changes that other instances made.
 */
@ApplicationScoped
public class ContentVersion {

    private final AtomicLong version = new AtomicLong();
    /** Changes committed by this instance, counted like the shared change counter counts them. */
    private final AtomicLong localChanges = new AtomicLong();
    private long lastPeerChanges = Long.MIN_VALUE;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public long current() {
        return version.get();
    }

    /** The current transaction records {@code changes} changes: the version moves if and when it commits. */
    public void changedInThisTransaction(int changes) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            localChanges.addAndGet(changes);
            version.incrementAndGet();
            return;
        }
        Pending pending = (Pending) transactions.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(Pending.class, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.changes += changes;
    }

    /**
     * The shared change counter reads {@code lastSeq}. What it counts beyond this instance's own
     * changes was done elsewhere: when that moved since the last reading, so does the version.
     */
    public synchronized void observe(long lastSeq) {
        long peerChanges = lastSeq - localChanges.get();
        if (lastPeerChanges != Long.MIN_VALUE && peerChanges != lastPeerChanges) {
            version.incrementAndGet();
        }
        lastPeerChanges = peerChanges;
    }

    private final class Pending implements Synchronization {
        int changes;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                localChanges.addAndGet(changes);
                version.incrementAndGet();
            }
        }
    }
}
