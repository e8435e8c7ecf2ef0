package vn.kontum.hotline.understanding;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.springframework.stereotype.Component;

import vn.kontum.hotline.nlp.Classification;

/**
 * What the intake's classifier made of the messages it has just stored (it asks to choose the urgent lane), kept
 * a short while for the worker that processes them on this node: a message is then classified once, not twice.
 * A fixed ring indexed by message id needs no clean-up: an entry is overwritten by a later message's. A message not
 * found (processed on another node, after a restart, or behind a backlog longer than the ring) is classified again.
 */
@Component
public final class RecentClassifications {

    /** Message ids count replies too: 16,384 slots hold the last several thousand messages received. */
    private static final int SLOTS = 1 << 14;

    private record Entry(long messageId, Classification classification) {
    }

    private final AtomicReferenceArray<Entry> ring = new AtomicReferenceArray<>(SLOTS);

    public void remember(long messageId, Classification classification) {
        ring.set(slot(messageId), new Entry(messageId, classification));
    }

    /** The classification kept for this message, once: taking it frees its slot. */
    public Optional<Classification> take(long messageId) {
        int slot = slot(messageId);
        Entry entry = ring.get(slot);
        if (entry == null || entry.messageId() != messageId) {
            return Optional.empty();
        }
        ring.compareAndSet(slot, entry, null);
        return Optional.of(entry.classification());
    }

    private static int slot(long messageId) {
        return (int) (messageId & (SLOTS - 1));
    }
}
