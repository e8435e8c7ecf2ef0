package vn.kontum.hotline.queue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads that take entries from one stream and hand each to a handler. An entry is acknowledged only after
 * its handler returned; an entry whose worker died is claimed again after {@code claimAfter}.
 */
public final class StreamWorkers {

    private static final Logger log = LoggerFactory.getLogger(StreamWorkers.class);

    private final WorkQueue queue;
    private final String stream;
    private final String node;
    private final int threads;
    private final int batch;
    private final Duration claimAfter;
    private final Duration gather;
    private final WorkHandler handler;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Thread> workers = new ArrayList<>();

    /**
     * {@code batch}: the most entries one thread takes at a time. Large batches cost fewer commits; small ones
     * let the entries of a burst go through several threads side by side instead of waiting one behind another.
     */
    public StreamWorkers(WorkQueue queue, String stream, String node, int threads, int batch, Duration claimAfter, WorkHandler handler) {
        this(queue, stream, node, threads, batch, claimAfter, Duration.ZERO, handler);
    }

    /**
     * {@code gather}: how long a thread that found fewer than {@code batch} entries waits for more before it handles
     * them. Under a steady stream of messages this turns many commits of one or two messages into a few larger
     * ones; zero where every millisecond counts (the urgent lanes).
     */
    public StreamWorkers(WorkQueue queue, String stream, String node, int threads, int batch, Duration claimAfter, Duration gather,
                         WorkHandler handler) {
        this.queue = queue;
        this.stream = stream;
        this.node = node;
        this.threads = threads;
        this.batch = batch;
        this.claimAfter = claimAfter;
        this.gather = gather;
        this.handler = handler;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        for (int i = 0; i < threads; i++) {
            String consumer = node + "-" + i;
            Thread t = Thread.ofPlatform().name(stream + "-" + i).daemon().start(() -> loop(consumer));
            workers.add(t);
        }
    }

    public void stop() {
        running.set(false);
        for (Thread t : workers) {
            try {
                t.join(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    private void loop(String consumer) {
        WorkQueue.Reader reader = null;
        long nextClaim = 0;
        long backoffMillis = 100;
        while (running.get()) {
            try {
                if (reader == null) {
                    reader = queue.reader(stream, consumer);
                }
                if (System.currentTimeMillis() >= nextClaim) {
                    // Our own unfinished entries (from before a restart) and those of dead workers.
                    handleAll(reader, reader.claimStale(claimAfter, batch));
                    nextClaim = System.currentTimeMillis() + Math.max(1_000, claimAfter.toMillis() / 2);
                }
                handleAll(reader, gathered(reader, reader.next(batch, Duration.ofSeconds(1))));
                backoffMillis = 100;
            } catch (RuntimeException e) {
                log.warn("{} worker {}: {}; retrying in {} ms", stream, consumer, e.getClass().getSimpleName(), backoffMillis);
                if (reader != null) {
                    reader.forgetGroup();
                }
                sleep(backoffMillis);
                backoffMillis = Math.min(5_000, backoffMillis * 2);
            }
        }
        if (reader != null) {
            reader.close();
        }
    }

    private List<WorkQueue.Entry> gathered(WorkQueue.Reader reader, List<WorkQueue.Entry> found) {
        if (gather.isZero() || found.isEmpty() || found.size() >= batch) {
            return found;
        }
        sleep(gather.toMillis());
        List<WorkQueue.Entry> more = reader.waiting(batch - found.size());
        if (more.isEmpty()) {
            return found;
        }
        List<WorkQueue.Entry> all = new ArrayList<>(found);
        all.addAll(more);
        return all;
    }

    private void handleAll(WorkQueue.Reader reader, List<WorkQueue.Entry> entries) {
        if (entries.isEmpty() || !running.get()) {
            return;
        }
        long started = System.nanoTime();
        handler.handleAll(entries.stream().map(WorkQueue.Entry::id).filter(id -> id >= 0).toList());
        reader.ack(entries);
        log.debug("{}: {} entries handled in {} us", stream, entries.size(), (System.nanoTime() - started) / 1000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
