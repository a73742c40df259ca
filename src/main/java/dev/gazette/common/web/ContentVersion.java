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
    /** Moves only with changes to posts, categories and tags (not comments, likes of comments, authors). */
    private final AtomicLong postsVersion = new AtomicLong();
    /** Changes committed by this instance, counted like the shared change counter counts them. */
    private final AtomicLong localChanges = new AtomicLong();
    private long lastPeerChanges = Long.MIN_VALUE;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public long current() {
        return version.get();
    }

    /** A version that moves only when posts, categories or tags change: what post counts per term depend on. */
    public long postsAndTerms() {
        return postsVersion.get();
    }

    /**
     * The current transaction records {@code changes} changes ({@code postsOrTerms} when some are
     * about posts, categories or tags): the versions move if and when it commits.
     */
    public void changedInThisTransaction(int changes, boolean postsOrTerms) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            localChanges.addAndGet(changes);
            moveOn(postsOrTerms);
            return;
        }
        Pending pending = (Pending) transactions.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(Pending.class, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        pending.changes += changes;
        pending.postsOrTerms |= postsOrTerms;
    }

    private void moveOn(boolean postsOrTerms) {
        if (postsOrTerms) {
            postsVersion.incrementAndGet();
        }
        version.incrementAndGet();
    }

    /**
     * The shared change counter reads {@code lastSeq}. What it counts beyond this instance's own
     * changes was done elsewhere: when that moved since the last reading, so does the version.
     */
    public synchronized void observe(long lastSeq) {
        long peerChanges = lastSeq - localChanges.get();
        if (lastPeerChanges != Long.MIN_VALUE && peerChanges != lastPeerChanges) {
            moveOn(true); // what changed elsewhere is not known here
        }
        lastPeerChanges = peerChanges;
    }

    private final class Pending implements Synchronization {
        int changes;
        boolean postsOrTerms;

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                localChanges.addAndGet(changes);
                moveOn(postsOrTerms);
            }
        }
    }
}
