package vn.kontum.hotline.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.kontum.hotline.metrics.HotlineMetrics;
import vn.kontum.hotline.nlp.Classification;
import vn.kontum.hotline.nlp.MessageClassifier;
import vn.kontum.hotline.secrets.ContentCipher;
import vn.kontum.hotline.HotlineClock;
import vn.kontum.hotline.contact.Contacts;
import vn.kontum.hotline.queue.WorkQueue;
import vn.kontum.hotline.understanding.RecentClassifications;
import vn.kontum.hotline.web.ApiException;

/**
 * Where every channel hands in a message. Stores it in the database (once, whatever the redeliveries), then
 * puts it on the work queue. The database is the promise: if the queue is unreachable, the sweeper puts the
 * message on the queue later.
 *
 * <p>Group commit: callers wait while a writer thread stores whatever has arrived meanwhile in one transaction,
 * so a burst costs one commit per batch rather than one per message. The writer waits up to {@code gather} (10 ms)
 * after a batch's first message for others to join it, and no longer than a fifth of that (2 ms) after the last one
 * came: under a steady stream, where a message rarely finds another waiting, this turns a commit per message into a
 * commit per ten, while a lone message, or a pause in the stream, costs only the short wait. One writer by default,
 * since two would share each gathering between them. A batch that fails is retried message by message, so one bad message cannot
 * take others down with it.
 */
