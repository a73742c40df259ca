package dev.gazette.common.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Readings of the shared change counter, interleaved with this instance's commits as they can be. */
class PeerChangesTest {

    @Test
    void ownChangesAreNeverTakenForAPeersEvenWhenReadWhileCommitting() {
        PeerChanges peers = new PeerChanges();
        assertFalse(peers.elsewhereSince(10), "the first reading sets the baseline");
        peers.own(11);                                     // our transaction took 11 and is committing
        assertFalse(peers.elsewhereSince(10), "read before our commit is visible: nothing new");
        assertFalse(peers.elsewhereSince(11), "read right after our commit, before it completed: still ours");
        assertFalse(peers.elsewhereSince(11));
    }

    @Test
    void aPeersChangeRightAfterOursIsNotHidden() {
        // the defect this replaces: a local change counted only after its commit completed was taken
        // for a peer's when the counter was read in between, and the next real peer change then went unnoticed
        PeerChanges peers = new PeerChanges();
        peers.elsewhereSince(10);
        peers.own(11);
        assertFalse(peers.elsewhereSince(11));
        assertTrue(peers.elsewhereSince(12), "12 was taken by another instance");
        assertFalse(peers.elsewhereSince(12));
    }

    @Test
    void mixedReadingsCountOnlyPeers() {
        PeerChanges peers = new PeerChanges();
        peers.elsewhereSince(0);
        peers.own(1);
        peers.own(2);
        peers.own(4);                                      // 3 is a peer's; 4 ours, not yet visible
        assertTrue(peers.elsewhereSince(3));
        assertFalse(peers.elsewhereSince(4), "4 was ours");
        peers.own(5);
        peers.forget(5);                                   // rolled back: a peer commits 5 instead
        assertTrue(peers.elsewhereSince(5), "a rolled-back number taken by a peer is the peer's");
    }
}
