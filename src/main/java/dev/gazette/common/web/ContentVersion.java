package dev.gazette.common.web;

import dev.gazette.common.GazetteConfig;
import dev.gazette.common.Times;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * When each {@link ContentKeys key} last changed. One sequence numbers the moments changes become
 * visible; each key remembers the number of its last change, in a fixed table of slots (two keys
 * may share a slot: then a change of one also drops answers of the other, never the reverse). An
 * answer computed after sequence number {@code s} is current while none of its keys moved past
 * {@code s}.
 *
 * <p>Keys move when the transaction that recorded the change commits, before that request's
 * response is sent, so the writer's very next read is fresh. Lagging keys ({@code ...~}) move up to
 * {@code gazette.http.cache.list-counter-lag} later, all at once. Changes made through other
 * instances sharing the database move their keys here when the other instance announces them
 * ({@link #changedElsewhere}, {@code ChangeAnnouncements}); a change known only by the shared change
 * counter (the announcement was missed) makes every earlier answer stale ({@link #observe}).
 */
@ApplicationScoped
public class ContentVersion {

    private static final int SLOT_BITS = 18;

    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLongArray slots = new AtomicLongArray(1 << SLOT_BITS);
    /** Answers computed before it are stale whatever their keys (changes elsewhere, whose keys are not known here). */
    private volatile long floor;
    private final PeerChanges peers = new PeerChanges();
    private final Set<String> lagging = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean lagFlushPlanned = new AtomicBoolean();
    /** Moments at which content changes by itself (scheduled posts coming due), earliest first. */
    private final ConcurrentSkipListSet<Instant> comingChanges = new ConcurrentSkipListSet<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    GazetteConfig config;

    @Inject
    Vertx vertx;

    @Inject
    EdgePurger edge;

    /** The sequence number now: what an answer about to be computed is valid from. */
    public long current() {
        return sequence.get();
    }

    /** The slot of a key in the table (stored with an answer, so checking it costs no hashing). */
    public static int slot(String key) {
        return (key.hashCode() * 0x9E3779B9) >>> (32 - SLOT_BITS);
    }

    /** Whether none of these slots moved since {@code since}. */
    public boolean unchangedSince(long since, int[] keySlots) {
        passComingChanges();
        if (since < floor) {
            return false;
        }
        for (int s : keySlots) {
            if (slots.get(s) > since) {
                return false;
            }
        }
        return true;
    }

    /** Whether this key has not moved since {@code since}. */
    public boolean unchangedSince(long since, String key) {
        passComingChanges();
        return since >= floor && slots.get(slot(key)) <= since;
    }

    /**
     * The current transaction records changes of these keys, numbered {@code firstSeq} to
     * {@code lastSeq} by the shared change counter: they move if and when it commits; outside a
     * transaction, now.
     */
    public void changedInThisTransaction(long firstSeq, long lastSeq, Collection<String> keys) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            for (long seq = firstSeq; seq <= lastSeq; seq++) {
                peers.own(seq);
            }
            move(keys);
            edge.changed(keys);
            return;
        }
        Pending pending = (Pending) transactions.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(Pending.class, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        for (long seq = firstSeq; seq <= lastSeq; seq++) {
            pending.seqs.add(seq);
        }
        pending.keys.addAll(keys);
    }

    private void move(Collection<String> keys) {
        long lag = config.http().cache().listCounterLag().toMillis();
        long at = sequence.incrementAndGet();
        boolean laggingAdded = false;
        for (String key : keys) {
            if (lag > 0 && ContentKeys.lags(key)) {
                laggingAdded |= lagging.add(key);
            } else {
                slots.accumulateAndGet(slot(key), at, Math::max);
            }
        }
        if (laggingAdded && lagFlushPlanned.compareAndSet(false, true)) {
            vertx.setTimer(lag, id -> moveLagging());
        }
    }

    /** The lagging keys collected since the last time move together. */
    private void moveLagging() {
        lagFlushPlanned.set(false);
        long at = sequence.incrementAndGet();
        for (String key : lagging) {
            lagging.remove(key);
            slots.accumulateAndGet(slot(key), at, Math::max);
        }
    }

    /**
     * Changes {@code firstSeq} to {@code lastSeq} were committed through another instance, which
     * announced their keys: those keys move here as a local commit moves them, and the counter's
     * next reading knows these numbers. Without keys (too many to announce) every earlier answer is
     * stale.
     */
    public void changedElsewhere(long firstSeq, long lastSeq, Collection<String> keys) {
        for (long seq = firstSeq; seq <= lastSeq; seq++) {
            peers.known(seq);
        }
        if (keys.isEmpty()) {
            floor = sequence.incrementAndGet();
        } else {
            move(keys);
        }
    }

    /**
     * The shared change counter reads {@code lastSeq}: when it counted changes made elsewhere since
     * the last reading ({@link PeerChanges}), every answer computed before now is stale.
     */
    public void observe(long lastSeq) {
        if (peers.elsewhereSince(lastSeq)) {
            floor = sequence.incrementAndGet();
        }
    }

    /**
     * Content changes by itself at {@code at} (a scheduled post becomes public then): every answer
     * computed before that moment is stale from it on, without waiting for the scheduler to flip the
     * post's status. A moment that turns out not to change anything (the post was unscheduled) only
     * costs one recomputation of each answer.
     */
    public void changesAt(Instant at) {
        comingChanges.add(at);
    }

    /** When a coming change's moment has passed, answers computed before now are stale. */
    private void passComingChanges() {
        Instant first = firstComingChange();
        if (first == null) {
            return;
        }
        Instant now = Times.now();
        if (first.isAfter(now)) {
            return; // the common case: a look at the earliest, nothing written
        }
        boolean passed = false;
        for (Instant due = comingChanges.pollFirst(); due != null; due = comingChanges.pollFirst()) {
            if (due.isAfter(now)) {
                comingChanges.add(due);
                break;
            }
            passed = true;
        }
        if (passed) {
            floor = sequence.incrementAndGet();
        }
    }

    private Instant firstComingChange() {
        try {
            return comingChanges.isEmpty() ? null : comingChanges.first();
        } catch (java.util.NoSuchElementException emptiedMeanwhile) {
            return null;
        }
    }

    private final class Pending implements Synchronization {
        final List<Long> seqs = new ArrayList<>();
        final Set<String> keys = new LinkedHashSet<>();

        @Override
        public void beforeCompletion() {
            seqs.forEach(peers::own);
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                move(keys);
                edge.changed(keys); // the committing instance purges shared caches; the others only hear
            } else {
                seqs.forEach(peers::forget);
            }
        }
    }
}