@Service
public class MessageIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageIntake.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Contacts contacts;
    private final WorkQueue queue;
    private final Clock clock;
    private final ContentCipher content;
    private final HotlineMetrics metrics;
    private final MessageClassifier classifier;
    private final RecentClassifications understood;
    private final BlockingQueue<Pending> waiting;
    private final int writers;
    private final int maxBatch;
    private final long gatherNanos;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    MessageIntake(JdbcClient jdbc, TransactionTemplate tx, Contacts contacts, WorkQueue queue, Clock clock, ContentCipher content, HotlineMetrics metrics,
                  MessageClassifier classifier, RecentClassifications understood,
                  @Value("${hotline.intake.writers:1}") int writers,
                  @Value("${hotline.intake.max-batch:100}") int maxBatch,
                  @Value("${hotline.intake.max-waiting:5000}") int maxWaiting,
                  @Value("${hotline.intake.gather:PT0.01S}") Duration gather) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.contacts = contacts;
        this.queue = queue;
        this.clock = clock;
        this.content = content;
        this.metrics = metrics;
        this.classifier = classifier;
        this.understood = understood;
        this.writers = writers;
        this.maxBatch = maxBatch;
        this.gatherNanos = gather.toNanos();
        this.waiting = new ArrayBlockingQueue<>(maxWaiting);
    }

    /**
     * {@code understood}: what the classifier made of the text (null without text), on the caller's thread before the
     * write: whether someone is in danger chooses the lane, and the worker that processes the message reuses it.
     */
    private record Pending(InboundMessage message, CompletableFuture<Acceptance> result, long startedNanos,
                           @Nullable Classification understood) {
        boolean urgent() {
            return understood != null && understood.urgent();
        }
    }

    /**
     * Returns once the message is stored durably. Throws (the caller answers 503, the platform retries) when
     * the database cannot take it in time.
     */
    public Acceptance accept(InboundMessage received) {
        InboundMessage message = received.storable();
        Pending pending = new Pending(message, new CompletableFuture<>(), System.nanoTime(),
                message.text().isEmpty() ? null : classifier.classify(message.text()));
        if (!running || !waiting.offer(pending)) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
        }
        try {
            return pending.result().get(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !waiting.isEmpty()) {
            try {
                Pending first = waiting.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, maxBatch - 1);
                gather(batch, first.startedNanos() + gatherNanos);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("intake writer: {}", e.getClass().getSimpleName());
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Waits until {@code deadline} for more messages to join the batch, so that a steady stream costs fewer commits;
     * stops early when none comes for a fifth of the gathering time. Interrupted, it stops waiting but the batch is
     * still written: its senders are waiting for it.
     */
    private void gather(List<Pending> batch, long deadline) {
        long left;
        while (batch.size() < maxBatch && (left = deadline - System.nanoTime()) > 0) {
            Pending next;
            try {
                next = waiting.poll(Math.min(left, gatherNanos / 5), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                return;
            }
            batch.add(next);
            waiting.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void write(List<Pending> batch) {
        OffsetDateTime now = HotlineClock.now(clock);
        List<Acceptance> stored;
        try {
            stored = tx.execute(status -> batch.stream().map(p -> store(p.message(), p.urgent(), now)).toList());
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                // No connection to be had: each message alone, or the next batch, would only wait for the pool's
                // timeout again. Everything waiting is refused now, so that the channels hear 503 within seconds.
                List<Pending> refused = new ArrayList<>(batch);
                waiting.drainTo(refused);
                log.warn("{} messages not stored: the database cannot be reached ({}); the channels are told to try again",
                        refused.size(), e.getClass().getSimpleName());
                refused.forEach(p -> p.result().completeExceptionally(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable")));
                return;
            }
            if (batch.size() == 1) {
                log.warn("message not stored ({}); the channel is told to try again", e.getClass().getSimpleName());
                batch.getFirst().result().completeExceptionally(e);
            } else {
                batch.forEach(p -> write(List.of(p)));
            }
            return;
        }
        metrics.intakeBatch(batch.size());
        List<Long> fresh = new ArrayList<>();
        List<Long> urgent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (!stored.get(i).duplicate()) {
                Pending p = batch.get(i);
                long id = stored.get(i).messageId();
                if (p.understood() != null) {
                    understood.remember(id, p.understood()); // before the queue hands the id to a worker
                }
                (p.urgent() ? urgent : fresh).add(id);
            }
        }
        try {
            queue.publishAll(WorkQueue.URGENT_INBOUND, urgent);
            queue.publishAll(WorkQueue.INBOUND, fresh);
        } catch (RuntimeException e) {
            log.warn("{} messages stored but not queued ({}); the sweeper will queue them", fresh.size() + urgent.size(), e.getClass().getSimpleName());
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            Acceptance a = stored.get(i);
            p.result().complete(a);
            if (!a.duplicate()) {
                metrics.accepted(p.message().channel().id(), java.time.Duration.ofNanos(System.nanoTime() - p.startedNanos()));
            }
            log.debug("accepted message {} channel={} duplicate={} batch={} in {} us", a.messageId(), p.message().channel().id(),
                    a.duplicate(), batch.size(), (System.nanoTime() - p.startedNanos()) / 1000);
        }
    }

    private static boolean unreachable(RuntimeException e) {
        return e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < writers; i++) {
            threads.add(Thread.ofPlatform().name("intake-writer-" + i).daemon().start(this::writeLoop));
        }
    }

    @Override
    public void stop() {
        running = false; // writers finish what is waiting, then end
        for (Thread t : threads) {
            try {
                t.join(MAX_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 75; // up before the channels start taking messages, down after they stop
    }

    private Acceptance store(InboundMessage message, boolean urgent, OffsetDateTime now) {
        long contactId = contacts.idFor(message.channel(), message.channelUserId(), message.displayName(), now);
        KeyHolder keys = new GeneratedKeyHolder();
        int inserted = jdbc.sql("""
                        insert into message (direction, channel, inbound_key, channel_message_id, contact_id, body,
                                             attachment_type, attachment_ref, urgent, state, created_at, enqueued_at)
                        values ('IN', :channel, :key, :channelMessageId, :contact, :body, :attachmentType, :attachmentRef,
                                :urgent, 'ACCEPTED', :now, :now)
                        on conflict do nothing""")
                .param("channel", message.channel().id())
                .param("key", message.inboundKey())
                .param("channelMessageId", message.chatMessageId() != null ? message.chatMessageId() : message.channelMessageId())
                .param("contact", contactId)
                .param("body", content.seal(message.text()))
                .param("attachmentType", message.attachmentType())
                .param("attachmentRef", message.attachmentRef())
                .param("urgent", urgent) // the intake's guess, so that a message requeued later still takes the urgent lane
                .param("now", now)
                .update(keys, "id");
        if (inserted == 1 && keys.getKey() != null) {
            return new Acceptance(keys.getKey().longValue(), false);
        }
        long id = jdbc.sql("select id from message where inbound_key = :key").param("key", message.inboundKey())
                .query(Long.class).single();
        return new Acceptance(id, true);
    }
}
