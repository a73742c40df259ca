package dev.gazette.common.web;

import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Tells changes made through other instances that were not announced from this instance's own and
 * the announced ones, by the numbers the shared change counter gives them. This instance's numbers are known from just before their commit (and
 * forgotten if it rolls back), so a reading of the counter taken while a local change commits never
 * mistakes it for a peer's, and a peer's change is never taken for a local one.
 */
final class PeerChanges {

    private final ConcurrentSkipListSet<Long> own = new ConcurrentSkipListSet<>();
    /** The counter at the last reading; -1 before the first. */
    private long lastSeen = -1;

    /** This instance's transaction, about to commit, took this number. */
    void own(long seq) {
        own.add(seq);
    }

    /** Another instance announced the change of this number, with its keys: it is accounted for like our own. */
    void known(long seq) {
        own.add(seq);
    }

    /** It rolled back: the number goes back to the counter, for whoever commits next. */
    void forget(long seq) {
        own.remove(seq);
    }

    /** The counter reads {@code lastSeq}: whether it counted a change since the last reading that was not this instance's. */
    synchronized boolean elsewhereSince(long lastSeq) {
        boolean elsewhere = false;
        if (lastSeen >= 0 && lastSeq > lastSeen) {
            elsewhere = lastSeq - lastSeen > own.subSet(lastSeen, false, lastSeq, true).size();
        }
        own.headSet(lastSeq, true).clear();
        lastSeen = Math.max(lastSeen, lastSeq);
        return elsewhere;
    }
}
