package vn.kontum.hotline.redis;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A copy in memory of something every node reads from the database on nearly every message and that changes rarely
 * (the knowledge entries, which chats are officers'). A change made on this node is seen here at once; one made on
 * another node when the version in Redis changes, asked at most once a second; and the copy is read again at least
 * once a minute in case a change could not say so (Redis away). While one thread reads it again, the others go on
 * with the copy they have, unless there is none yet or this node has changed it.
 */
public final class SharedCopy<T> {

    private static final Duration VERSION_ASKED_EVERY = Duration.ofSeconds(1);
    private static final Duration LONGEST_UNCHECKED = Duration.ofMinutes(1);

    private final SharedVersion version;
    private final Supplier<T> read;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile @Nullable Snapshot<T> snapshot;

    /** {@code read}: reads the thing from the database; {@code version}: changed after each change to it. */
    public SharedCopy(SharedVersion version, Supplier<T> read) {
        this.version = version;
        this.read = read;
    }

    /** {@code readAt}: when it was read; {@code checkedAt}: when its version was last asked for. */
    private record Snapshot<T>(String version, long changesHere, long readAt, long checkedAt, T value) {
    }

    public T current() {
        Snapshot<T> known = snapshot;
        if (known != null && fresh(known)) {
            return known.value();
        }
        if (known == null || known.changesHere() != version.changesHere()) {
            reading.lock();
        } else if (!reading.tryLock()) {
            return known.value();
        }
        try {
            known = snapshot;
            return (known != null && fresh(known) ? known : readAgain(known)).value();
        } finally {
            reading.unlock();
        }
    }

    private boolean fresh(Snapshot<T> known) {
        return known.changesHere() == version.changesHere() && System.nanoTime() - known.checkedAt() < VERSION_ASKED_EVERY.toNanos();
    }

    private Snapshot<T> readAgain(@Nullable Snapshot<T> known) {
        long now = System.nanoTime();
        long changes = version.changesHere();
        String shared = version.current();
        Snapshot<T> next;
        if (known != null && known.version().equals(shared) && !SharedVersion.UNKNOWN.equals(shared) && known.changesHere() == changes
                && now - known.readAt() < LONGEST_UNCHECKED.toNanos()) {
            next = new Snapshot<>(shared, changes, known.readAt(), now, known.value());
        } else {
            // Read after the version and the count of changes here: a change between them is read now and once more next time.
            next = new Snapshot<>(shared, changes, now, now, read.get());
        }
        snapshot = next;
        return next;
    }
}
